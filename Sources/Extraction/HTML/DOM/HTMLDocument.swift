import CLibXML2

/// A page parsed by libxml2's lenient HTML parser. The tree lives as long as this object;
/// `HTMLNode`s must not outlive it.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// Parses valid UTF-8 (see `CharsetDecoder`). Nil when libxml2 produced no document at all,
    /// which happens for empty input.
    init?(utf8 original: [UInt8]) {
        LibXML2.prepareCurrentThread()
        let utf8 = HTMLDocument.removingDocumentEndTags(original)
        guard !utf8.isEmpty, utf8.count < Int(Int32.max) else { return nil }
        let parsed: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    clibxml2_parse_utf8_html($0, Int32(buffer.count))
                }
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// Drops `</body>` and `</html>` end tags. Browsers keep reading after them; libxml2 puts
    /// what follows outside `<body>` or drops it, and real pages do have text after a stray
    /// `</html>`. The parser closes both elements at the end of input anyway.
    static func removingDocumentEndTags(_ b: [UInt8]) -> [UInt8] {
        func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
        func endTagLength(at i: Int) -> Int? {
            guard i + 6 < b.count, b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "/") else { return nil }
            let name = (lower(b[i + 2]), lower(b[i + 3]), lower(b[i + 4]), lower(b[i + 5]))
            let isBody = name == (UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "d"), UInt8(ascii: "y"))
            let isHTML = name == (UInt8(ascii: "h"), UInt8(ascii: "t"), UInt8(ascii: "m"), UInt8(ascii: "l"))
            guard isBody || isHTML else { return nil }
            var j = i + 6
            while j < b.count, j < i + 64, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
            guard j < b.count, b[j] == UInt8(ascii: ">") else { return nil }
            return j + 1 - i
        }
        var out: [UInt8]?
        var copiedUpTo = 0
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "<"), let length = endTagLength(at: i) {
                if out == nil { out = []; out?.reserveCapacity(b.count) }
                out?.append(contentsOf: b[copiedUpTo..<i])
                i += length
                copiedUpTo = i
            } else {
                i += 1
            }
        }
        guard var result = out else { return b }
        result.append(contentsOf: b[copiedUpTo...])
        return result
    }

    /// The `<html>` element (libxml2 adds it when the page lacks one).
    var root: HTMLNode? {
        xmlDocGetRootElement(document).map(HTMLNode.init)
    }

    /// The `<body>` element, else the root.
    var body: HTMLNode? {
        guard let root else { return nil }
        return root.child(named: "body") ?? root
    }
}

/// Once-per-process libxml2 set-up. `xmlInitParser` must run before threads use the parser;
/// a Swift static `let` is initialised exactly once, thread-safely.
enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        clibxml2_silence_errors()
        return true
    }()

    /// Error handlers are per thread in libxml2, so every parsing thread silences its own.
    static func prepareCurrentThread() {
        _ = initialized
        clibxml2_silence_errors()
    }
}
