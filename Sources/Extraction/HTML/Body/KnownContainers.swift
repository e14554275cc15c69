/// Elements that news sites use for the article text, most specific first.
///
/// Where a page has one of these, it is the body: sites mark it for their own readers and for
/// Naver and Daum, and a named container beats any guess about text density.
enum KnownContainers {
    struct Selector: Sendable {
        let name: String
        /// Least text (non-whitespace scalars) the element must hold to count; generic
        /// selectors such as `article` also match teasers and need more.
        let minimumCharacters: Int
        let matches: @Sendable (HTMLNode) -> Bool
    }

    static let selectors: [Selector] = [
        Selector(name: "[itemprop~=articleBody]", minimumCharacters: 10) { hasWord($0.attribute("itemprop"), "articlebody") },
        Selector(name: "#articleBody", minimumCharacters: 10) { $0.attribute("id") == "articleBody" },
        Selector(name: "#article_body", minimumCharacters: 10) { $0.attribute("id") == "article_body" },
        Selector(name: ".article_body", minimumCharacters: 10) { hasWord($0.attribute("class"), "article_body") },
        Selector(name: "#newsct_article", minimumCharacters: 10) { $0.attribute("id") == "newsct_article" },
        Selector(name: "#dic_area", minimumCharacters: 10) { $0.attribute("id") == "dic_area" },
        Selector(name: "#articeBody", minimumCharacters: 10) { $0.attribute("id") == "articeBody" },
        Selector(name: "#article-view-content-div", minimumCharacters: 10) { $0.attribute("id") == "article-view-content-div" },
        Selector(name: ".news_content", minimumCharacters: 10) { hasWord($0.attribute("class"), "news_content") },
        Selector(name: ".article-body", minimumCharacters: 30) { hasWord($0.attribute("class"), "article-body") },
        Selector(name: ".detail-body", minimumCharacters: 30) { hasWord($0.attribute("class"), "detail-body") },
        Selector(name: "article", minimumCharacters: 200) { $0.tag == "article" },
    ]

    /// True when the space-separated `list` contains `word` (ASCII case-insensitive).
    static func hasWord(_ list: String?, _ word: String) -> Bool {
        guard let list else { return false }
        return list.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .contains { $0.lowercased() == word }
    }
}
