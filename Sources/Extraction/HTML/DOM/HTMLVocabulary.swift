/// What HTML elements and their class/id names mean for reading an article.
enum HTMLVocabulary {
    /// Elements whose content is never article text.
    static let invisibleTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video",
        "audio", "source", "track", "map", "head", "title", "meta", "link", "button", "select", "option",
        "textarea", "input", "math", "dialog",
    ]

    /// Elements that are page furniture rather than article text.
    /// Not `form`: ASP.NET pages wrap the whole page in one.
    static let furnitureTags: Set<String> = ["nav", "aside", "menu", "header", "footer"]

    /// Elements that end a paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "th", "table", "thead", "tbody", "tfoot", "caption", "section", "article", "blockquote", "pre", "hr",
        "address", "center", "figure", "figcaption", "header", "footer", "main", "nav", "aside", "form",
        "fieldset", "legend", "details", "summary", "body", "html", "iframe", "img",
    ]

    /// Class or id words (after splitting on punctuation and camelCase) that mark elements
    /// which hold no article text: sharing widgets, ads, lists of other articles, comments.
    static let boilerplateWords: Set<String> = [
        "share", "sharing", "sns", "social", "ad", "ads", "adv", "advert", "advertisement", "adsense",
        "adsbygoogle", "banner", "sponsor", "sponsored", "promotion", "promo", "related", "relation",
        "relate", "recommend", "recomm", "recommended", "comment", "comments", "reply", "replies",
        "popular", "ranking", "rank", "most", "hot", "best", "tag", "tags", "keyword", "keywords",
        "comentarios", "commentaires", "kommentare", "rating", "pagination", "pager",
        "subscribe", "subscription", "newsletter", "menu", "nav", "navigation", "gnb", "lnb", "snb",
        "breadcrumb", "breadcrumbs", "sidebar", "aside", "footer", "util", "utility", "toolbar", "tool",
        "tools", "print", "font", "fontsize", "copyright", "copyrights", "widget", "popup", "layer",
        "modal", "login", "search", "blind", "hidden", "hide", "skip", "sronly", "ir", "taboola",
        "dable", "outbrain", "reporter", "journalist", "btn", "button", "player",
    ]

    /// Class or id words that suggest an article container (used by the density scorer).
    static let contentWords: Set<String> = [
        "article", "articles", "body", "content", "contents", "cont", "entry", "main", "news", "post",
        "story", "text", "txt", "view", "detail", "read", "column",
    ]

    /// Lower-case words of an element's class and id, split on punctuation and camelCase
    /// boundaries: `w_article_ad` → w, article, ad; `relatedNews` → related, news.
    static func words(of node: HTMLNode) -> [String] {
        var result: [String] = []
        for value in [node.attribute("class"), node.attribute("id")] {
            guard let value else { continue }
            var current = ""
            var previousLower = false
            for s in value.unicodeScalars {
                let v = s.value
                let ascii = v < 0x80
                let isUpper = ascii ? (v >= 0x41 && v <= 0x5A) : s.properties.isUppercase
                let isDigit = v >= 0x30 && v <= 0x39
                let isAlnum = ascii ? (isUpper || isDigit || (v >= 0x61 && v <= 0x7A)) : s.properties.isAlphabetic
                if !isAlnum || (isUpper && previousLower) {
                    if !current.isEmpty { result.append(current) }
                    current = ""
                }
                if isAlnum {
                    if ascii {
                        current.unicodeScalars.append(Unicode.Scalar(UInt8(isUpper ? v | 0x20 : v)))
                    } else {
                        current += String(s).lowercased()
                    }
                }
                previousLower = ascii ? (isDigit || (v >= 0x61 && v <= 0x7A)) : s.properties.isLowercase
            }
            if !current.isEmpty { result.append(current) }
        }
        return result
    }

    /// True for elements hidden from readers (`hidden`, `display:none`, `aria-hidden`).
    static func isHidden(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
           TextSearch.contains(style, "display:none") || TextSearch.contains(style, "visibility:hidden") {
            return true
        }
        return false
    }

    /// Why an element counts as page furniture.
    enum Furniture {
        /// Its tag, role or hiddenness says so.
        case structural
        /// Only its class or id words say so; names can mislead (YTN's article text sits in
        /// `#CmAdContent`, "content with ads").
        case named
    }

    /// Whether an element holds page furniture rather than article text, judged by tag, role,
    /// visibility and names.
    static func furniture(_ node: HTMLNode, tag: String) -> Furniture? {
        if furnitureTags.contains(tag) { return .structural }
        if let role = node.attribute("role")?.lowercased(),
           ["navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "search", "dialog"].contains(role) {
            return .structural
        }
        if isHidden(node) { return .structural }
        return words(of: node).contains(where: boilerplateWords.contains) ? .named : nil
    }

    /// True when the element holds a good amount of prose that is not link text: ads, share
    /// bars and headline lists never do, so such an element is article text whatever its name.
    /// Looks at a bounded number of nodes.
    static func holdsProse(_ node: HTMLNode, minimumCharacters: Int = 200, nodeBudget: Int = 5_000) -> Bool {
        var characters = 0, linkCharacters = 0, visited = 0
        var links: Set<HTMLNode> = []
        HTMLWalk.walk(node, enter: { n in
            visited += 1
            if visited > nodeBudget { return .skipChildren }
            if n.isText {
                let count = n.text?.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) } ?? 0
                characters += count
                if !links.isEmpty { linkCharacters += count }
                return .skipChildren
            }
            guard n.isElement else { return .skipChildren }
            let tag = n.tag
            if invisibleTags.contains(tag) { return .skipChildren }
            if tag == "a" { links.insert(n) }
            return .descend
        }, leave: { n in
            links.remove(n)
        })
        let prose = characters - linkCharacters
        return prose >= minimumCharacters && linkCharacters * 4 <= characters
    }
}
