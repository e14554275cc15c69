import Policy
@testable import Reporting
import Testing

@Suite("A report's summary and worst verdict")
struct ScanReportSummaryTests {
    @Test("every kind counted once per article; reuse and explained as their kinds add up")
    func counts() {
        let kinds = VerdictKind.allCases
        // Kind n appears n + 1 times, so every count is distinct.
        var articles: [ArticleReport] = []
        for (n, kind) in kinds.enumerated() {
            for k in 0...n { articles.append(Fixtures.article("\(n)-\(k).txt", id: "\(n)-\(k)", title: nil, verdict: kind, matches: [])) }
        }
        let report = Fixtures.report(articles.shuffled(), errors: [InputProblem(path: "x", problem: "y")])
        let count = { (kind: VerdictKind) in (kinds.firstIndex(of: kind) ?? -1) + 1 }
        #expect(report.summary.articles == articles.count)
        #expect(report.summary.violation == count(.violation))
        #expect(report.summary.reuse == count(.reuse) + count(.reuseOfReservedWork))
        #expect(report.summary.clean == count(.clean))
        #expect(report.summary.explained == count(.licensed) + count(.sameRightsHolder) + count(.quotedWithCredit)
                + count(.sourceIsLater) + count(.commonSource))
        #expect(report.summary.errors == 1)
        #expect(report.summary.verdicts == Dictionary(uniqueKeysWithValues: kinds.map { ($0.rawValue, count($0)) }))
        #expect(Fixtures.report([]).summary.verdicts == Dictionary(uniqueKeysWithValues: kinds.map { ($0.rawValue, 0) }))
    }

    @Test("the worst verdict not accepted by a baseline, clean when every finding is accepted")
    func worstUnaccepted() {
        let source = Fixtures.source(path: "s.txt", id: "s", outlet: nil, notice: nil)
        var accepted = Fixtures.match(source, .violation, passages: [])
        accepted.accepted = true
        let reuse = Fixtures.match(source, .reuse, passages: [])
        let licensed = Fixtures.match(source, .licensed, passages: [])
        let a = Fixtures.article("a.txt", id: "a", title: nil, verdict: .violation, matches: [accepted, licensed])
        let b = Fixtures.article("b.txt", id: "b", title: nil, verdict: .reuse, matches: [reuse])
        #expect(Fixtures.report([a, b]).worstUnacceptedVerdict == .reuse)
        #expect(Fixtures.report([a]).worstUnacceptedVerdict == .licensed)
        let onlyAccepted = Fixtures.article("c.txt", id: "c", title: nil, verdict: .violation, matches: [accepted])
        #expect(Fixtures.report([onlyAccepted]).worstUnacceptedVerdict == .clean)
        #expect(Fixtures.report([]).worstUnacceptedVerdict == .clean)
    }
}
