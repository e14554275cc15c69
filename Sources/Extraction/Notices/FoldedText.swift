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
    /// Where a folded scalar came from: original code points and UTF-8 bytes.
    struct Span {
        var start: Int32
        var end: Int32
        var byteStart: Int32
        var byteEnd: Int32
    }

    /// Folded scalars (as `UInt32` values: comparisons are the hot path).
    private(set) var scalars: [UInt32] = []
    /// `spans[i]` is what `scalars[i]` was folded from.
    private(set) var spans: [Span] = []
    /// Code points in the original text.
    private(set) var originalCount = 0

    var count: Int { scalars.count }

    init(_ text: String) {
        var copy = text
        // Offsets are Int32: a text of 2 GiB or more is cut (no article is near that size).
        if copy.utf8.count >= Int(Int32.max) / 2 { copy = String(copy.utf8.prefix(Int(Int32.max) / 2)) ?? "" }
        let capacity = copy.utf8.count
        var n = 0
        var position: Int32 = 0
        var origins: [Span] = []
        scalars = [UInt32](unsafeUninitializedCapacity: capacity) { out, outCount in
            origins = [Span](unsafeUninitializedCapacity: capacity) { spans, spanCount in
                copy.withUTF8 { bytes in
                    (n, position) = Self.fold(bytes, into: out, spans: spans)
                }
                spanCount = n
            }
            outCount = n
        }
        spans = origins
        originalCount = Int(position)
    }

    /// Decodes and folds `bytes` (valid UTF-8: a Swift string's) into `out` and `spans`, which
    /// have room for one entry per byte. Returns the folded count and the code points read.
    ///
    /// Hangul syllables and ASCII letters and digits — most of any Korean text — are written
    /// straight from local state; everything else goes through the `Folder` state machine.
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>,
                             spans: UnsafeMutableBufferPointer<Span>) -> (count: Int, codePoints: Int32) {
        guard let base = bytes.baseAddress, let outBase = out.baseAddress, let spanBase = spans.baseAddress else { return (0, 0) }
        var folder = Folder(out: out, spans: spans)
        var i = 0
        var position: Int32 = 0
        let length = bytes.count
        while i < length {
            let b0 = UInt32(base[i])
            var value: UInt32
            var width = 1
            if b0 < 0x80 {
                value = b0
            } else if b0 < 0xE0, i + 1 < length {
                value = ((b0 & 0x1F) << 6) | (UInt32(base[i + 1]) & 0x3F)
                width = 2
            } else if b0 < 0xF0, i + 2 < length {
                value = ((b0 & 0x0F) << 12) | ((UInt32(base[i + 1]) & 0x3F) << 6) | (UInt32(base[i + 2]) & 0x3F)
                width = 3
            } else if i + 3 < length {
                value = ((b0 & 0x07) << 18) | ((UInt32(base[i + 1]) & 0x3F) << 12)
                    | ((UInt32(base[i + 2]) & 0x3F) << 6) | (UInt32(base[i + 3]) & 0x3F)
                width = 4
            } else {
                value = 0xFFFD
            }
            let span = Span(start: position, end: position &+ 1, byteStart: Int32(truncatingIfNeeded: i),
                            byteEnd: Int32(truncatingIfNeeded: i &+ width))
            if (value &- 0xAC00) <= (0xD7A3 - 0xAC00) || Folder.isPlainASCII(value) {
                outBase[folder.count] = value
                spanBase[folder.count] = span
                folder.count &+= 1
                folder.lastWasCarriageReturn = false
            } else if value == 0x20, folder.count > 0, outBase[folder.count - 1] != 0x20 {
                // A single space between words, the next most common scalar.
                outBase[folder.count] = value
                spanBase[folder.count] = span
                folder.count &+= 1
                folder.lastWasCarriageReturn = false
            } else {
                folder.fold(value, span)
            }
            i &+= width
            position &+= 1
        }
        return (folder.count, position)
    }

    /// The folding state machine, writing into preallocated buffers (one output per input at most).
    private struct Folder {
        let out: UnsafeMutableBufferPointer<UInt32>
        let spans: UnsafeMutableBufferPointer<Span>
        var count = 0
        var lastWasCarriageReturn = false

        init(out: UnsafeMutableBufferPointer<UInt32>, spans: UnsafeMutableBufferPointer<Span>) {
            self.out = out
            self.spans = spans
        }

        @inline(__always) private mutating func push(_ value: UInt32, _ span: Span) {
            out[count] = value
            spans[count] = span
            count += 1
            lastWasCarriageReturn = false
        }

        @inline(__always) private func extend(_ span: Span) {
            spans[count - 1].end = span.end
            spans[count - 1].byteEnd = span.byteEnd
        }

        /// ASCII that folds to itself and is not a space or break: digits, letters and the
        /// punctuation between them that has no canonical class.
        @inline(__always) static func isPlainASCII(_ value: UInt32) -> Bool {
            value >= 0x30 && value <= 0x7A && value != 0x3C && value != 0x3E && value != 0x5B && value != 0x5D && value != 0x60
        }

        mutating func fold(_ raw: UInt32, _ span: Span) {
            var value = raw
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
            // Hangul syllables and ASCII letters are most of the text: nothing to fold.
            if (value >= 0xAC00 && value <= 0xD7A3) || Self.isPlainASCII(value) {
                push(value, span)
                return
            }
            let last: UInt32? = count > 0 ? out[count - 1] : nil
            switch value {
            case 0x0A, 0x85, 0x2028, 0x2029:
                // `\r\n` is one break: the `\n` joins the break its `\r` already produced.
                if value == 0x0A, lastWasCarriageReturn {
                    extend(span)
                    lastWasCarriageReturn = false
                    return
                }
                push(0x0A, span)
                return
            case 0x0D:
                push(0x0A, span)
                lastWasCarriageReturn = true
                return
            case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                if last == 0x20 { extend(span); return }
                push(0x20, span)
                return
            case 0x200B...0x200D, 0x2060, 0xFEFF, 0xAD:
                return
            case 0x1161...0x1175:
                // A vowel jamo right after a leading consonant jamo: compose the syllable.
                if let last, last >= 0x1100, last <= 0x1112 {
                    out[count - 1] = 0xAC00 + (last - 0x1100) * 588 + (value - 0x1161) * 28
                    extend(span)
                    return
                }
            case 0x11A8...0x11C2:
                // A trailing consonant jamo after an open syllable.
                if let last, last >= 0xAC00, last <= 0xD7A3, (last - 0xAC00) % 28 == 0 {
                    out[count - 1] = last + (value - 0x11A7)
                    extend(span)
                    return
                }
            default:
                break
            }
            push(FoldedText.canonical(value), span)
        }
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
            let at = lo < spans.count && lo >= 0 ? Int(spans[lo].start) : originalCount
            return at..<at
        }
        return Int(spans[lo].start)..<Int(spans[hi - 1].end)
    }

    /// The original text of folded `lo..<hi`, cut from `original` (the string this was folded from).
    func original(_ original: String, _ lo: Int, _ hi: Int) -> String {
        guard lo < hi, lo >= 0, hi <= scalars.count else { return "" }
        let utf8 = original.utf8
        let a = Int(spans[lo].byteStart), b = Int(spans[hi - 1].byteEnd)
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
    @inline(__always) static func isWordScalar(_ v: UInt32) -> Bool {
        if v >= 0xAC00 && v <= 0xD7A3 { return true }
        if v < 0x80 { return isASCIILetter(v) || isDigit(v) }
        return isOtherWordScalar(v)
    }

    private static func isOtherWordScalar(_ v: UInt32) -> Bool {
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

/// A set of BMP scalars as a bitmap: a membership test without hashing, for quick rejects in the
/// grammars' inner loops.
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    init(_ scalars: some Sequence<UInt32>) {
        for v in scalars where v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
    }

    /// The first scalars of `words` (lower-cased ASCII and its upper case).
    init(firstOf words: [[UInt32]]) {
        var all: [UInt32] = []
        for w in words {
            guard let first = w.first else { continue }
            all.append(first)
            if first >= 0x61 && first <= 0x7A { all.append(first - 0x20) }
        }
        self.init(all)
    }

    @inline(__always) func contains(_ v: UInt32) -> Bool {
        v < 0x10000 && bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
    }
}

/// The scalar values of a literal (for grammar tables).
func scalarValues(_ literal: String) -> [UInt32] { literal.unicodeScalars.map(\.value) }
