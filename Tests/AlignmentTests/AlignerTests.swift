import Foundation
import Testing
@testable import Alignment
import Fingerprinting

@Suite("Alignment")
struct AlignerTests {
    let f = Fingerprinter()
    let aligner = Aligner()

    func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
    func cut(_ s: String, _ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars(s)[r])
        return String(v)
    }

    static let copied = "국토교통부는 올해 하반기부터 수도권 광역버스 노선을 대폭 확충하고 출퇴근 시간대 배차 간격을 십분 이내로 줄이겠다고 발표했다. 이를 위해 예산 삼천억 원을 투입한다."

    @Test("a verbatim passage inside other text is found with exact code point offsets on both sides")
    func exactOffsets() {
        // The prefixes end in different letters, so the identical run starts exactly at the copy.
        let prefix = "전혀 관련 없는 도입 문장이 여기에 놓인다. 농촌 인구 감소 문제: "
        let source = "원문 기사의 첫 문장이다. " + Self.copied + " 원문의 마지막 문장이다."
        let suspect = prefix + Self.copied + " 그리고 다른 이야기로 끝난다."
        let r = aligner.align(suspect: f.fingerprint(suspect), source: f.fingerprint(source))
        #expect(r.passages.count == 1)
        guard let p = r.passages.first else { return }
        let sStart = scalars(prefix).count
        let tStart = scalars("원문 기사의 첫 문장이다. ").count
        let n = scalars(Self.copied).count
        // The passage spans the copied text up to its last letter (the final period is not a letter).
        #expect(p.suspect == sStart..<(sStart + n - 1))
        #expect(p.source == tStart..<(tStart + n - 1))
        #expect(cut(suspect, p.suspect) == cut(source, p.source))
        #expect(r.copiedCharacters == n - 1)
        #expect(r.containment > 0.5 && r.containment < 1)
    }

    @Test("respacing and punctuation changes keep one passage; offsets still bound the copy")
    func respaced() {
        let source = Self.copied
        let suspect = "국토교통부는올해 하반기 부터 수도권광역버스 노선을 대폭확충하고, 출퇴근 시간대 배차간격을 십분이내로 줄이겠다고 발표했다! 이를위해 예산 삼천억원을 투입한다"
        let r = aligner.align(suspect: f.fingerprint(suspect), source: f.fingerprint(source))
        #expect(r.passages.count == 1)
        #expect(r.jaccard == 1)
        #expect(r.containment == 1)
        #expect(r.coverage == 1)
        #expect(r.passages.first?.suspect == 0..<(scalars(suspect).count))
    }

    @Test("a changed particle inside a copy does not split the passage")
    func particleChange() {
        let suspect = Self.copied.replacingOccurrences(of: "국토교통부는", with: "국토교통부가")
            .replacingOccurrences(of: "발표했다", with: "발표하였다")
        let r = aligner.align(suspect: f.fingerprint(suspect), source: f.fingerprint(Self.copied))
        #expect(r.passages.count == 1)
        #expect(r.coverage > 0.95)
    }

    @Test("reordered sentences stay one passage spanning both sentences on each side")
    func reordered() {
        let s1 = "첫째 문장은 지방자치단체의 재정 자립도가 해마다 낮아지고 있다는 사실을 지적하고 있다."
        let s2 = "둘째 문장은 중앙정부의 교부세 배분 방식이 바뀌어야 한다는 전문가들의 주장을 전한다."
        let source = s1 + " " + s2
        let suspect = s2 + " " + s1
        let r = aligner.align(suspect: f.fingerprint(suspect), source: f.fingerprint(source))
        #expect(r.passages.count == 1)
        let p = r.passages.first
        #expect(p?.suspect == 0..<(scalars(suspect).count - 1))
        #expect(p?.source == 0..<(scalars(source).count - 1))
        #expect(r.coverage == 1)
    }

    @Test("sentences far apart in the source are separate passages")
    func farApart() {
        let s1 = "첫째 문장은 지방자치단체의 재정 자립도가 해마다 낮아지고 있다는 사실을 지적하면서 그 원인으로 인구 감소와 산업 기반 약화를 꼽았다."
        let s2 = "둘째 문장은 중앙정부의 교부세 배분 방식이 바뀌어야 한다는 전문가들의 주장을 전하면서 구체적인 개편 방향과 일정까지 함께 제시했다."
        let filler = String(repeating: "전혀 상관없는 채움 문장들이 길게 이어지며 거리를 벌린다. ", count: 10)
        let source = s1 + " " + filler + s2
        let suspect = s2 + " " + s1
        let r = aligner.align(suspect: f.fingerprint(suspect), source: f.fingerprint(source))
        #expect(r.passages.count == 2)
        for p in r.passages {
            #expect(cut(suspect, p.suspect) == cut(source, p.source))
        }
    }

    @Test("unrelated texts sharing a stock phrase give no passage")
    func coincidence() {
        let a = "서울시는 이날 오전 기자회견을 열고 새 정책을 발표했다고 밝혔다. 시장은 교통 문제를 언급했다."
        let b = "부산 해운대구는 축제 일정을 공개했다고 밝혔다. 관광객 증가가 예상된다."
        let r = aligner.align(suspect: f.fingerprint(b), source: f.fingerprint(a))
        #expect(r.passages.isEmpty)
    }

    @Test("empty texts align to nothing")
    func empty() {
        let r = aligner.align(suspect: f.fingerprint(""), source: f.fingerprint(Self.copied))
        #expect(r.passages.isEmpty)
        #expect(r.containment == 0)
    }
}

@Suite("Set similarity helpers")
struct SetSimilarityTests {
    @Test("the radix sort orders like the standard sort, repeats and extremes included")
    func radix() {
        var rng = SplitMix64(seed: 99)
        for n in [0, 1, 63, 64, 65, 1_000, 5_000] {
            var values = (0..<n).map { i -> UInt64 in
                let v = rng.next()
                return i % 7 == 0 ? UInt64.max : (i % 11 == 0 ? 0 : v)
            }
            values += values.prefix(n / 3)
            var sorted = values
            RadixSort.sort(&sorted)
            #expect(sorted == values.sorted(), "n = \(n)")
        }
    }

    @Test("exact Jaccard counts distinct shingles: |A∩B| / |A∪B|")
    func jaccard() {
        #expect(Aligner.jaccard([1, 2, 3, 3], [2, 3, 4]) == 0.5)
        #expect(Aligner.jaccard([], []) == 0)
        #expect(Aligner.jaccard([5], [5, 5]) == 1)
        let a = (0..<300).map { UInt64($0 * 7919) }
        let b = (100..<400).map { UInt64($0 * 7919) }
        #expect(Aligner.jaccard(a, b) == 200.0 / 400.0)
    }
}
