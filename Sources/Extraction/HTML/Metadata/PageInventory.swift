/// Everything outside the article text that extraction reads, gathered in one walk over the
/// page: `<meta>` tags, links, the `<title>`, scripts (with parsed JSON-LD) and image texts.
struct PageInventory {
    /// `<meta>` values by lower-cased `property`, `name` or `itemprop` (each word of a
    /// multi-word itemprop), in page order.
    var meta: [String: [String]] = [:]
    var canonical: String?
    var titleText: String?
    var firstHeading: String?
    var firstTimeDatetime: String?
    /// Script sources other than JSON-LD.
    var scripts: [String] = []
    /// Parsed JSON-LD blocks.
    var jsonLD: [Any] = []
    /// `alt` and `title` texts of images.
    var imageTexts: [String] = []

    init(_ document: HTMLDocument) {
        guard let root = document.root else { return }
        HTMLWalk.walk(root) { node in
            guard node.isElement else { return .skipChildren }
            switch node.tag {
            case "meta":
                guard let content = node.attribute("content") else { break }
                var keys: [String] = []
                for attr in ["property", "name"] {
                    if let k = node.attribute(attr) { keys.append(k.lowercased()) }
                }
                if let k = node.attribute("itemprop") {
                    keys += k.lowercased().split(separator: " ").map(String.init)
                }
                for key in keys where !key.isEmpty { meta[key, default: []].append(content) }
            case "link":
                if canonical == nil, KnownContainers.hasWord(node.attribute("rel"), "canonical"),
                   let href = node.attribute("href"), !href.isEmpty {
                    canonical = href
                }
            case "title":
                if titleText == nil { titleText = node.rawText }
                return .skipChildren
            case "h1":
                if firstHeading == nil {
                    let text = ParagraphCollector(skipsBoilerplate: false).collect(node).map(\.text).joined(separator: " ")
                    if !text.isEmpty { firstHeading = text }
                }
            case "time":
                if firstTimeDatetime == nil, let dt = node.attribute("datetime"), !dt.isEmpty { firstTimeDatetime = dt }
            case "script":
                let type = node.attribute("type")?.lowercased() ?? ""
                let source = node.rawText
                if TextSearch.contains(type, "ld+json") {
                    if let value = LenientJSON.parse(source[...]) { jsonLD.append(value) }
                } else if !source.isEmpty {
                    scripts.append(source)
                }
                return .skipChildren
            case "style":
                return .skipChildren
            case "img", "area":
                for attr in ["alt", "title"] {
                    if let t = node.attribute(attr), !t.isEmpty { imageTexts.append(t) }
                }
            default:
                break
            }
            return .descend
        }
    }

    /// The first non-empty value among the keys, in the order of `keys`.
    func firstMeta(_ keys: [String]) -> String? {
        for key in keys {
            if let v = meta[key]?.first(where: { !$0.trimmingWhitespace().isEmpty }) { return v.trimmingWhitespace() }
        }
        return nil
    }

    /// JSON-LD objects that describe an article.
    var articleObjects: [[String: Any]] {
        let types: Set<String> = ["newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
                                  "blogposting", "report", "scholarlyarticle", "techarticle", "liveblogposting"]
        return jsonLD.flatMap { LenientJSON.dictionaries(in: $0) }.filter { d in
            let t = d["@type"]
            let names = (t as? String).map { [$0] } ?? (t as? [Any])?.compactMap { $0 as? String } ?? []
            return names.contains { types.contains($0.lowercased()) }
        }
    }
}
