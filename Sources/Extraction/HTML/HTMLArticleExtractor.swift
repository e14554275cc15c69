import Articles
import CLibXML2

/// Reads a news page. PLACEHOLDER: replaced by the libxml2-based extractor.
public enum HTMLArticleExtractor {
    /// Extracts the article from raw page bytes. `source` names the file or URL in errors.
    public static func extract(bytes: [UInt8], source: String) throws(InputError) -> Article {
        throw InputError(path: source, "HTML input is not supported yet")
    }
}
