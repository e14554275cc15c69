/// Chooses the article text of a page.
///
/// In order: a known article container; text the page carries as data (for pages rendered by
/// scripts); the container a density scorer picks; the whole `<body>`. Every DOM route reads
/// its container with `ParagraphCollector` (dropping furniture) and `ParagraphFilter`.
enum ArticleBodyLocator {
    struct Located {
        var paragraphs: [String]
        /// How the text was found (`[itemprop~=articleBody]`, `density`, …), for diagnostics.
        var method: String
        /// The container element, when the text came from the page's markup.
        var container: HTMLNode?
    }

    static func locate(in document: HTMLDocument, page: PageInventory) -> Located? {
        guard let body = document.body else { return nil }
        if let known = knownContainer(in: body) { return known }
        if let structured = StructuredBody.paragraphs(in: page),
           structured.paragraphs.reduce(0, { $0 + $1.count }) >= 50 {
            return Located(paragraphs: structured.paragraphs, method: structured.source, container: nil)
        }
        if let node = DensityScorer().bestCandidate(in: body) {
            let paragraphs = read(node)
            if !paragraphs.isEmpty { return Located(paragraphs: paragraphs.map(\.text), method: "density", container: node) }
        }
        let paragraphs = read(body)
        if !paragraphs.isEmpty { return Located(paragraphs: paragraphs.map(\.text), method: "body", container: body) }
        if let structured = StructuredBody.paragraphs(in: page) {
            return Located(paragraphs: structured.paragraphs, method: structured.source, container: nil)
        }
        return nil
    }

    /// The first selector (in `KnownContainers` order) with a match holding enough text; among
    /// its matches, the one with the most text.
    static func knownContainer(in body: HTMLNode) -> Located? {
        let selectors = KnownContainers.selectors
        var matches = [[HTMLNode]](repeating: [], count: selectors.count)
        HTMLWalk.walk(body) { node in
            guard node.isElement else { return .skipChildren }
            let names = KnownContainers.Names(node)
            if HTMLVocabulary.invisibleTags.contains(names.tag) { return .skipChildren }
            for (i, selector) in selectors.enumerated() where selector.matches(names) {
                matches[i].append(node)
            }
            return .descend
        }
        for (i, selector) in selectors.enumerated() where !matches[i].isEmpty {
            var best: (node: HTMLNode, paragraphs: [CollectedParagraph], characters: Int)?
            for node in matches[i] {
                let paragraphs = read(node)
                let characters = paragraphs.reduce(0) { $0 + $1.characters }
                if characters > (best?.characters ?? 0) { best = (node, paragraphs, characters) }
            }
            if let best, best.characters >= selector.minimumCharacters {
                return Located(paragraphs: best.paragraphs.map(\.text), method: selector.name, container: best.node)
            }
        }
        return nil
    }

    static func read(_ node: HTMLNode) -> [CollectedParagraph] {
        ParagraphFilter.clean(ParagraphCollector().collect(node))
    }
}
