/// Decides how a page's bytes are encoded.
///
/// libxml2 follows a page's own `<meta charset>` blindly: an undeclared EUC-KR page comes out as
/// Latin-1 mojibake and a CP949 syllable in a page labelled euc-kr drops the rest of the
/// document. So the decision is made here, from the byte-order mark, the page's label (or one
/// given by the caller, such as an HTTP header) and byte statistics, which overrule a label the
/// bytes contradict.
public enum CharsetSniffer {
    /// Why a charset was chosen.
    public enum Reason: String, Sendable {
        case byteOrderMark, declared, statistics, fallback
    }

    public struct Result: Sendable, Hashable {
        public var charset: Charset
        public var reason: Reason
        /// The label the page (or caller) gave, if any.
        public var declared: Charset?
        /// Bytes of byte-order mark to skip.
        public var bomLength: Int
        public var statistics: ByteStatistics
    }

    /// How far into the page to look for a `<meta charset>`. Browsers stop at 1024 bytes, but
    /// real Korean pages put kilobytes of blank lines and scripts before it.
    static let declarationWindow = 64 * 1024

    public static func sniff(_ bytes: [UInt8], declared external: Charset? = nil) -> Result {
        let stats = ByteStatistics(bytes)
        if let (bom, length) = byteOrderMark(bytes) {
            return Result(charset: bom, reason: .byteOrderMark, declared: external, bomLength: length, statistics: stats)
        }
        if let utf16 = stats.unmarkedUTF16 {
            return Result(charset: utf16, reason: .statistics, declared: external, bomLength: 0, statistics: stats)
        }
        let declared = external ?? declaredCharset(in: bytes)
        let (charset, reason) = decide(declared: declared, stats: stats)
        return Result(charset: charset, reason: reason, declared: declared, bomLength: 0, statistics: stats)
    }

    static func byteOrderMark(_ b: [UInt8]) -> (Charset, Int)? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }

    private static func decide(declared: Charset?, stats: ByteStatistics) -> (Charset, Reason) {
        // Text that is (almost) valid UTF-8 with real multibyte content is UTF-8 whatever the
        // label says: EUC-KR and Latin text essentially never form valid UTF-8 sequences.
        if stats.looksLikeUTF8 { return (.utf8, declared == .utf8 ? .declared : .statistics) }
        switch declared {
        case .cp949:
            return (.cp949, .declared)
        case .utf16LittleEndian, .utf16BigEndian:
            // An ASCII-compatible page that claims UTF-16 (its meta tag was readable as ASCII).
            return stats.looksLikeCP949 ? (.cp949, .statistics) : (.utf8, .fallback)
        case .other(let name):
            if stats.looksLikeCP949, Charset.other(name).isSingleByteLatin { return (.cp949, .statistics) }
            return (.other(name), .declared)
        case .utf8:
            return stats.looksLikeCP949 ? (.cp949, .statistics) : (.utf8, .declared)
        case nil:
            if stats.looksLikeCP949 { return (.cp949, .statistics) }
            // Non-ASCII bytes of which not one forms UTF-8: a legacy Western page, which
            // browsers read as windows-1252.
            if stats.highBytes > 0, stats.utf8Sequences == 0 { return (.other("windows-1252"), .statistics) }
            return (.utf8, .fallback)
        }
    }

    /// The charset named by the first `<meta charset>`, `<meta http-equiv=content-type>` or XML
    /// declaration in the head of the page. Comments are skipped.
    static func declaredCharset(in bytes: [UInt8]) -> Charset? {
        let end = min(bytes.count, declarationWindow)
        var i = 0
        while i < end {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if matches(bytes, at: i, "<!--") {
                i = find(bytes, "-->", from: i + 4, end: end) ?? end
                continue
            }
            let isMeta = matches(bytes, at: i, "<meta") && i + 5 < end && isTagBoundary(bytes[i + 5])
            let isXMLDecl = matches(bytes, at: i, "<?xml")
            guard isMeta || isXMLDecl else { i += 1; continue }
            let tagEnd = find(bytes, ">", from: i, end: end) ?? end
            let key = isMeta ? "charset" : "encoding"
            if let label = attributeValue(after: key, in: bytes, from: i, to: tagEnd), let cs = Charset(label: label) {
                return cs
            }
            i = tagEnd
        }
        return nil
    }

    /// Finds `key` (case-insensitive) followed by `=` and reads the value after it, quoted or not.
    private static func attributeValue(after key: String, in b: [UInt8], from start: Int, to end: Int) -> String? {
        var i = start
        while let hit = find(b, key, from: i, end: end) {
            var j = hit + key.utf8.count
            while j < end, isSpace(b[j]) { j += 1 }
            guard j < end, b[j] == UInt8(ascii: "=") else { i = hit + 1; continue }
            j += 1
            while j < end, isSpace(b[j]) || b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") { j += 1 }
            var k = j
            while k < end, !isSpace(b[k]), ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ";"), UInt8(ascii: ">"),
                                             UInt8(ascii: "/"), UInt8(ascii: "?")].contains(b[k]) { k += 1 }
            guard k > j else { return nil }
            return String(decoding: b[j..<k], as: UTF8.self)
        }
        return nil
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
    private static func isTagBoundary(_ c: UInt8) -> Bool { isSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") }

    private static func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }

    private static func matches(_ b: [UInt8], at i: Int, _ needle: String) -> Bool {
        var j = i
        for c in needle.utf8 {
            guard j < b.count, lower(b[j]) == c else { return false }
            j += 1
        }
        return true
    }

    private static func find(_ b: [UInt8], _ needle: String, from start: Int, end: Int) -> Int? {
        let first = needle.utf8.first ?? 0
        var i = start
        while i < end {
            if lower(b[i]) == first, matches(b, at: i, needle) { return i }
            i += 1
        }
        return nil
    }
}

/// Counts that tell UTF-8, CP949 and binary data apart.
public struct ByteStatistics: Sendable, Hashable {
    public var count = 0
    /// Bytes 0x80 and above.
    public var highBytes = 0
    /// Well-formed UTF-8 sequences of two to four bytes.
    public var utf8Sequences = 0
    /// Bytes that cannot be read as UTF-8.
    public var utf8Errors = 0
    /// Two-byte CP949 characters (lead 0x81–0xFE, valid trail), read greedily.
    public var cp949Pairs = 0
    /// High bytes that fit no CP949 pair.
    public var cp949Errors = 0
    /// Control bytes other than tab, newline, form feed, carriage return and escape.
    public var controlBytes = 0
    /// NUL bytes at even and odd offsets: ASCII text in UTF-16 has one NUL per character.
    public var evenNULs = 0
    public var oddNULs = 0

    public init(_ b: [UInt8]) {
        count = b.count
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 {
                if c < 0x20, c != 0x09, c != 0x0A, c != 0x0C, c != 0x0D, c != 0x1B { controlBytes += 1 }
                if c == 0 {
                    if i & 1 == 0 { evenNULs += 1 } else { oddNULs += 1 }
                }
                i += 1
                continue
            }
            let length = ByteStatistics.utf8SequenceLength(b, at: i)
            if length > 0 {
                utf8Sequences += 1
                highBytes += length
                i += length
            } else {
                utf8Errors += 1
                highBytes += 1
                i += 1
            }
        }
        i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if c >= 0x81, c <= 0xFE, i + 1 < b.count, ByteStatistics.isCP949Trail(b[i + 1]) {
                cp949Pairs += 1
                i += 2
            } else {
                cp949Errors += 1
                i += 1
            }
        }
    }

    static func isCP949Trail(_ t: UInt8) -> Bool {
        (t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE)
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, or 0.
    static func utf8SequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let c = b[i]
        let n: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: n = 2
        case 0xE0: n = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: n = 3
        case 0xED: n = 3; hi = 0x9F
        case 0xF0: n = 4; lo = 0x90
        case 0xF1...0xF3: n = 4
        case 0xF4: n = 4; hi = 0x8F
        default: return 0
        }
        guard i + n <= b.count else { return 0 }
        let second = b[i + 1]
        guard second >= lo, second <= hi else { return 0 }
        var k = 2
        while k < n {
            guard b[i + k] & 0xC0 == 0x80 else { return 0 }
            k += 1
        }
        return n
    }

    /// Valid UTF-8 apart from at most a few stray bytes (one bad byte in a long page must not
    /// turn a UTF-8 page into CP949).
    public var looksLikeUTF8: Bool {
        guard utf8Sequences > 0 else { return false }
        return utf8Errors == 0 || utf8Errors * 50 <= utf8Sequences
    }

    /// Non-ASCII bytes read as CP949 pairs with hardly any leftovers, and not as UTF-8.
    public var looksLikeCP949: Bool {
        guard cp949Pairs >= 2, !looksLikeUTF8 else { return false }
        return cp949Errors * 20 <= cp949Pairs
    }

    /// UTF-16 without a byte-order mark: NULs in every other byte, almost all on one side.
    public var unmarkedUTF16: Charset? {
        guard count >= 8 else { return nil }
        if oddNULs * 8 >= count, evenNULs * 20 <= oddNULs { return .utf16LittleEndian }
        if evenNULs * 8 >= count, oddNULs * 20 <= evenNULs { return .utf16BigEndian }
        return nil
    }

    /// Many control bytes: an image, archive or other binary file, not a page.
    public var looksBinary: Bool {
        guard count > 0, unmarkedUTF16 == nil else { return false }
        return controlBytes * 100 >= count * 2 && controlBytes >= 4
    }
}
