@testable import Extraction
import Fingerprinting
import Testing

@Suite("Notice trigger: the eight-scalar block test")
struct NoticeTriggerTests {
    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test("trigger words are found wherever they fall in a block; prose is not")
    func knownLines() {
        let hits = ["[저작권자ⓒ 메가경제. 무단전재-재배포 금지]", "기사 끝에 붙은 무단 전재 금지", "Copyright 2026 Example News",
                    "All rights RESERVED.", "© 2026", "(c) 누리온뉴스", "판권 소유", "저작권", "12345678저작"]
        for line in hits {
            let s = Self.scalars(line)
            #expect(NoticeTrigger.mayContainNotice(s, 0, s.count, inquiry: false), "\(line)")
        }
        let prose = Self.scalars("정부는 이날 오전 기자회견을 열고 새 정책을 발표했다. 시장은 교통 문제를 언급했다 12345678")
        #expect(!NoticeTrigger.mayContainNotice(prose, 0, prose.count, inquiry: false))
        let inquiry = Self.scalars("제보 및 기사 문의는 이메일로")
        #expect(NoticeTrigger.mayContainNotice(inquiry, 0, inquiry.count, inquiry: true))
        #expect(!NoticeTrigger.mayContainNotice(inquiry, 0, inquiry.count, inquiry: false))
    }

    @Test("the block test answers as the scalar-at-a-time test on random lines and bounds")
    func againstScalarTest() {
        // Starts and followers of every trigger, near misses, ASCII and ordinary syllables.
        // (Lines are folded text: © is the folded mark.) Whole trigger words as tokens, too.
        let letters = Self.scalars("저작무단금지합함불가허엄판권문의©(cCrRpPfFnN 가나다라마바사아자차카타파하.ovyightesdbn")
        let words = ["저작", "무단", "금지", "불허", "엄금", "판권", "문의", "(c", "copyright", "reserved", "prohibited", "forbidden", "not "].map(Self.scalars)
        var rng = SplitMix64(seed: 0x5eed)
        func next(_ n: Int) -> Int { rng.below(n) }
        var positives = 0
        for _ in 0..<3_000 {
            var s: [UInt32] = []
            for _ in 0..<next(40) {
                if next(12) == 0 { s += words[next(words.count)] } else { s.append(letters[next(letters.count)]) }
            }
            let a = next(s.count + 2), b = a + next(s.count + 2)
            for inquiry in [false, true] {
                let expected = NoticeTrigger.mayContainNoticeScalar(s, a, b, inquiry: inquiry)
                #expect(NoticeTrigger.mayContainNotice(s, a, b, inquiry: inquiry) == expected, "\(s) \(a)..<\(b)")
                if expected { positives += 1 }
            }
        }
        #expect(positives > 500 && positives < 5_500, "\(positives) of 6,000 lines had a trigger")
    }
}

extension NoticeTrigger {
    /// The trigger test a scalar at a time, as it was before the block test: the oracle.
    static func mayContainNoticeScalar(_ s: [UInt32], _ a: Int, _ b: Int, inquiry: Bool) -> Bool {
        let end = min(b, s.count)
        var k = max(0, a)
        while k < end {
            if mayStart(s[k], hangulMask) && startsTrigger(s, k, end, inquiry: inquiry) { return true }
            k += 1
        }
        return false
    }
}
