import Articles

/// Reads JSON Lines: one article per line, with `id`, `url`, `outlet`, `title`, `published`,
/// `author` and either `text` or `html`. Blank lines are skipped; every bad line is reported
/// as `path:line` and the rest of the file is still read.
public enum JSONLinesReader {
    struct Line {
        var id: String?
        var url: String?
        var outlet: String?
        var title: String?
        var published: String?
        var author: String?
        var text: String?
        var html: String?

        static let fields: [StaticString] = ["id", "url", "outlet", "title", "published", "author", "text", "html"]

        init(_ values: [String?]) {
            id = values[0]
            url = values[1]
            outlet = values[2]
            title = values[3]
            published = values[4]
            author = values[5]
            text = values[6]
            html = values[7]
        }
    }

    public static func read(bytes: [UInt8], path: String) -> [Result<Article, InputError>] {
        var results = read(Piece(lines: lines(bytes), firstLine: 1), path: path)
        if results.isEmpty {
            results.append(.failure(InputError(path: path, "holds no articles")))
        }
        return results
    }

    /// Consecutive lines of one file, to be read apart from the others: a big file is read on
    /// every core, a piece each (`pieces`).
    public struct Piece: Sendable {
        let lines: [ArraySlice<UInt8>]
        /// The number of the piece's first line in its file, from 1.
        let firstLine: Int
    }

    /// The file's lines in pieces of `linesPerPiece`, in order. Reading every piece with
    /// `read(_:path:)` gives what `read(bytes:path:)` gives, less its "holds no articles"
    /// for a file without any, which the caller says when every piece came back empty.
    public static func pieces(bytes: [UInt8], linesPerPiece: Int) -> [Piece] {
        let all = lines(bytes)
        let step = max(1, linesPerPiece)
        return stride(from: 0, to: all.count, by: step).map { start in
            Piece(lines: Array(all[start..<min(all.count, start + step)]), firstLine: start + 1)
        }
    }

    /// The articles of one piece's lines, and a problem naming `path:line` for each bad line.
    public static func read(_ piece: Piece, path: String) -> [Result<Article, InputError>] {
        var results: [Result<Article, InputError>] = []
        var lineNumber = piece.firstLine - 1
        // Lines are split on bytes: JSON never holds a raw newline inside a string.
        for raw in piece.lines {
            lineNumber += 1
            let line = raw.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = "\(path):\(lineNumber)"
            let item: Line
            switch parse(line) {
            case .line(let parsed): item = parsed
            case .problem(let problem):
                results.append(.failure(InputError(path: location, problem)))
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
        return results
    }

    /// The lines of `bytes` (split at every `\n`, so the last may be empty), found eight bytes at a time.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            var i = 0
            while i < all.count {
                if i + 8 <= all.count && !ByteScan.contains(ByteScan.load(all, i), 0x0A) {
                    i += 8
                    continue
                }
                if all[i] == 0x0A {
                    out.append(bytes[start..<i])
                    start = i + 1
                }
                i += 1
            }
            out.append(bytes[start..<all.count])
        }
        return out
    }

    /// The line's fields, or the problem with it. Every string the parser accepts was valid
    /// UTF-8, so only a line it refuses is checked as a whole, to say which problem it has.
    static func parse(_ line: ArraySlice<UInt8>) -> ParsedLine {
        let parsed = line.withUnsafeBufferPointer { bytes in
            Result { () throws(JSONLineParser.Failure) in try JSONLineParser.parse(bytes, fields: Line.fields) }
        }
        switch parsed {
        case .success(let values): return .line(Line(values))
        case .failure(let failure):
            if String(validating: line, as: UTF8.self) == nil { return .problem("is not valid UTF-8 (JSON Lines must be UTF-8)") }
            switch failure {
            case .syntax(let message): return .problem("not a JSON object with string fields (\(message))")
            case .notAString(let field): return .problem("not a JSON object with string fields (field `\(field)` is not a string)")
            case .invalidUTF8: return .problem("is not valid UTF-8 (JSON Lines must be UTF-8)")
            }
        }
    }

    enum ParsedLine {
        case line(Line)
        case problem(String)
    }
}
