import Foundation
import Testing
@testable import Fingerprinting

@Suite("Text normaliser on UTF-8 bytes")
struct NormalizerBytesTests {
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test("the bytes of a String normalise as the String does, with and without excluded ranges")
    func bytesAsString() {
        var rng = SplitMix64(seed: 77)
        let pieces = NormalizerEquivalenceTests.adversarial
        var texts = pieces + ["[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]", "한빛시는 15일 시내버스 노선 42개를 개편한다고 밝혔다.\n\n기자 a@b.kr"]
        for _ in 0..<300 {
            texts.append((0..<Int(rng.next() % 40)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            let n = text.unicodeScalars.count
            for excluded in [[], [TextSpan(start: n / 3, end: n / 2)]] {
                let fromBytes = Self.bytes(text).withUnsafeBufferPointer { TextNormalizer.normalize(utf8: $0, excluding: excluded) }
                #expect(fromBytes == TextNormalizer.normalize(text, excluding: excluded), "\(text.debugDescription)")
            }
        }
        let fingerprinter = Fingerprinter()
        let text = texts.joined(separator: " ")
        let shingled = Self.bytes(text).withUnsafeBufferPointer { fingerprinter.shingled(utf8: $0) }
        #expect(shingled.shingles == fingerprinter.shingled(text).shingles)
        #expect(!shingled.shingles.isEmpty)
    }

    @Test("bytes that are not UTF-8 (cut sequences, stray continuations, overlongs, surrogates) are read without overrunning them")
    func invalidBytes() {
        var rng = SplitMix64(seed: 5)
        var cases: [[UInt8]] = [[0xFF], [0xE0], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                Self.bytes("가나다") + [0xEA, 0xB0], [0xEA] + Self.bytes("abc")]
        for _ in 0..<500 { cases.append((0..<Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }) }
        for bytes in cases {
            let normalized = bytes.withUnsafeBufferPointer { TextNormalizer.normalize(utf8: $0) }
            #expect(normalized.originalLength <= bytes.count)
            #expect(normalized.origins.allSatisfy { $0 >= 0 && Int($0) < max(1, normalized.originalLength) })
        }
    }
}
