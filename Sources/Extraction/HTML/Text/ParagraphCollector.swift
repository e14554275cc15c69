/// One paragraph of visible text, with how much of it is link text.
struct CollectedParagraph: Hashable {
    var text: String
    /// Non-whitespace scalars.
    var characters: Int
    /// Non-whitespace scalars inside links that lead elsewhere (not `mailto:`).
    var linkCharacters: Int
    /// The element holding the paragraph's first text, for telling where on the page it is.
    var origin: HTMLNode? = nil

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }
}

/// Reads the visible text under an element as paragraphs, the way a browser lays it out:
/// block elements and `<br>` end paragraphs, whitespace collapses, scripts and styles are
/// dropped. Text nodes are walked one by one because libxml2's own text content would include
/// script text.
struct ParagraphCollector {
    /// Skip elements that are page furniture (navigation, ads, share buttons, related lists).
    var skipsBoilerplate = true
    /// Further elements to leave out, such as the article body when reading the rest of a page.
    var excluded: Set<HTMLNode> = []

    /// Prose checks cost a walk of the element; past this many per page, names alone decide.
    static let proseCheckLimit = 100

    func collect(_ root: HTMLNode) -> [CollectedParagraph] {
        var builder = ParagraphBuilder()
        var linkDepth = 0
        var linkNodes: Set<HTMLNode> = []
        var proseChecks = 0
        HTMLWalk.walk(root, enter: { node in
            if node.isText {
                if let t = node.text { builder.append(t, inLink: linkDepth > 0, origin: node.parent) }
                return .skipChildren
            }
            guard node.isElement else { return .skipChildren }
            if excluded.contains(node) { return .skipChildren }
            let tag = node.tag
            if HTMLVocabulary.invisibleTags.contains(tag) { return .skipChildren }
            if node != root, skipsBoilerplate, let kind = HTMLVocabulary.furniture(node, tag: tag) {
                var keep = false
                if kind == .named, proseChecks < ParagraphCollector.proseCheckLimit {
                    proseChecks += 1
                    keep = HTMLVocabulary.holdsProse(node)
                }
                if !keep {
                    builder.endParagraph()
                    return .skipChildren
                }
            }
            if HTMLVocabulary.blockTags.contains(tag) { builder.endParagraph() }
            if tag == "a", let href = node.attribute("href"), !href.lowercased().hasPrefix("mailto:") {
                linkDepth += 1
                linkNodes.insert(node)
            }
            return .descend
        }, leave: { node in
            guard node.isElement else { return }
            if linkNodes.remove(node) != nil { linkDepth -= 1 }
            if HTMLVocabulary.blockTags.contains(node.tag) { builder.endParagraph() }
        })
        builder.endParagraph()
        return builder.paragraphs
    }
}

/// Collapses whitespace and cuts text into paragraphs.
struct ParagraphBuilder {
    private(set) var paragraphs: [CollectedParagraph] = []
    private var current = String.UnicodeScalarView()
    private var characters = 0
    private var linkCharacters = 0
    private var pendingSpace = false
    private var origin: HTMLNode?

    mutating func append(_ text: String, inLink: Bool, origin: HTMLNode? = nil) {
        for s in text.unicodeScalars {
            if s.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if ParagraphBuilder.isInvisible(s) { continue }
            if current.isEmpty { self.origin = origin }
            if pendingSpace, !current.isEmpty { current.append(" ") }
            pendingSpace = false
            current.append(s)
            characters += 1
            if inLink { linkCharacters += 1 }
        }
    }

    mutating func endParagraph() {
        if characters > 0 {
            paragraphs.append(CollectedParagraph(text: TextNormalizer.nfc(String(current)), characters: characters,
                                                 linkCharacters: linkCharacters, origin: origin))
        }
        current = String.UnicodeScalarView()
        characters = 0
        linkCharacters = 0
        pendingSpace = false
        origin = nil
    }

    /// Zero-width and formatting characters that pages sprinkle into text.
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: true
        default: false
        }
    }
}
