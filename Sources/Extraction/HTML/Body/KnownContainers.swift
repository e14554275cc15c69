/// Elements that news sites use for the article text, most specific first.
///
/// Where a page has one of these, it is the body: sites mark it for their own readers and for
/// Naver and Daum, and a named container beats any guess about text density.
enum KnownContainers {
    /// The names a selector looks at, read once per element.
    struct Names {
        var tag: String
        var id: String?
        /// Lower-cased words of `class`.
        var classes: [Substring]
        /// Lower-cased words of `itemprop`.
        var itemprops: [Substring]

        init(_ node: HTMLNode) {
            tag = node.tag
            id = node.attribute("id")
            classes = KnownContainers.words(node.attribute("class"))
            itemprops = KnownContainers.words(node.attribute("itemprop"))
        }
    }

    struct Selector: Sendable {
        let name: String
        /// Least text (non-whitespace scalars) the element must hold to count; generic
        /// selectors such as `article` also match teasers and need more.
        let minimumCharacters: Int
        let matches: @Sendable (Names) -> Bool
    }

    static let selectors: [Selector] = [
        Selector(name: "[itemprop~=articleBody]", minimumCharacters: 10) { $0.itemprops.contains("articlebody") },
        Selector(name: "#articleBody", minimumCharacters: 10) { $0.id == "articleBody" },
        Selector(name: "#article_body", minimumCharacters: 10) { $0.id == "article_body" },
        Selector(name: ".article_body", minimumCharacters: 10) { $0.classes.contains("article_body") },
        Selector(name: "#newsct_article", minimumCharacters: 10) { $0.id == "newsct_article" },
        Selector(name: "#dic_area", minimumCharacters: 10) { $0.id == "dic_area" },
        Selector(name: "#articeBody", minimumCharacters: 10) { $0.id == "articeBody" },
        Selector(name: "#article-view-content-div", minimumCharacters: 10) { $0.id == "article-view-content-div" },
        Selector(name: ".news_content", minimumCharacters: 10) { $0.classes.contains("news_content") },
        Selector(name: ".article-body", minimumCharacters: 30) { $0.classes.contains("article-body") },
        Selector(name: ".detail-body", minimumCharacters: 30) { $0.classes.contains("detail-body") },
        Selector(name: "#newsEndContents", minimumCharacters: 30) { $0.id == "newsEndContents" },
        Selector(name: "#harmonyContainer", minimumCharacters: 30) { $0.id == "harmonyContainer" },
        Selector(name: "#textBody", minimumCharacters: 30) { $0.id == "textBody" },
        Selector(name: "article", minimumCharacters: 200) { $0.tag == "article" },
    ]

    /// True when the space-separated `list` contains `word` (ASCII case-insensitive).
    static func hasWord(_ list: String?, _ word: String) -> Bool {
        words(list).contains(Substring(word))
    }

    /// The space-separated words of an attribute, lower-cased.
    static func words(_ list: String?) -> [Substring] {
        guard let list, !list.isEmpty else { return [] }
        let lower = list.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? list.lowercased() : list
        return lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
    }
}
