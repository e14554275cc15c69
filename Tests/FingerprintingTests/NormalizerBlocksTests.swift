import Foundation
import Testing
import NormalizerAVX2
@testable import Fingerprinting

/// The fast path 32 bytes at a time (`NormalizerAVX2`) must write exactly what the scalar fast
/// path writes — scalars, origins and length — wherever a block boundary, a character of
/// another kind or an invalid byte falls. The scalar path is itself held to the frozen
/// reference by `NormalizerEquivalenceTests`.
@Suite("Text normaliser: the AVX2 block decoder against the scalar fast path",
       .enabled(if: MinHashKernel.avx2.isSupported, "this CPU has no AVX2: there is no block decoder to test"))
struct NormalizerBlocksTests {
    static func normalize(_ bytes: [UInt8], blocks: Bool, excluding spans: [TextSpan] = []) -> NormalizedText {
        bytes.withUnsafeBufferPointer { TextNormalizer.normalize(utf8: $0, excluding: spans, blocks: blocks) }
    }

    static func expectSame(_ bytes: [UInt8], excluding spans: [TextSpan] = [], _ what: @autoclosure () -> String) {
        let vector = normalize(bytes, blocks: true, excluding: spans)
        let scalar = normalize(bytes, blocks: false, excluding: spans)
        #expect(vector.scalars == scalar.scalars, "scalars: \(what())")
        #expect(vector.origins == scalar.origins, "origins: \(what())")
        #expect(vector.originalLength == scalar.originalLength, "length: \(what())")
    }

    @Test("a block decodes what the scalar path decodes, and actually takes blocks")
    func takesBlocks() {
        let text = String(repeating: "한빛시는 15일 시내버스 노선 42개를 개편한다고 밝혔다. ", count: 20)
        let bytes = Array(text.utf8)
        let vector = Self.normalize(bytes, blocks: true)
        #expect(vector == Self.normalize(bytes, blocks: false))
        #expect(vector == TextNormalizer.normalize(text))
        // What the block decoder takes, counted: from the start to within the last 34 bytes
        // (a block is taken while 34 bytes are left from it).
        #if arch(x86_64)
        var at = 0, character: Int64 = 0, count = 0
        var scalars = [UInt32](repeating: 0, count: bytes.count + 16)
        var origins = [Int32](repeating: 0, count: bytes.count + 16)
        bytes.withUnsafeBufferPointer { b in
            scalars.withUnsafeMutableBufferPointer { s in
                origins.withUnsafeMutableBufferPointer { o in
                    guard let bp = b.baseAddress, let sp = s.baseAddress, let op = o.baseAddress else { return }
                    copyscan_normalize_fast_avx2(bp, b.count, &at, &character, sp, op, &count, s.count)
                }
            }
        }
        #expect(at > bytes.count - 34 && at <= bytes.count, "took \(at) of \(bytes.count) bytes")
        #expect(Array(scalars[..<count]) == Array(vector.scalars[..<count]))
        #expect(Array(origins[..<count]) == Array(vector.origins[..<count]))
        #expect(character == Int64(String(decoding: bytes[..<at], as: UTF8.self).unicodeScalars.count))
        #endif
    }

    @Test("every position of a block boundary: a syllable, a punctuation mark or another character at each offset")
    func boundaries() {
        let fillers = ["a", "가", " ", "…", "“"]
        let intruders = ["·", "ⓒ", "∼", "é", "中", "\u{2060}", "\u{205F}", "\u{ABFF}", "\u{D7A3}", "\u{D7A4}", "😀", "\u{1100}\u{1161}", "힣", "Z", "\n"]
        for filler in fillers {
            for intruder in intruders {
                for offset in 0..<70 {
                    let prefix = String(repeating: "a", count: offset % 3) + String(repeating: filler, count: offset)
                    let text = prefix + intruder + String(repeating: "뉴스 기사 ", count: 12)
                    Self.expectSame(Array(text.utf8), "\(filler) × \(offset) then \(intruder.debugDescription)")
                }
            }
        }
    }

    @Test("random long text in news proportions, with and without excluded ranges")
    func newsLike() {
        var g = NormalizerEquivalenceTests.Generator(state: 0xB10C)
        let heavy = Array(repeating: "가", count: 30) + Array(repeating: " ", count: 10) + Array(repeating: "a", count: 6)
            + ["뉴스", "기자", "“", "”", "…", "1", "Z", ".", ","] + NormalizerEquivalenceTests.adversarial
        for _ in 0..<400 {
            let text = g.text(from: heavy, maxPieces: 400)
            let bytes = Array(text.utf8)
            Self.expectSame(bytes, "\(text.debugDescription)")
            Self.expectSame(bytes, excluding: g.spans(within: text.unicodeScalars.count), "\(text.debugDescription) excluded")
        }
    }

    @Test("invalid UTF-8 inside long runs of the fast path: cut, stray, overlong and out-of-range sequences")
    func invalidInsideBlocks() {
        var rng = SplitMix64(seed: 0xE7C)
        let base = Array(String(repeating: "한국어 뉴스 text 가나다라 ", count: 12).utf8)
        let bad: [[UInt8]] = [[0x80], [0xBF], [0xEA], [0xEA, 0xB0], [0xEA, 0xAF, 0xBF], [0xED, 0x9E, 0xA4], [0xED, 0xA0, 0x80],
                              [0xE2, 0x81, 0x9F], [0xE2, 0x82], [0xC0, 0xAF], [0xFF], [0xF0, 0x9F, 0x98], [0xEB, 0x80, 0x80, 0x80],
                              [0xE2, 0x80, 0x41], [0xEA, 0x41, 0x80]]
        for trial in 0..<1_500 {
            var bytes = base
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                bytes.insert(contentsOf: bad[Int(rng.next() % UInt64(bad.count))], at: at)
            }
            if trial % 5 == 0 { bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count + 1)))) }
            Self.expectSame(bytes, "trial \(trial): \(bytes)")
        }
        for _ in 0..<300 {
            let bytes = (0..<(34 + Int(rng.next() % 200))).map { _ in UInt8(truncatingIfNeeded: rng.next()) | (rng.next() % 2 == 0 ? 0x80 : 0) }
            Self.expectSame(bytes, "random bytes \(bytes)")
        }
    }

    @Test("lengths around the block's reach (33 and 34 bytes left) and text of one kind only")
    func lengths() {
        for length in 0..<120 {
            Self.expectSame(Array(String(repeating: "a", count: length).utf8), "ASCII × \(length)")
            Self.expectSame(Array(String(repeating: "가", count: length).utf8), "syllables × \(length)")
            Self.expectSame(Array((String(repeating: "가", count: length) + "ab").utf8), "syllables × \(length) + ab")
            Self.expectSame(Array(String(repeating: " ", count: length).utf8), "spaces × \(length)")
            Self.expectSame(Array(String(repeating: "Ab1.", count: length).utf8), "mixed ASCII × \(length)")
        }
    }
}
