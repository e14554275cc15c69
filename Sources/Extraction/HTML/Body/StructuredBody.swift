/// Article text that a page carries as data rather than markup: pages rendered in the browser
/// from a JSON state (Arc Publishing's `Fusion.globalContent`, used by 조선일보) and JSON-LD
/// `articleBody`.
enum StructuredBody {
    /// Paragraphs from the first structured source that has any.
    static func paragraphs(in page: PageInventory) -> (paragraphs: [String], source: String)? {
        if let arc = arcPublishing(page.scripts), !arc.isEmpty { return (arc, "Fusion.globalContent") }
        for object in page.articleObjects {
            guard let body = object["articleBody"] as? String else { continue }
            let lines = body.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map { String($0) }
                .filter { !$0.trimmingWhitespace().isEmpty }
            let paragraphs = HTMLFragment(lines.map { "<p>\($0)</p>" }.joined()).paragraphs
            if !paragraphs.isEmpty { return (paragraphs, "JSON-LD articleBody") }
        }
        return nil
    }

    /// Arc Publishing's ANS story: `content_elements` of type text, header and list hold the
    /// article's paragraphs as small HTML strings; images, ads and embeds are other types.
    static func arcPublishing(_ scripts: [String]) -> [String]? {
        for script in scripts where TextSearch.contains(script, "Fusion.globalContent") {
            guard let json = LenientJSON.balancedValue(after: "Fusion.globalContent", in: script),
                  let story = LenientJSON.parse(json) as? [String: Any],
                  let elements = story["content_elements"] as? [Any] else { continue }
            var markup: [String] = []
            for case let element as [String: Any] in elements {
                switch element["type"] as? String {
                case "text", "header":
                    if let content = element["content"] as? String { markup.append("<p>\(content)</p>") }
                case "list":
                    for case let item as [String: Any] in element["items"] as? [Any] ?? [] {
                        if let content = item["content"] as? String { markup.append("<p>\(content)</p>") }
                    }
                default:
                    continue
                }
            }
            let paragraphs = HTMLFragment(markup.joined()).paragraphs
            if !paragraphs.isEmpty { return paragraphs }
        }
        return nil
    }
}
