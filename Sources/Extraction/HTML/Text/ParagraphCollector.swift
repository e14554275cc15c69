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
    /// When set, only paragraphs whose UTF-8 bytes pass are kept (tested before any string is
    /// made, so scanning a large page for a few lines stays cheap).
    var keeps: ((ArraySlice<UInt8>) -> Bool)? = nil

    /// Prose checks cost a walk of the element; past this many per page, names alone decide.
    static let proseCheckLimit = 100

    func collect(_ root: HTMLNode) -> [CollectedParagraph] {
        var builder = ParagraphBuilder()
        builder.keeps = keeps
        var linkDepth = 0
        var linkNodes: Set<HTMLNode> = []
        var proseChecks = 0
        HTMLWalk.walk(root, enter: { node in
            if node.isText {
                node.withTextBytes { builder.append(utf8: $0, inLink: linkDepth > 0, origin: node.parent) }
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

/// Collapses whitespace and cuts text into paragraphs. Works on UTF-8 bytes straight from
/// libxml2: building Swift strings scalar by scalar was the slowest part of extraction.
struct ParagraphBuilder {
    private(set) var paragraphs: [CollectedParagraph] = []
    var keeps: ((ArraySlice<UInt8>) -> Bool)?
    private var current: [UInt8] = []
    private var characters = 0
    private var linkCharacters = 0
    private var pendingSpace = false
    private var origin: HTMLNode?

    mutating func append(_ text: String, inLink: Bool, origin: HTMLNode? = nil) {
        var text = text
        text.withUTF8 { append(utf8: $0, inLink: inLink, origin: origin) }
    }

    mutating func append(utf8 bytes: UnsafeBufferPointer<UInt8>, inLink: Bool, origin: HTMLNode? = nil) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    pendingSpace = true
                } else {
                    emit(bytes, i, 1, inLink: inLink, origin: origin)
                }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            guard i + length <= n else {
                emit(bytes, i, n - i, inLink: inLink, origin: origin)
                return
            }
            var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            if length > 1 {
                for k in 1..<length { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
            }
            if ParagraphBuilder.isWhitespace(value) {
                pendingSpace = true
            } else if !ParagraphBuilder.isInvisible(value) {
                emit(bytes, i, length, inLink: inLink, origin: origin)
            }
            i += length
        }
    }

    @inline(__always)
    private mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, inLink: Bool, origin: HTMLNode?) {
        if current.isEmpty {
            self.origin = origin
        } else if pendingSpace {
            current.append(0x20)
        }
        pendingSpace = false
        for k in start..<(start + length) { current.append(bytes[k]) }
        characters += 1
        if inLink { linkCharacters += 1 }
    }

    mutating func endParagraph() {
        if characters > 0, keeps?(current[...]) ?? true {
            paragraphs.append(CollectedParagraph(text: TextNormalizer.nfc(String(decoding: current, as: UTF8.self)),
                                                 characters: characters, linkCharacters: linkCharacters, origin: origin))
        }
        current.removeAll(keepingCapacity: true)
        characters = 0
        linkCharacters = 0
        pendingSpace = false
        origin = nil
    }

    /// Unicode White_Space (the non-ASCII members, listed to avoid property lookups).
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Zero-width and formatting characters that pages sprinkle into text.
    @inline(__always)
    static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return true
        default: return false
        }
    }
}
