import Foundation

/// Where an article of a report lies in a file, for formats that point into files (SARIF,
/// GitHub annotations).
public struct ArticleLocation: Sendable {
    /// The file the article was read from: the report path without a JSON Lines `#id` or `:line`.
    public var file: String
    /// Body offsets → file lines; nil when the body is not the file's own text (HTML, JSON Lines)
    /// or the file could not be read.
    public var lineMap: LineMap?
    /// The line the article starts on, when known (a JSON Lines record, the line after front matter).
    public var line: Int?

    public init(file: String, lineMap: LineMap? = nil, line: Int? = nil) {
        self.file = file
        self.lineMap = lineMap
        self.line = line
    }

    /// The passage's region, or nil when it cannot be placed exactly.
    public func region(of span: PassageReport.Span, text: String) -> SourceRegion? {
        lineMap?.region(bodyStart: span.start, end: span.end, expected: text)
    }

    /// The line to point at when no passage can be placed: the article's first line.
    public var articleLine: Int { line ?? 1 }
}

/// Finds the file behind each path in a report. The renderers stay free of I/O: they ask a
/// locator, and the caller decides whether it reads the disk (`fileSystem`), memory (`texts`)
/// or nothing (`pathsOnly`).
public struct ArticleLocator: Sendable {
    private let locate: @Sendable (String) -> ArticleLocation

    public init(_ locate: @escaping @Sendable (String) -> ArticleLocation) {
        self.locate = locate
    }

    public func callAsFunction(_ reportPath: String) -> ArticleLocation { locate(reportPath) }

    /// Points at files without reading them: every finding is placed at its article's line.
    public static let pathsOnly = ArticleLocator { path in
        let (file, line, _) = split(path)
        return ArticleLocation(file: file, line: line)
    }

    /// Reads each file from disk; relative paths are resolved against `baseDirectory` (default:
    /// the current directory, where the scan that wrote the report ran).
    public static func fileSystem(baseDirectory: String? = nil) -> ArticleLocator {
        ArticleLocator { path in
            let (file, _, _) = split(path)
            let resolved = file.hasPrefix("/") || baseDirectory == nil ? file : (baseDirectory ?? "") + "/" + file
            let text = FileManager.default.contents(atPath: resolved).flatMap { String(validating: [UInt8]($0), as: UTF8.self) }
            return location(reportPath: path, fileText: text)
        }
    }

    /// Files held in memory, keyed by the path without any JSON Lines suffix.
    public static func texts(_ files: [String: String]) -> ArticleLocator {
        ArticleLocator { path in
            let (file, _, _) = split(path)
            return location(reportPath: path, fileText: files[file])
        }
    }

    /// The location of the article at `reportPath`, given its file's text (nil: unreadable).
    public static func location(reportPath: String, fileText: String?) -> ArticleLocation {
        let (file, line, recordID) = split(reportPath)
        guard var text = fileText else { return ArticleLocation(file: file, line: line) }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        switch kind(of: file) {
        case .text:
            let start = bodyStart(of: text)
            let map = LineMap(fileText: text, bodyStart: start)
            return ArticleLocation(file: file, lineMap: map, line: map.bodyLine)
        case .jsonLines:
            return ArticleLocation(file: file, line: line ?? recordID.flatMap { jsonLine(of: $0, in: text) })
        case .html:
            return ArticleLocation(file: file)
        }
    }

    enum Kind { case text, jsonLines, html }

    static func kind(of file: String) -> Kind {
        switch (file as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonLines
        case "html", "htm", "xhtml": return .html
        default: return .text
        }
    }

    /// `a.jsonl#id` → (`a.jsonl`, nil, `id`); `a.jsonl:12` → (`a.jsonl`, 12, nil); others unchanged.
    static func split(_ path: String) -> (file: String, line: Int?, recordID: String?) {
        if let hash = path.firstIndex(of: "#"), kind(of: String(path[..<hash])) == .jsonLines {
            return (String(path[..<hash]), nil, String(path[path.index(after: hash)...]))
        }
        if let colon = path.lastIndex(of: ":"), let n = Int(path[path.index(after: colon)...]), n > 0,
           kind(of: String(path[..<colon])) == .jsonLines {
            return (String(path[..<colon]), n, nil)
        }
        return (path, nil, nil)
    }

    /// Where the body starts, in code points: after front matter between two `---` lines at the
    /// very top (the rule the text reader applies), else at 0.
    static func bodyStart(of text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        func lineEnd(from i: Int) -> Int {
            var j = i
            while j < scalars.count, scalars[j] != "\n" { j += 1 }
            return j
        }
        let firstEnd = lineEnd(from: 0)
        let first = String(String.UnicodeScalarView(scalars[0..<firstEnd]))
        guard first == "---" || first == "---\r", firstEnd < scalars.count else { return 0 }
        var i = firstEnd + 1
        while i < scalars.count {
            let end = lineEnd(from: i)
            let line = String(String.UnicodeScalarView(scalars[i..<end]))
            if line.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r")) == "---" {
                return min(end + 1, scalars.count)
            }
            i = end + 1
        }
        return 0
    }

    /// The 1-based line of the JSON Lines record whose `id` is `id`.
    static func jsonLine(of id: String, in text: String) -> Int? {
        for (n, scalars) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(String.UnicodeScalarView(scalars))
            guard line.contains(id),
                  let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["id"] as? String == id else { continue }
            return n + 1
        }
        return nil
    }
}
