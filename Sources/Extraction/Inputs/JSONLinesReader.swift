import Articles
import Foundation

/// Reads JSON Lines: one article per line, with `id`, `url`, `outlet`, `title`, `published`,
/// `author` and either `text` or `html`. Blank lines are skipped; every bad line is reported
/// as `path:line` and the rest of the file is still read.
public enum JSONLinesReader {
    struct Line: Decodable {
        var id: String?
        var url: String?
        var outlet: String?
        var title: String?
        var published: String?
        var author: String?
        var text: String?
        var html: String?
    }

    public static func read(bytes: [UInt8], path: String) -> [Result<Article, InputError>] {
        var results: [Result<Article, InputError>] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        // Lines are split on bytes: JSON never holds a raw newline inside a string.
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = "\(path):\(lineNumber)"
            guard String(validating: line, as: UTF8.self) != nil else {
                results.append(.failure(InputError(path: location, "is not valid UTF-8 (JSON Lines must be UTF-8)")))
                continue
            }
            let item: Line
            do {
                item = try decoder.decode(Line.self, from: Data(line))
            } catch {
                results.append(.failure(InputError(path: location, "not a JSON object with string fields (\(describe(error)))")))
                continue
            }
            let source = item.id.map { "\(path)#\($0)" } ?? location
            if let text = item.text {
                guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                    results.append(.failure(InputError(path: location, "`text` is empty")))
                    continue
                }
                results.append(.success(ArticleBuilder.build(body: text, source: source, id: item.id, url: item.url,
                                                              outlet: item.outlet, title: item.title,
                                                              published: item.published, author: item.author)))
            } else if let html = item.html {
                do {
                    var article = try HTMLArticleExtractor.extract(bytes: Array(html.utf8), source: source)
                    if let id = item.id { article.id = id }
                    article.url = item.url ?? article.url
                    article.outlet = item.outlet ?? article.outlet
                    article.title = item.title ?? article.title
                    article.published = item.published ?? article.published
                    article.author = item.author ?? article.author
                    results.append(.success(article))
                } catch {
                    results.append(.failure(InputError(path: location, error.problem)))
                }
            } else {
                results.append(.failure(InputError(path: location, "has neither `text` nor `html`")))
            }
        }
        if results.isEmpty {
            results.append(.failure(InputError(path: path, "holds no articles")))
        }
        return results
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "field `\(context.codingPath.map(\.stringValue).joined(separator: "."))`: \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default:
            return "invalid JSON"
        }
    }
}
