import Foundation
import Testing
@testable import Fingerprinting

@Suite("Text normaliser")
struct TextNormalizerTests {
    @Test("spaces and punctuation are removed; letters lower-cased; digits kept")
    func dropsSpacingAndPunctuation() {
        let n = TextNormalizer.normalize("Hello, World! 서울시 3.5%")
        #expect(n.string == "helloworld서울시35")
    }

    @Test("decomposed Hangul (jamo) normalises to the same syllables as composed")
    func decomposedHangul() {
        let composed = "한국어 뉴스 기사입니다"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        let a = TextNormalizer.normalize(composed)
        let b = TextNormalizer.normalize(decomposed)
        #expect(a.scalars == b.scalars)
        #expect(b.string == "한국어뉴스기사입니다")
        // Never jamo in the output.
        #expect(!b.scalars.contains { (0x1100...0x11FF).contains($0) })
    }

    @Test("offsets of decomposed Hangul point at the first jamo of each syllable")
    func decomposedOffsets() {
        let text = "가 한".decomposedStringWithCanonicalMapping   // 가 = 2 jamo, space, 한 = 3 jamo
        let n = TextNormalizer.normalize(text)
        #expect(n.string == "가한")
        #expect(n.origins == [0, 3])
        #expect(n.originalLength == 6)
        #expect(n.originalRange(of: 0..<2) == 0..<4)
    }

    @Test("fullwidth forms fold to ASCII with exact offsets")
    func fullwidth() {
        let n = TextNormalizer.normalize("ＡＢＣ　１２３")
        #expect(n.string == "abc123")
        #expect(n.origins == [0, 1, 2, 4, 5, 6])
    }

    @Test("spacing variants (띄어쓰기) give identical normalised text")
    func spacingVariants() {
        let variants = ["서울시가 내년부터 요금을 인상한다.", "서울 시가 내년 부터 요금을인상한다", "서울시가  내년부터\n요금을 인상한다 !"]
        let results = Set(variants.map { TextNormalizer.normalize($0).scalars })
        #expect(results.count == 1)
    }

    @Test("offsets map back to the original code points")
    func offsetsRoundTrip() {
        let text = "“기자 = 한빛” 😀 Café 가나다"
        let n = TextNormalizer.normalize(text)
        let scalars = Array(text.unicodeScalars)
        for (i, v) in n.scalars.enumerated() {
            let original = scalars[Int(n.origins[i])]
            // The original scalar lower-cases (or folds) to the kept one.
            let folded = String(original).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.first?.value
            #expect(folded == v, "position \(i)")
        }
    }

    @Test("a combining accent after a letter composes like the precomposed letter")
    func combiningMarks() {
        let a = TextNormalizer.normalize("caf\u{E9}")
        let b = TextNormalizer.normalize("cafe\u{301}")
        #expect(a.scalars == b.scalars)
        #expect(b.origins == [0, 1, 2, 3])
    }

    @Test("compatibility forms fold by NFKC: circled letters, ligatures, superscripts")
    func compatibilityForms() {
        #expect(TextNormalizer.normalize("ⓒ ﬁ x²").string == "cfix2")
    }

    @Test("standalone compatibility jamo (ㅋㅋ) stay as they are")
    func compatibilityJamo() {
        #expect(TextNormalizer.normalize("ㅋㅋ 좋아").scalars == [0x314B, 0x314B, 0xC88B, 0xC544])
    }

    @Test("excluded ranges are dropped")
    func exclusions() {
        let text = "본문입니다 [저작권자 금지] 끝"
        let n = TextNormalizer.normalize(text, excluding: [TextSpan(start: 6, end: 16)])
        #expect(n.string == "본문입니다끝")
    }

    @Test("empty and whitespace-only text normalise to nothing")
    func empty() {
        #expect(TextNormalizer.normalize("").isEmpty)
        #expect(TextNormalizer.normalize("  \n\t .,!").isEmpty)
    }

    @Test("a long decomposed text normalises in linear time")
    func longDecomposed() {
        let paragraph = String(repeating: "대한민국 헌법 제1조 대한민국은 민주공화국이다. ", count: 4_000)
        let decomposed = paragraph.decomposedStringWithCanonicalMapping
        let start = Date()
        let n = TextNormalizer.normalize(decomposed)
        let seconds = Date().timeIntervalSince(start)
        #expect(n.scalars == TextNormalizer.normalize(paragraph).scalars)
        // Foundation's quadratic NFC takes minutes on this; a linear pass takes well under one.
        #expect(seconds < 20)
    }
}
