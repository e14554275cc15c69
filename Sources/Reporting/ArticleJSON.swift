import Policy

/// Article reports written straight to bytes, exactly as `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes them (tested byte for byte,
/// `ArticleJSONTests`): the encoder builds a tree of boxed values and escapes strings a scalar at
/// a time, and a scan's report is mostly passage text — the 2,000 benchmark suspects' 12 MB took
/// ≈ 8% of the scan's CPU time that way.
///
/// Keys are written in the encoder's sorted order (byte order), optional members only when
/// present, as the synthesized `Encodable` conformances do. A field added to one of these types
/// must be added here too; the byte-for-byte tests fail until it is.
enum ArticleJSON {
    /// Articles as elements of the report's `articles` array (depth 2, 4 spaces), separated by
    /// `,\n`, without the brackets. Nil when a number is not finite, which the encoder refuses
    /// with an error: the caller leaves such a report to it.
    static func elements(_ articles: ArraySlice<ArticleReport>) -> [UInt8]? {
        var w = PrettyJSON()
        w.bytes.reserveCapacity(articles.count * 8_192)
        for (n, article) in articles.enumerated() {
            if n > 0 { w.raw(",\n") }
            w.indent(2)
            w.article(article, depth: 2)
        }
        guard w.finite else { return nil }
        return w.bytes
    }
}

/// The pretty-printing half of a JSON encoder: members at two spaces a depth, `"key" : value`,
/// empty containers as a blank line between their brackets (as `JSONEncoder` prints them).
struct PrettyJSON {
    var bytes: [UInt8] = []
    /// False once a NaN or infinity was asked for (written as 0; the caller discards the bytes).
    var finite = true

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func indent(_ depth: Int) {
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }

    /// A member's key at `depth`, after a comma unless it is the container's first.
    mutating func key(_ name: StaticString, _ depth: Int, _ first: inout Bool) {
        raw(first ? "\n" : ",\n")
        first = false
        indent(depth)
        bytes.append(0x22)
        raw(name)
        raw("\" : ")
    }

    /// Closes a container opened at `depth`; `empty` when nothing was written into it.
    mutating func close(_ bracket: StaticString, _ depth: Int, empty: Bool) {
        raw(empty ? "\n\n" : "\n")
        indent(depth)
        raw(bracket)
    }

    mutating func array<T>(_ items: [T], depth: Int, _ element: (inout PrettyJSON, T) -> Void) {
        raw("[")
        for (n, item) in items.enumerated() {
            raw(n == 0 ? "\n" : ",\n")
            indent(depth + 1)
            element(&self, item)
        }
        close("]", depth, empty: items.isEmpty)
    }

    mutating func int(_ n: Int) {
        bytes.append(contentsOf: String(n).utf8)
    }

    /// As the encoder prints a Double: its description without a trailing ".0".
    mutating func double(_ x: Double) {
        guard x.isFinite else { finite = false; bytes.append(0x30); return }
        var text = x.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? 0x30 + v : 0x61 + v - 10
    }

    mutating func bool(_ b: Bool) {
        raw(b ? "true" : "false")
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, `\r`, `\b`, `\f`
    /// or `\u00XX`, everything else (slashes and non-ASCII text included) as it is. Runs
    /// without anything to escape are copied whole.
    mutating func string(_ s: String) {
        var s = s
        bytes.append(0x22)
        s.withUTF8 { utf8 in
            var runStart = 0
            for (k, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<k]))
                runStart = k + 1
                switch b {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x09: raw("\\t")
                case 0x0D: raw("\\r")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                default:
                    raw("\\u00")
                    bytes.append(PrettyJSON.hexDigit(b >> 4))
                    bytes.append(PrettyJSON.hexDigit(b & 0x0F))
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }
}

extension PrettyJSON {
    mutating func article(_ a: ArticleReport, depth d: Int) {
        raw("{")
        var first = true
        key("id", d + 1, &first); string(a.id)
        key("matches", d + 1, &first); array(a.matches, depth: d + 1) { w, m in w.match(m, depth: d + 2) }
        if let outlet = a.outlet { key("outlet", d + 1, &first); string(outlet) }
        key("path", d + 1, &first); string(a.path)
        if let published = a.published { key("published", d + 1, &first); string(published) }
        key("reasons", d + 1, &first); reasons(a.reasons, depth: d + 1)
        key("severity", d + 1, &first); string(a.severity.rawValue)
        if let title = a.title { key("title", d + 1, &first); string(title) }
        key("verdict", d + 1, &first); string(a.verdict.rawValue)
        close("}", d, empty: first)
    }

    mutating func match(_ m: MatchReport, depth d: Int) {
        raw("{")
        var first = true
        key("accepted", d + 1, &first); bool(m.accepted)
        key("containment", d + 1, &first); double(m.containment)
        key("copiedCharacters", d + 1, &first); int(m.copiedCharacters)
        key("coverage", d + 1, &first); double(m.coverage)
        key("jaccard", d + 1, &first); double(m.jaccard)
        key("passages", d + 1, &first); array(m.passages, depth: d + 1) { w, p in w.passage(p, depth: d + 2) }
        key("reasons", d + 1, &first); reasons(m.reasons, depth: d + 1)
        key("severity", d + 1, &first); string(m.severity.rawValue)
        key("source", d + 1, &first); source(m.source, depth: d + 1)
        key("verdict", d + 1, &first); string(m.verdict.rawValue)
        close("}", d, empty: first)
    }

    mutating func source(_ s: SourceReport, depth d: Int) {
        raw("{")
        var first = true
        if let holder = s.holder { key("holder", d + 1, &first); string(holder) }
        key("id", d + 1, &first); string(s.id)
        if let notice = s.notice { key("notice", d + 1, &first); string(notice) }
        if let outlet = s.outlet { key("outlet", d + 1, &first); string(outlet) }
        key("path", d + 1, &first); string(s.path)
        key("prohibits", d + 1, &first); array(s.prohibits, depth: d + 1) { w, p in w.string(p) }
        if let published = s.published { key("published", d + 1, &first); string(published) }
        if let title = s.title { key("title", d + 1, &first); string(title) }
        close("}", d, empty: first)
    }

    mutating func passage(_ p: PassageReport, depth d: Int) {
        raw("{")
        var first = true
        key("source", d + 1, &first); span(p.source, depth: d + 1)
        key("sourceText", d + 1, &first); string(p.sourceText)
        key("suspect", d + 1, &first); span(p.suspect, depth: d + 1)
        key("suspectText", d + 1, &first); string(p.suspectText)
        close("}", d, empty: first)
    }

    mutating func span(_ s: PassageReport.Span, depth d: Int) {
        raw("{")
        var first = true
        key("end", d + 1, &first); int(s.end)
        key("start", d + 1, &first); int(s.start)
        close("}", d, empty: first)
    }

    mutating func reasons(_ reasons: [Reason], depth d: Int) {
        array(reasons, depth: d) { w, r in
            w.raw("{")
            var first = true
            w.key("code", d + 2, &first); w.string(r.code)
            w.key("message", d + 2, &first); w.string(r.message)
            w.close("}", d + 1, empty: first)
        }
    }
}
