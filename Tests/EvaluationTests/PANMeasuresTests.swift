import Foundation
import Testing
@testable import Evaluation

/// Hand-made cases with values computed by hand from the PAN definitions (recall and precision
/// count characters on both sides; granularity averages detections per detected case;
/// plagdet = F1 / log2(1 + granularity)).
@Suite("PAN measures")
struct PANMeasuresTests {
    func a(_ s: Range<Int>, _ t: Range<Int>, suspect: String = "s1", source: String = "t1") -> Annotation {
        Annotation(suspect: suspect, s, source: source, t)
    }

    func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 1e-9 }

    @Test("a detection equal to the case scores 1 everywhere")
    func perfect() {
        let s = PANMeasures.scores(cases: [a(0..<100, 0..<100)], detections: [a(0..<100, 0..<100)])
        #expect(s == .init(precision: 1, recall: 1, granularity: 1, plagdet: 1))
    }

    @Test("half of a case on both sides: recall (50+50)/200, precision 1, plagdet 2/3")
    func half() {
        let s = PANMeasures.scores(cases: [a(0..<100, 0..<100)], detections: [a(0..<50, 0..<50)])
        #expect(close(s.recall, 0.5))
        #expect(close(s.precision, 1))
        #expect(close(s.granularity, 1))
        #expect(close(s.plagdet, 2.0 / 3.0))
    }

    @Test("a case found in two pieces: recall 0.8, granularity 2, plagdet (16/18)/log2 3")
    func twoPieces() {
        let s = PANMeasures.scores(cases: [a(0..<100, 0..<100)], detections: [a(0..<40, 0..<40), a(60..<100, 60..<100)])
        #expect(close(s.recall, 160.0 / 200.0))
        #expect(close(s.precision, 1))
        #expect(close(s.granularity, 2))
        #expect(close(s.plagdet, (16.0 / 18.0) / log2(3.0)))
        #expect(abs(s.plagdet - 0.560_83) < 1e-5)
    }

    @Test("overlapping detections count each character once, granularity still 2")
    func overlappingDetections() {
        let s = PANMeasures.scores(cases: [a(0..<100, 0..<100)], detections: [a(0..<60, 0..<60), a(40..<100, 40..<100)])
        #expect(close(s.recall, 1))
        #expect(close(s.precision, 1))
        #expect(close(s.granularity, 2))
        #expect(close(s.plagdet, 1 / log2(3.0)))
    }

    @Test("a detection reaching past the case: precision (50+50)/200")
    func tooLong() {
        let s = PANMeasures.scores(cases: [a(10..<60, 10..<60)], detections: [a(0..<100, 0..<100)])
        #expect(close(s.recall, 1))
        #expect(close(s.precision, 0.5))
        #expect(close(s.plagdet, 2.0 / 3.0))
    }

    @Test("sides of different lengths: recall (50+60)/160")
    func asymmetric() {
        let s = PANMeasures.scores(cases: [a(0..<100, 200..<260)], detections: [a(0..<50, 200..<260)])
        #expect(close(s.recall, 110.0 / 160.0))
        #expect(close(s.precision, 1))
        #expect(close(s.plagdet, 2 * (110.0 / 160.0) / (1 + 110.0 / 160.0)))
    }

    @Test("a detection must overlap on both sides and name the same documents")
    func bothSides() {
        let wrongPlace = PANMeasures.scores(cases: [a(0..<100, 0..<100)], detections: [a(0..<100, 500..<600)])
        #expect(wrongPlace.recall == 0 && wrongPlace.precision == 0 && wrongPlace.plagdet == 0)
        #expect(wrongPlace.granularity == 1)
        let wrongSource = PANMeasures.scores(cases: [a(0..<100, 0..<100)], detections: [a(0..<100, 0..<100, source: "t2")])
        #expect(wrongSource.recall == 0 && wrongSource.precision == 0)
        let wrongSuspect = PANMeasures.scores(cases: [a(0..<100, 0..<100)], detections: [a(0..<100, 0..<100, suspect: "s2")])
        #expect(wrongSuspect.recall == 0 && wrongSuspect.precision == 0)
    }

    @Test("macro averages: one case found, one missed, one false detection")
    func macroAverage() {
        let cases = [a(0..<100, 0..<100, suspect: "s1"), a(0..<300, 0..<300, suspect: "s2")]
        let detections = [a(0..<100, 0..<100, suspect: "s1"), a(0..<50, 0..<50, suspect: "s3")]
        let s = PANMeasures.scores(cases: cases, detections: detections)
        // Recall: (1 + 0) / 2 cases — the long missed case weighs as much as the short found one.
        #expect(close(s.recall, 0.5))
        // Precision: (1 + 0) / 2 detections.
        #expect(close(s.precision, 0.5))
        #expect(close(s.granularity, 1))
        #expect(close(s.plagdet, 0.5))
    }

    @Test("the PAN script's own case_recall examples")
    func scriptExamples() {
        let ann1 = a(0..<100, 0..<100), ann3 = a(100..<200, 100..<200), ann4 = a(0..<200, 0..<200)
        let ann7 = a(0..<100, 0..<100, suspect: "s2", source: "t2")
        let ann9 = a(50..<150, 50..<150, suspect: "s2", source: "t2")
        let ann10 = a(25..<100, 25..<100, suspect: "s2", source: "t2")
        #expect(PANMeasures.caseRecall(ann1, detections: []) == 0)
        #expect(PANMeasures.caseRecall(ann1, detections: [ann1]) == 1)
        #expect(PANMeasures.caseRecall(ann1, detections: [ann3]) == 0)
        #expect(PANMeasures.caseRecall(ann1, detections: [ann4]) == 1)
        #expect(PANMeasures.caseRecall(ann1, detections: [ann4, ann7]) == 1)
        #expect(PANMeasures.caseRecall(ann1, detections: [ann7, ann9]) == 0)
        #expect(PANMeasures.caseRecall(ann7, detections: [ann9]) == 0.5)
        #expect(PANMeasures.caseRecall(ann7, detections: [ann10]) == 0.75)
    }

    @Test("empty inputs follow the script: nothing vs nothing is perfect, one side empty is 0")
    func empty() {
        #expect(PANMeasures.macroRecall(cases: [], detections: []) == 1)
        #expect(PANMeasures.macroPrecision(cases: [], detections: []) == 1)
        let missed = PANMeasures.scores(cases: [a(0..<10, 0..<10)], detections: [])
        #expect(missed.recall == 0 && missed.precision == 0 && missed.granularity == 1 && missed.plagdet == 0)
        let falseOnly = PANMeasures.scores(cases: [], detections: [a(0..<10, 0..<10)])
        #expect(falseOnly.recall == 0 && falseOnly.precision == 0 && falseOnly.plagdet == 0)
    }

    @Test("plagdet divides F1 by log2(1 + granularity)")
    func plagdetFormula() {
        #expect(close(PANMeasures.plagdet(precision: 0.9, recall: 0.6, granularity: 1), 0.72))
        #expect(close(PANMeasures.plagdet(precision: 0.9, recall: 0.6, granularity: 3), 0.36))
        #expect(PANMeasures.plagdet(precision: 0, recall: 0, granularity: 1) == 0)
        #expect(PANMeasures.plagdet(precision: 1, recall: 1, granularity: 0.5) == 0)
    }
}
