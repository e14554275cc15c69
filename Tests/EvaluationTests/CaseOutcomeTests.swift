import Policy
import Testing
@testable import Evaluation

@Suite("Case outcomes: which verdicts count as expected, and why a violation was missed")
struct CaseOutcomeTests {
    func outcome(_ expected: EvaluationCase.Expected, _ verdict: VerdictKind?, matched: [String: VerdictKind] = [:]) -> CaseOutcome {
        let c = EvaluationCase(id: "x", suspect: "suspects/x.txt", obfuscation: "verbatim", expected: expected, origin: "generated",
                               sources: ["sources/a.txt"], passages: [], note: "", sourceNotice: "copying", htmlParagraphs: nil)
        var o = CaseOutcome(evaluationCase: c, scoring: .characters, verdict: verdict)
        o.matchedSources = matched
        o.violationSources = matched.filter { $0.value == .violation }.map(\.key)
        return o
    }

    @Test("reuse accepts both unexplained kinds short of a violation; clean accepts explained kinds")
    func classes() {
        #expect(outcome(.reuse, .reuse).verdictMatches)
        #expect(outcome(.reuse, .reuseOfReservedWork).verdictMatches)
        #expect(!outcome(.reuse, .violation, matched: ["sources/a.txt": .violation]).verdictMatches)
        #expect(outcome(.clean, .clean).verdictMatches)
        #expect(outcome(.clean, .quotedWithCredit).verdictMatches)
        #expect(outcome(.clean, .sameRightsHolder).verdictMatches)
        #expect(!outcome(.clean, .reuse).verdictMatches)
        #expect(!outcome(.clean, nil).verdictMatches)
    }

    @Test("a violation counts only against a source the case copied")
    func rightSource() {
        #expect(outcome(.violation, .violation, matched: ["sources/a.txt": .violation]).correctViolation)
        #expect(!outcome(.violation, .violation, matched: ["sources/b.txt": .violation]).correctViolation)
    }

    @Test("missed violations are told apart: notice not read, explained away, not found")
    func causes() {
        #expect(outcome(.violation, .reuse, matched: ["sources/a.txt": .reuse]).missedViolationCause == .noticeNotProhibiting(.reuse))
        #expect(outcome(.violation, .quotedWithCredit, matched: ["sources/a.txt": .quotedWithCredit]).missedViolationCause == .explained(.quotedWithCredit))
        #expect(outcome(.violation, .clean, matched: ["sources/a.txt": .clean]).missedViolationCause == .notFound)
        #expect(outcome(.violation, .clean).missedViolationCause == .notFound)
        // A reuse of some other source does not make the copy found.
        #expect(outcome(.violation, .reuse, matched: ["sources/b.txt": .reuse]).missedViolationCause == .notFound)
        #expect(outcome(.violation, .violation, matched: ["sources/a.txt": .violation]).missedViolationCause == nil)
        #expect(outcome(.clean, .clean).missedViolationCause == nil)
    }
}
