import CLibXML2

/// A page parsed by libxml2's lenient HTML parser. The tree lives as long as this object;
/// `HTMLNode`s must not outlive it.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// Parses valid UTF-8 (see `CharsetDecoder`). Nil when libxml2 produced no document at all,
    /// which happens for empty input.
    init?(utf8: [UInt8]) {
        LibXML2.prepareCurrentThread()
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

    /// The `<html>` element (libxml2 adds it when the page lacks one).
    var root: HTMLNode? {
        xmlDocGetRootElement(document).map(HTMLNode.init)
    }

    /// The `<body>` element, else the root.
    var body: HTMLNode? {
        guard let root else { return nil }
        return root.children.first(where: { $0.tag == "body" }) ?? root
    }

    var head: HTMLNode? {
        root?.children.first(where: { $0.tag == "head" })
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
