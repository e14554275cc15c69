import Articles

/// Reads a news page: decodes it, parses it with libxml2, finds the article text, its
/// metadata and the copyright notices on the page, and returns the `Article`.
///
/// This is the single entry point for HTML, whether the page came from a file or from a
/// JSON Lines record's `html` field. Safe to call from several threads at once.
public enum HTMLArticleExtractor {
    /// Pages larger than this are refused rather than risking the machine's memory; libxml2
    /// also takes at most 2 GiB.
    public static let maximumInputBytes = 256 * 1024 * 1024

    /// What extraction decided, for diagnostics and evaluation.
    public struct Report: Sendable {
        public var article: Article
        public var charset: Charset
        public var charsetReason: CharsetSniffer.Reason
        /// How the body was found: a known container's selector, `Fusion.globalContent`,
        /// `JSON-LD articleBody`, `density` or `body`.
        public var bodyMethod: String
    }

    /// Extracts the article from raw page bytes. `source` names the file or URL in errors.
    public static func extract(bytes: [UInt8], source: String) throws(InputError) -> Article {
        try extractReport(bytes: bytes, source: source).article
    }

    /// Like `extract(bytes:source:)`, with the charset a transport declared (an HTTP header,
    /// a JSON Lines field), which the page's bytes may still overrule.
    public static func extractReport(bytes: [UInt8], source: String, declaredCharset: Charset? = nil) throws(InputError) -> Report {
        guard !bytes.isEmpty else { throw InputError(path: source, "empty file: there is no HTML to read") }
        guard bytes.count <= maximumInputBytes else {
            throw InputError(path: source, "page is \(bytes.count) bytes; pages over \(maximumInputBytes) bytes are not read")
        }
        let (utf8, sniffed) = CharsetDecoder.decode(bytes, declared: declaredCharset)
        if sniffed.reason != .byteOrderMark, sniffed.statistics.looksBinary {
            throw InputError(path: source, "binary data, not an HTML page (\(sniffed.statistics.controlBytes) control bytes in \(bytes.count))")
        }
        guard let document = HTMLDocument(utf8: utf8) else {
            throw InputError(path: source, "no HTML content: the page is empty after decoding as \(sniffed.charset)")
        }
        let page = PageInventory(document)
        let metadata = PageMetadata(page)
        guard let located = ArticleBodyLocator.locate(in: document, page: page) else {
            throw InputError(path: source, "no article text found: the page has no visible text outside scripts, styles and markup")
        }

        var body = ""
        var paragraphs: [TextRange] = []
        var offset = 0
        for (i, text) in located.paragraphs.enumerated() {
            if i > 0 {
                body += "\n\n"
                offset += 2
            }
            let length = text.unicodeScalars.count
            body += text
            paragraphs.append(TextRange(start: offset, end: offset + length))
            offset += length
        }

        let findings = BoilerplateScanner.scan(body: body)
        var notices = findings.notices
        notices += PageNoticeFinder.notices(in: document, page: page, body: body)

        let article = Article(id: ContentHash.hex(body), source: source, url: metadata.url, outlet: metadata.outlet,
                              title: metadata.title, published: metadata.published, modified: metadata.modified,
                              author: metadata.author, body: body, paragraphs: paragraphs, notices: notices,
                              credits: findings.credits, excluded: findings.excluded)
        return Report(article: article, charset: sniffed.charset, charsetReason: sniffed.reason, bodyMethod: located.method)
    }
}
