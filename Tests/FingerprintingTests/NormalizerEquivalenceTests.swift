import Foundation
import Testing
@testable import Fingerprinting

/// The fast paths of `TextNormalizer` (branch-free ASCII/Hangul decoding, the symbol cache, the
/// excluded ranges removed after the scan, the output written in place) must give exactly what
/// the normaliser gave before them, which is frozen in `LegacyTextNormalizer`; and on text
/// where that one agrees with NFKC, what Foundation's NFKC gives.
@Suite("Text normaliser: fast paths against the reference")
struct NormalizerEquivalenceTests {
    /// Text pieces chosen to hit every path and every boundary between paths.
    static let adversarial: [String] = [
        // ASCII letters, digits, punctuation, spacing
        "a", "Z", "q", "0", "9", " ", ".", ",", "\n", "\t", "-", "(", ")", "%", "~", "Abc", "X1",
        "@", "[", "`", "{", "/", ":", "\u{7F}", "\u{0}",   // next to the letter and digit ranges
        // Hangul syllables, first and last
        "가", "한", "국", "힣", "뉴스", "서울시",
        "\u{ABFF}", "\u{D7A4}", "\u{D7AF}", "\u{E000}", "\u{E0000}",   // next to the syllable range
        "\u{1FFF}", "\u{2000}", "\u{205E}", "\u{205F}", "\u{2070}", "“", "”", "‘", "’",  // at the ends of general punctuation
        // conjoining jamo: leads, vowels, trailing consonants, old jamo
        "\u{1100}", "\u{1112}", "\u{1161}", "\u{1175}", "\u{11A8}", "\u{11C2}", "\u{1113}", "\u{A960}", "\u{D7B0}",
        "\u{1100}\u{1161}", "\u{1112}\u{1161}\u{11AB}",
        // compatibility jamo (kept standalone) and halfwidth jamo and katakana with voiced marks
        "ㅋ", "ㄱ", "ㅏ", "\u{FFA1}", "\u{FF76}", "\u{FF9E}", "\u{FF9F}",
        // fullwidth forms
        "Ａ", "ｚ", "１", "！", "＜", "［", "．", "　",
        // symbols a news article holds, one at a time or in a row
        "∼", "ⓒ", "©", "Ⓒ", "㎜", "㎡", "㎝", "㎏", "㎞", "℃", "①", "⑳", "㈜", "㉠", "㉮", "Ⅱ", "ⅷ", "№", "™",
        "½", "²", "ª", "µ", "·", "『", "』", "※", "▲", "■", "●", "→", "…", "★", "☎", "♥", "㍿", "㎉", "ﬁ", "ﷺ",
        // combining marks, some of which compose with what comes before
        "\u{0301}", "\u{0300}", "\u{0327}", "\u{0338}", "\u{0345}", "\u{3099}", "\u{309A}", "\u{20DD}",
        "e\u{0301}", "E\u{0301}", "\u{0338}\u{0338}",
        // Latin-1 and other scripts
        "À", "é", "ß", "ÿ", "×", "İ", "Σ", "ς", "Ω", "Я", "д", "ά", "ǅ", "ŉ",
        "中", "国", "あ", "カ", "ヴ", "한자漢字", "\u{2F00}", "\u{F900}",
        // spacing and invisible characters, emoji sequences
        "\u{00A0}", "\u{FEFF}", "\u{200B}", "\u{200D}", "\u{2028}", "😀", "👍🏽", "👨‍👩‍👧", "🇰🇷", "\u{FE0F}", "\u{E000}",
        // replacement character (what invalid UTF-8 becomes)
        "\u{FFFD}",
    ]

    /// What a Korean news text holds, on which the reference agrees with Foundation's NFKC.
    static let ordinary: [String] = [
        "a", "Z", "7", " ", ".", ",", "\n", "(", ")", "%", "-", "“", "”", "‘", "’", "·", "…", "『", "』", "※",
        "가", "한", "국", "힣", "뉴스", "기자",
        "\u{1100}\u{1161}", "\u{1112}\u{1161}\u{11AB}", "\u{110B}\u{1173}\u{11AF}",
        "Ａ", "ｚ", "１", "！", "　",
        "∼", "ⓒ", "©", "Ⓒ", "㎜", "㎡", "㎝", "㎏", "℃", "①", "㈜", "Ⅱ", "½", "²", "▲", "■", "●", "→", "★", "ﬁ",
        "e\u{0301}", "E\u{0301}", "é", "ß", "中", "あ", "カ",
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int { Int(splitMix64(&state) % UInt64(max(1, bound))) }

        mutating func text(from pieces: [String], maxPieces: Int) -> String {
            var s = ""
            for _ in 0..<next(maxPieces + 1) { s += pieces[next(pieces.count)] }
            return s
        }

        mutating func spans(within length: Int) -> [TextSpan] {
            (0..<next(4)).map { _ in
                let start = next(length + 3) - 1
                return TextSpan(start: start, end: start + next(12) - 1)
            }
        }
    }

    static func expectSame(_ text: String, excluding spans: [TextSpan] = [], _ comment: Comment? = nil) {
        let fast = TextNormalizer.normalize(text, excluding: spans)
        let reference = LegacyTextNormalizer.normalize(text, excluding: spans)
        #expect(fast.scalars == reference.scalars, "scalars of \(text.unicodeScalars.map { String($0.value, radix: 16) }) \(spans)")
        #expect(fast.origins == reference.origins, "origins of \(text.unicodeScalars.map { String($0.value, radix: 16) }) \(spans)")
        #expect(fast.originalLength == reference.originalLength)
    }

    @Test("random adversarial text: scalars, offsets and length as the reference", arguments: 0..<4)
    func adversarialText(batch: Int) {
        var g = Generator(state: 0xAD0 + UInt64(batch))
        for _ in 0..<600 {
            let text = g.text(from: Self.adversarial, maxPieces: 24)
            Self.expectSame(text)
            Self.expectSame(text, excluding: g.spans(within: text.unicodeScalars.count))
        }
    }

    @Test("random text in news proportions (long runs of the fast path) as the reference")
    func newsLikeText() {
        var g = Generator(state: 0x5EED)
        let heavy = Array(repeating: "가", count: 20) + Array(repeating: " ", count: 8) + Array(repeating: "a", count: 6)
            + Array(repeating: "뉴스", count: 6) + Self.adversarial
        for _ in 0..<300 {
            let text = g.text(from: heavy, maxPieces: 200)
            Self.expectSame(text)
            Self.expectSame(text, excluding: g.spans(within: text.unicodeScalars.count))
        }
    }

    @Test("invalid UTF-8, repaired by String, normalises as the reference")
    func invalidBytes() {
        var g = Generator(state: 0xBAD)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xEA, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xB0, 0x9E, 0xA3]
        for _ in 0..<800 {
            let bytes = (0..<g.next(40)).map { _ in interesting[g.next(interesting.count)] }
            let text = String(decoding: bytes, as: UTF8.self)
            Self.expectSame(text)
        }
    }

    @Test("long runs of other scripts and many-scalar expansions (the output grows past its first room)")
    func longAndExpanding() {
        Self.expectSame(String(repeating: "ﷺ", count: 300))
        Self.expectSame(String(repeating: "ﷺ가", count: 300))
        Self.expectSame(String(repeating: "㎉ ", count: 400))
        Self.expectSame(String(repeating: "Привет мир ", count: 40))
        Self.expectSame(String(repeating: "e\u{0301}", count: 200))
        Self.expectSame(String(repeating: "\u{0301}", count: 200))
        Self.expectSame(String(repeating: "ἀ\u{0345}", count: 100))
        let expanded = TextNormalizer.normalize(String(repeating: "ﷺ", count: 300))
        #expect(expanded.count > 300 * 3)   // more scalars than UTF-8 bytes in
    }

    @Test("text of Korean news agrees with Foundation's NFKC, lower-cased, letters and digits only")
    func agreesWithFoundation() {
        var g = Generator(state: 0xF00D)
        for _ in 0..<1_500 {
            let text = g.text(from: Self.ordinary, maxPieces: 30)
            var expected: [UInt32] = []
            for s in text.precomposedStringWithCompatibilityMapping.unicodeScalars
            where s.properties.isAlphabetic || s.properties.numericType != nil {
                expected += s.properties.lowercaseMapping.unicodeScalars.map(\.value)
            }
            #expect(TextNormalizer.normalize(text).scalars == expected, "\(text)")
        }
    }

    @Test("a symbol's cached normal form is its NFKC, lower-cased, letters and digits only")
    func symbolCache() {
        let cases: [(Unicode.Scalar, [UInt32])] = [
            ("ⓒ", [0x63]), ("㎜", [0x6D, 0x6D]), ("㎡", [0x6D, 0x32]), ("∼", []), ("℃", [0x63]),
            ("①", [0x31]), ("㈜", [0xC8FC]), ("Ⅱ", [0x69, 0x69]), ("㍿", [0x682A, 0x5F0F, 0x4F1A, 0x793E]),
        ]
        for (symbol, expected) in cases {
            #expect(SymbolCache.shared.kept(symbol) == expected, "\(symbol)")
            // Asked again, from the cache.
            #expect(SymbolCache.shared.kept(symbol) == expected, "\(symbol) cached")
        }
        // Combining marks depend on what precedes them: never cached.
        #expect(SymbolCache.shared.kept("\u{0301}") == nil)
        #expect(SymbolCache.shared.kept("\u{3099}") == nil)
    }

    @Test("excluded ranges: merged, out of order, overlapping, empty and out of bounds")
    func excludedRanges() {
        let r = ExcludedRanges([TextSpan(start: 10, end: 12), TextSpan(start: 2, end: 5), TextSpan(start: 4, end: 8),
                                TextSpan(start: 20, end: 20), TextSpan(start: 30, end: 25), TextSpan(start: -3, end: 1)])
        let inside = (-5..<35).filter { r.contains($0) }
        #expect(inside == [-3, -2, -1, 0, 2, 3, 4, 5, 6, 7, 10, 11])
        // Scalars whose origins rise, step back (a recomposed mark) and rise again.
        let origins: [Int32] = [0, 1, 3, 5, 6, 4, 7, 8, 9, 10, 12, 11, 13, 30, 31]
        var scalars = origins.map { UInt32($0) + 100 }
        var moved = origins
        let kept = scalars.withUnsafeMutableBufferPointer { s in
            moved.withUnsafeMutableBufferPointer { o -> Int in
                guard let sb = s.baseAddress, let ob = o.baseAddress else { return -1 }
                return r.removeExcluded(scalars: sb, origins: ob, count: o.count)
            }
        }
        let expected = origins.filter { !inside.contains(Int($0)) }
        #expect(kept == expected.count)
        #expect(Array(moved[..<max(0, kept)]) == expected)
        #expect(Array(scalars[..<max(0, kept)]) == expected.map { UInt32($0) + 100 })
        #expect(ExcludedRanges([]).isEmpty)
    }
}
