import Articles

/// Reads a `.txt` or `.md` article.
///
/// Optional front matter between two `---` lines at the very top gives `title`, `outlet`,
/// `published`, `url`, `id` and `author` (`key: value`, one per line); the body is everything
/// after it. Without front matter the body is the whole file and the title is the first
/// non-blank line (for Markdown, the first `# ` heading).
public enum TextArticleReader {
    public static let frontMatterKeys: Set<String> = ["title", "outlet", "published", "url", "id", "author", "modified"]

    public static func read(bytes: [UInt8], path: String, markdown: Bool = false) throws(InputError) -> Article {
        let text = try TextDecoding.decode(bytes, path: path)
        let (fields, body) = try splitFrontMatter(text, path: path)
        guard body.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            throw InputError(path: path, bytes.isEmpty ? "is empty" : "has no article text")
        }
        let title = fields["title"] ?? guessTitle(body, markdown: markdown)
        return ArticleBuilder.build(body: body, source: path, id: fields["id"], url: fields["url"], outlet: fields["outlet"],
                                    title: title, published: fields["published"], author: fields["author"])
    }

    static func splitFrontMatter(_ text: String, path: String) throws(InputError) -> ([String: String], String) {
        let normalizedStart = text.hasPrefix("---\r\n") || text.hasPrefix("---\n")
        guard normalizedStart else { return ([:], text) }
        var fields: [String: String] = [:]
        var consumed = text.firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
        var lineNumber = 1
        while consumed < text.endIndex {
            let lineEnd = text[consumed...].firstIndex(of: "\n") ?? text.endIndex
            let line = String(text[consumed..<lineEnd]).trimmingWhitespace()
            lineNumber += 1
            let after = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if line == "---" {
                return (fields, String(text[after...]))
            }
            if !line.isEmpty {
                guard let colon = line.firstIndex(of: ":") else {
                    throw InputError(path: path, "front matter line \(lineNumber) is not `key: value`: \(line)")
                }
                let key = String(line[..<colon]).trimmingWhitespace().lowercased()
                var value = String(line[line.index(after: colon)...]).trimmingWhitespace()
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                    value = String(value.dropFirst().dropLast())
                }
                if frontMatterKeys.contains(key) && !value.isEmpty { fields[key] = value }
            }
            consumed = after
        }
        throw InputError(path: path, "front matter starts with `---` but has no closing `---` line")
    }

    static func guessTitle(_ body: String, markdown: Bool) -> String? {
        for line in body.split(separator: "\n") {
            let t = String(line).trimmingWhitespace()
            if t.isEmpty { continue }
            if markdown {
                if t.hasPrefix("# ") { return String(t.dropFirst(2)).trimmingWhitespace() }
                continue
            }
            // A headline is a short first line; a long one is the lede, not a title.
            return t.unicodeScalars.count <= 100 && !t.hasSuffix(".") ? t : nil
        }
        return nil
    }
}
