import Policy
import Testing
@testable import Evaluation

@Suite("Scorecard: verdict counts and targets")
struct ScorecardTests {
    func evaluationCase(_ id: String, _ obfuscation: String, _ expected: EvaluationCase.Expected, length: Int = 100) -> EvaluationCase {
        EvaluationCase(id: id, suspect: "suspects/\(id).txt", obfuscation: obfuscation, expected: expected, origin: "generated",
                       sources: ["sources/a.txt"],
                       passages: expected == .clean ? [] : [TruthPassage(source: "sources/a.txt", suspect: Span(0, length), sourceRange: Span(0, length))],
                       note: "", htmlParagraphs: nil)
    }

    func outcome(_ c: EvaluationCase, _ verdict: VerdictKind, found: Bool) -> CaseOutcome {
        var o = CaseOutcome(evaluationCase: c, scoring: .characters, verdict: verdict)
        o.violationSources = verdict == .violation ? ["sources/a.txt"] : []
        o.truth = c.annotations()
        if found { o.detections = c.annotations() }
        return o
    }

    func set(_ cases: [EvaluationCase]) -> EvaluationSet {
        EvaluationSet(format: 1, seed: 1, size: "test", notes: [], indexedDocuments: 1, positive: ["verbatim", "reword"],
                      heavy: ["reword"], negative: ["neg-boilerplate"], cases: cases)
    }

    @Test("everything found and nothing false: every target met")
    func allMet() {
        let cases = [evaluationCase("v1", "verbatim", .violation), evaluationCase("r1", "reword", .violation),
                     evaluationCase("n1", "neg-boilerplate", .clean)]
        let run = EvaluationRun(outcomes: [outcome(cases[0], .violation, found: true), outcome(cases[1], .violation, found: true),
                                           outcome(cases[2], .clean, found: false)], indexSeconds: 0, scanSeconds: 0, notes: [])
        let card = Scorecard(set: set(cases), run: run)
        #expect(card.misses == [])
        #expect(card.overall.verdicts.precision == 1)
        #expect(card.overall.verdicts.recall == 1)
        #expect(card.rows.map(\.name) == ["verbatim", "reword", "neg-boilerplate"])
    }

    @Test("a false violation on a negative and a missed verbatim copy are both reported")
    func misses() {
        let cases = [evaluationCase("v1", "verbatim", .violation), evaluationCase("v2", "verbatim", .violation),
                     evaluationCase("n1", "neg-boilerplate", .clean)]
        let run = EvaluationRun(outcomes: [outcome(cases[0], .violation, found: true), outcome(cases[1], .reuse, found: true),
                                           outcome(cases[2], .violation, found: false)], indexSeconds: 0, scanSeconds: 0, notes: [])
        let card = Scorecard(set: set(cases), run: run)
        // One true positive, one false positive (the negative), one false negative.
        #expect(card.overall.verdicts.truePositives == 1)
        #expect(card.overall.verdicts.falsePositives == 1)
        #expect(card.overall.verdicts.precision == 0.5)
        #expect(card.overall.verdicts.recall == 0.5)
        #expect(card.misses.contains("1 false violation(s) on negatives"))
        #expect(card.misses.contains { $0.hasPrefix("verbatim: violation recall 0.500") })
        #expect(card.misses.contains { $0.hasPrefix("violation precision 0.500") })
    }

    @Test("a violation of the wrong source is not a true positive")
    func wrongSource() {
        let c = evaluationCase("v1", "verbatim", .violation)
        var o = outcome(c, .violation, found: true)
        o.violationSources = ["sources/other.txt"]
        let card = Scorecard(set: set([c]), run: EvaluationRun(outcomes: [o], indexSeconds: 0, scanSeconds: 0, notes: []))
        #expect(card.overall.verdicts.truePositives == 0)
        #expect(card.overall.verdicts.falsePositives == 1)
    }

    @Test("plagdet targets: light below 0.90 and heavy below 0.75 are misses; heavy at 0.80 is not")
    func plagdetTargets() {
        let v = evaluationCase("v1", "verbatim", .violation), r = evaluationCase("r1", "reword", .violation)
        var ov = outcome(v, .violation, found: false)
        // Half of the case on both sides: recall 0.5, precision 1, plagdet 2/3.
        ov.detections = [Annotation(suspect: v.suspect, 0..<50, source: "sources/a.txt", 0..<50)]
        var or = outcome(r, .violation, found: false)
        // 80 of 100 on both sides: recall 0.8, precision 1, plagdet 0.889.
        or.detections = [Annotation(suspect: r.suspect, 0..<80, source: "sources/a.txt", 0..<80)]
        let card = Scorecard(set: set([v, r]), run: EvaluationRun(outcomes: [ov, or], indexSeconds: 0, scanSeconds: 0, notes: []))
        #expect(card.misses.contains { $0.hasPrefix("verbatim: plagdet 0.667") })
        #expect(!card.misses.contains { $0.hasPrefix("reword") })
    }

    @Test("skipped cases count in no measure, and a row of skipped cases sets no target")
    func skipped() {
        let v = evaluationCase("v1", "verbatim", .violation)
        let o = CaseOutcome(evaluationCase: v, scoring: .skipped("HTML input is not supported yet"))
        let card = Scorecard(set: set([v]), run: EvaluationRun(outcomes: [o], indexSeconds: 0, scanSeconds: 0, notes: []))
        #expect(card.rows.first?.skipped == 1)
        #expect(card.rows.first?.verdicts.expected == 0)
        #expect(card.misses == ["no case was scored"])
    }
}
