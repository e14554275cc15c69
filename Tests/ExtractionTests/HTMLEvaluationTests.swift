import Testing
@testable import Extraction

@Suite("Evaluation measure")
struct HTMLEvaluationTests {
    @Test func matchingBlocksAgreeWithDifflib() {
        // difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() gives, for
        // "abxcd" / "abcd": (0,0,2), (3,2,2); for "qabxcd" / "abycdf": (1,0,2), (4,3,2).
        func blocks(_ a: String, _ b: String) -> [[Int]] {
            TextOverlap.matchingBlocks(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value)).map { [$0.a, $0.b, $0.size] }
        }
        #expect(blocks("abxcd", "abcd") == [[0, 0, 2], [3, 2, 2]])
        #expect(blocks("qabxcd", "abycdf") == [[1, 0, 2], [4, 3, 2]])
        #expect(blocks("abc", "xyz").isEmpty)
        #expect(blocks("", "abc").isEmpty)
    }

    @Test func matchedCharactersNeverExceedEitherText() {
        let pairs = [("가나다라마바사", "가나다라"), ("aaaa", "aaaaaaaa"), ("abababab", "baba"), ("x", "xxxxx")]
        for (a, b) in pairs {
            let o = TextOverlap(expected: a, extracted: b)
            #expect(o.matched <= min(o.expectedLength, o.extractedLength))
            #expect(o.recall <= 1 && o.precision <= 1)
        }
    }

    @Test func recallAndPrecisionIgnoreSpacingAndCompatibilityForms() {
        let o = TextOverlap(expected: "서울 시청 앞\n광장", extracted: "서울시청앞 광장 ＡＢＣ")
        #expect(o.expectedLength == 7)
        #expect(o.extractedLength == 10)
        #expect(o.matched == 7)
        #expect(o.recall == 1)
        #expect(abs(o.precision - 0.7) < 1e-9)
    }

    @Test func missingTextLowersRecallAndExtraTextLowersPrecision() {
        let expected = "첫째 문장이다. 둘째 문장이다."
        #expect(TextOverlap(expected: expected, extracted: "첫째 문장이다.").recall < 0.6)
        #expect(TextOverlap(expected: expected, extracted: expected + " 관련기사 목록 광고 문구 구독 신청").precision < 0.7)
    }

    @Test func mediansAndTargets() {
        #expect(ExtractionEvaluation.median([0.2, 0.9, 1.0]) == 0.9)
        #expect(abs(ExtractionEvaluation.median([0.2, 0.8, 0.9, 1.0]) - 0.85) < 1e-9)
    }
}
