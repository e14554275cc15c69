import Fingerprinting
@testable import Scanning
import Testing

@Suite("Passage texts cut from a body at code point ranges")
struct MatchReportingSliceTests {
    /// The definition: the body's scalars, clamped to the body.
    static func reference(_ text: String, _ range: Range<Int>) -> String {
        let scalars = Array(text.unicodeScalars)
        let lo = max(0, min(range.lowerBound, scalars.count))
        let hi = max(lo, min(range.upperBound, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lo..<hi])
        return String(view)
    }

    @Test("ASCII, Hangul, decomposed jamo, CRLF, emoji sequences and out-of-range bounds cut as the scalars do")
    func againstScalars() {
        let texts = ["", "abc", "정부는 이날 발표했다. [저작권자ⓒ 메가경제]", "한국어 😀 text\u{1100}\u{1161} é e\u{301}", "줄\r\n바꿈\r\n🇰🇷👩‍👩‍👧", String(repeating: "가나다 ", count: 400)]
        var rng = SplitMix64(seed: 7)
        func next(_ n: Int) -> Int { rng.below(n) }
        for text in texts {
            let count = text.unicodeScalars.count
            var ranges: [Range<Int>] = [0..<count, 0..<0, count..<count, count..<(count + 5), (count + 3)..<(count + 9)]
            for _ in 0..<40 {
                let a = next(count + 4), b = next(count + 4)
                ranges.append(min(a, b)..<max(a, b))
            }
            let cut = MatchReporting.slices(text, ranges)
            #expect(cut.count == ranges.count)
            for (range, piece) in zip(ranges, cut) {
                // Scalar for scalar: String's == would take a decomposed "e\u{301}" for "é".
                #expect(Array(piece.unicodeScalars) == Array(Self.reference(text, range).unicodeScalars),
                        "\(range) of a \(count)-scalar text")
            }
        }
        #expect(MatchReporting.slices("abc", []).isEmpty)
    }
}
