/// Text folded for matching, with a map back to the original code points.
///
/// Notices and credits come in many typographic dresses (`ⓒ`, `©`, `(c)`; `【】`, `〈〉`, `＜＞`;
/// fullwidth letters; decomposed Hangul from some CMSs). The grammars match one canonical form, and
/// every folded scalar remembers the original code points it came from, so that ranges reported
/// to callers are exact in the caller's text, which is never changed.
///
/// Folding rules:
/// - fullwidth ASCII (U+FF01…U+FF5E) becomes ASCII; the result is folded further;
/// - conjoining Hangul jamo (NFD) are composed into syllables (NFC);
/// - `©`, `ⓒ`, `Ⓒ` become `©` (`(c)` is recognised by the lexer, which sees the brackets);
/// - every opening bracket becomes `(`, every closing one `)`; quotes of all kinds become `'`;
///   dashes become `-`; middle dots (`·`, `ㆍ`, `•`, `・`) become `·`; vertical bars (`│`, `ㅣ`) `|`;
/// - runs of blanks (spaces, tabs, no-break and ideographic spaces) become one space;
///   zero-width characters and soft hyphens vanish;
/// - `\r\n`, a lone `\r`, U+0085, U+2028 and U+2029 become `\n`, the only line break.
struct FoldedText {
    /// Folded scalars (as `UInt32` values: comparisons are the hot path).
    var scalars: [UInt32] = []
    /// `starts[i]..<ends[i]` are the original code points folded into `scalars[i]`.
    var starts: [Int32] = []
    var ends: [Int32] = []
    /// UTF-8 offsets of the same spans, to cut the original text without walking it.
    var byteStarts: [Int32] = []
    var byteEnds: [Int32] = []
    /// Code points in the original text.
    var originalCount = 0

    var count: Int { scalars.count }

    init(_ text: String) {
        var copy = text
        let capacity = copy.utf8.count
        scalars.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        byteStarts.reserveCapacity(capacity)
        byteEnds.reserveCapacity(capacity)
        copy.withUTF8 { bytes in
            var i = 0
            var position: Int32 = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                var value: UInt32
                var width = 1
                // Swift strings are always valid UTF-8, so the continuation bytes are present.
                if b0 < 0x80 {
                    value = b0
                } else if b0 < 0xE0, i + 1 < n {
                    value = ((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F)
                    width = 2
                } else if b0 < 0xF0, i + 2 < n {
                    value = ((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F)
                    width = 3
                } else if i + 3 < n {
                    value = ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
                        | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F)
                    width = 4
                } else {
                    value = 0xFFFD
                }
                byte = Int32(i)
                i += width
                nextByte = Int32(i)
                append(value, at: position)
                position += 1
            }
            originalCount = Int(position)
        }
    }

    /// Folds one original scalar found at `position`.
    private mutating func append(_ raw: UInt32, at position: Int32) {
        var value = raw
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
        let next = position + 1
        switch value {
        case 0x0A, 0x85, 0x2028, 0x2029:
            // `\r\n` is one break: the `\n` joins the break its `\r` already produced.
            if value == 0x0A, lastWasCarriageReturn {
                ends[ends.count - 1] = next
                byteEnds[byteEnds.count - 1] = nextByte
                lastWasCarriageReturn = false
                return
            }
            push(0x0A, position, next)
            return
        case 0x0D:
            push(0x0A, position, next)
            lastWasCarriageReturn = true
            return
        case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            if let last = scalars.last, last == 0x20 {
                ends[ends.count - 1] = next
                byteEnds[byteEnds.count - 1] = nextByte
                return
            }
            push(0x20, position, next)
            return
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD:
            return
        case 0x1161...0x1175:
            // A vowel jamo right after a leading consonant jamo: compose the syllable.
            if let last = scalars.last, last >= 0x1100, last <= 0x1112, ends[ends.count - 1] == position {
                scalars[scalars.count - 1] = 0xAC00 + (last - 0x1100) * 588 + (value - 0x1161) * 28
                ends[ends.count - 1] = next
                byteEnds[byteEnds.count - 1] = nextByte
                return
            }
        case 0x11A8...0x11C2:
            // A trailing consonant jamo after an open syllable.
            if let last = scalars.last, last >= 0xAC00, last <= 0xD7A3, (last - 0xAC00) % 28 == 0,
               ends[ends.count - 1] == position {
                scalars[scalars.count - 1] = last + (value - 0x11A7)
                ends[ends.count - 1] = next
                byteEnds[byteEnds.count - 1] = nextByte
                return
            }
        default:
            break
        }
        push(Self.canonical(value), position, next)
    }

    private var lastWasCarriageReturn = false
    private var byte: Int32 = 0
    private var nextByte: Int32 = 0

    private mutating func push(_ value: UInt32, _ start: Int32, _ end: Int32) {
        lastWasCarriageReturn = false
        scalars.append(value)
        starts.append(start)
        ends.append(end)
        byteStarts.append(byte)
        byteEnds.append(nextByte)
    }

    /// One canonical scalar per typographic class.
    static func canonical(_ value: UInt32) -> UInt32 {
        switch value {
        case 0xA9, 0x24D2, 0x24B8:
            return Scalar.mark
        case 0x28, 0x5B, 0x7B, 0x3C, 0x2329, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018,
             0x301A, 0x27E8, 0x2039, 0xFE59, 0xFE5D, 0x207D, 0x208D, 0x2768, 0x276A, 0x276C, 0x276E, 0x2770,
             0x2772, 0x2774, 0xFF62:
            return Scalar.open
        case 0x29, 0x5D, 0x7D, 0x3E, 0x232A, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019,
             0x301B, 0x27E9, 0x203A, 0xFE5A, 0xFE5E, 0x207E, 0x208E, 0x2769, 0x276B, 0x276D, 0x276F, 0x2771,
             0x2773, 0x2775, 0xFF63:
            return Scalar.close
        case 0x22, 0x27, 0x60, 0xB4, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2032,
             0x2033, 0xAB, 0xBB:
            return Scalar.quote
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0x2043:
            return Scalar.dash
        case 0xB7, 0x318D, 0x2022, 0x2027, 0x30FB, 0xFF65, 0x2219, 0x22C5, 0x119E:
            return Scalar.dot
        case 0x2502, 0x2503, 0xA6, 0x2223, 0x3163, 0x01C0:
            return Scalar.bar
        default:
            return value
        }
    }

    // MARK: Views

    /// Original code point range of folded `lo..<hi` (empty when `lo >= hi`).
    func originalRange(_ lo: Int, _ hi: Int) -> Range<Int> {
        guard lo < hi, lo >= 0, hi <= scalars.count else {
            let at = lo < starts.count && lo >= 0 ? Int(starts[lo]) : originalCount
            return at..<at
        }
        return Int(starts[lo])..<Int(ends[hi - 1])
    }

    /// The original text of folded `lo..<hi`, cut from `original` (the string this was folded from).
    func original(_ original: String, _ lo: Int, _ hi: Int) -> String {
        guard lo < hi, lo >= 0, hi <= scalars.count else { return "" }
        let utf8 = original.utf8
        let a = Int(byteStarts[lo]), b = Int(byteEnds[hi - 1])
        guard a <= b, b <= utf8.count else { return "" }
        let start = utf8.index(utf8.startIndex, offsetBy: a)
        let end = utf8.index(start, offsetBy: b - a)
        return String(original[start..<end])
    }

    /// The folded scalars `lo..<hi` as a String.
    func string(_ lo: Int, _ hi: Int) -> String {
        var s = String.UnicodeScalarView()
        guard lo < hi else { return "" }
        for i in lo..<hi {
            if let u = Unicode.Scalar(scalars[i]) { s.append(u) }
        }
        return String(s)
    }

    /// `lo..<hi` without spaces at either end.
    func trimmed(_ lo: Int, _ hi: Int) -> (Int, Int) {
        var a = lo, b = hi
        while a < b, scalars[a] == 0x20 { a += 1 }
        while b > a, scalars[b - 1] == 0x20 { b -= 1 }
        return (a, b)
    }
}

/// Canonical folded scalars and character classes.
enum Scalar {
    static let mark: UInt32 = 0xA9
    static let open: UInt32 = 0x28
    static let close: UInt32 = 0x29
    static let quote: UInt32 = 0x27
    static let dash: UInt32 = 0x2D
    static let dot: UInt32 = 0xB7
    static let bar: UInt32 = 0x7C
    static let space: UInt32 = 0x20
    static let newline: UInt32 = 0x0A

    @inline(__always) static func isHangul(_ v: UInt32) -> Bool { v >= 0xAC00 && v <= 0xD7A3 }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    @inline(__always) static func lower(_ v: UInt32) -> UInt32 { v >= 0x41 && v <= 0x5A ? v | 0x20 : v }

    /// Letters and digits: what names and words are made of.
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILetter(v) || isDigit(v) }
        if isHangul(v) { return true }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v >= 0x3131 && v <= 0x318E { return v != 0x3163 }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v < 0x370 { return false }
        if v == mark || v == 0x3230 { return false }
        guard let u = Unicode.Scalar(v) else { return false }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    /// The jongseong (final consonant) index of a Hangul syllable, 0 when open.
    @inline(__always) static func finalConsonant(_ v: UInt32) -> UInt32 { isHangul(v) ? (v - 0xAC00) % 28 : 0 }
}

/// The scalar values of a literal (for grammar tables).
func scalarValues(_ literal: String) -> [UInt32] { literal.unicodeScalars.map(\.value) }
