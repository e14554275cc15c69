import Articles
import Foundation

/// Reads articles that another program extracted (`copyscan extract --format json FILE`, saved
/// by Scripts/eval-extraction as `<folder>/<case name>.json`), so the CLI's output is scored
/// with the same measure as the in-process extractor.
public enum ExternalExtraction {
    public static func reader(folder: String, root: String) -> ExtractionEvaluation.Extract {
        { c in
            let file = folder + "/" + c.name + ".json"
            guard let data = FileManager.default.contents(atPath: file) else {
                return .failure(InputError(path: c.path, "no extractor output at \(file)"))
            }
            if let errorFile = FileManager.default.contents(atPath: file + ".error"), !errorFile.isEmpty {
                return .failure(InputError(path: c.path, String(decoding: errorFile, as: UTF8.self)))
            }
            guard let article = article(fromJSON: data, source: c.path) else {
                return .failure(InputError(path: c.path, "extractor output at \(file) holds no article body"))
            }
            return .success((article, "cli"))
        }
    }

    /// The article in a JSON document: an `Article` object itself, or one under `article`,
    /// or the first element of an array (JSON Lines output is read line by line).
    public static func article(fromJSON data: Data, source: String) -> Article? {
        let decoder = JSONDecoder()
        if let a = try? decoder.decode(Article.self, from: data) { return a }
        guard let json = try? JSONSerialization.jsonObject(with: data) else {
            let firstLine = data.split(separator: UInt8(ascii: "\n")).first.map { Data($0) }
            return firstLine.flatMap { $0.count < data.count ? article(fromJSON: $0, source: source) : nil }
        }
        let object = (json as? [String: Any]).flatMap { ($0["article"] as? [String: Any]) ?? $0 }
            ?? (json as? [Any])?.first as? [String: Any]
        guard let object, let body = object["body"] as? String else { return nil }
        let notices = (object["notices"] as? [Any] ?? []).compactMap { item -> Notice? in
            guard let n = item as? [String: Any], let location = (n["location"] as? String).flatMap(NoticeLocation.init) else { return nil }
            return Notice(text: n["text"] as? String ?? "", holder: n["holder"] as? String, prohibits: [], location: location)
        }
        return Article(id: ContentHash.hex(body), source: source, body: body, notices: notices)
    }
}
