import Foundation
import Policy
import Testing
@testable import Reporting

@Suite("Verdict table, wording and determinism")
struct PresentationTests {
    @Test("verdicts render through the table; an unknown raw value gets a readable label and note level")
    func verdictTable() {
        #expect(VerdictPresentation.of(.violation).level == .error)
        #expect(VerdictPresentation.of(.reuse).level == .warning)
        #expect(VerdictPresentation.of(.clean).level == .none)
        #expect(!VerdictPresentation.of(.clean).isFinding)
        let unknown = VerdictPresentation.of(rawValue: "reuseOfReservedOnly")
        #expect(unknown.english == "Reuse of reserved only")
        #expect(unknown.level == .note && unknown.tone == .neutral)
        #expect(VerdictPresentation.of(rawValue: "quotedWithCredit").korean == "출처 밝힌 인용")
        for kind in VerdictKind.allCases {
            #expect(!VerdictPresentation.of(kind).english.isEmpty)
        }
    }

    @Test("reasons are worded per code in Korean and English from the report's figures")
    func wording() throws {
        let report = Fixtures.ordinary
        let match = report.articles[0].matches[0]
        let amount = Localization.wording(Reason("substantial-reuse", "ignored"), in: .match(match), policy: report.policy)
        #expect(amount.korean == "본문 \(match.copiedCharacters)자(1개 구간)를 옮겼으며, 출처 기사의 61%에 해당합니다.")
        #expect(amount.english == "\(match.copiedCharacters) characters in 1 passage were copied: 61% of the source.")
        // The article repeats its top source's reasons: worded with that source's figures.
        let viaArticle = Localization.wording(Reason("substantial-reuse", "ignored"), in: .article(report.articles[0]), policy: report.policy)
        #expect(viaArticle == amount)
        let unknown = Localization.wording(Reason("licence-expired", "the licence ended in 2023"), in: .match(match), policy: report.policy)
        #expect(unknown.korean == nil)
        #expect(unknown.english == "The licence ended in 2023.")
    }

    @Test("Korean object particle follows the last syllable")
    func particle() {
        #expect(Localization.objectParticle(after: "전재·재배포") == "를")
        #expect(Localization.objectParticle(after: "수집") == "을")
        #expect(Localization.objectParticle(after: "AI 학습") == "을")
        #expect(Localization.objectParticle(after: "AI") == "를")
    }

    @Test("every format is byte-identical across renders and after a JSON round trip")
    func deterministic() throws {
        for report in [Fixtures.ordinary, Fixtures.hostileReport, SARIFReportTests.located] {
            let reread = try JSONReport.parse(Data(try JSONReport.render(report).utf8))
            let locator = SARIFReportTests.locator
            let renders: [(ScanReport) -> String] = [
                HTMLReport.render, { CSVReport.render($0) }, { MarkdownReport.render($0) },
                { SARIFReport.render($0, locator: locator) }, { GitHubAnnotations.render($0, locator: locator) },
            ]
            for render in renders {
                let first = render(report)
                #expect(!first.isEmpty)
                #expect(render(report) == first)
                #expect(render(reread) == first)
            }
        }
    }

    @Test("most copied sources rank by articles, then characters; numbers print with four decimals")
    func digest() {
        let hanbit = Fixtures.source(path: "h.txt", id: "h", outlet: "한빛일보", notice: nil)
        let pureun = Fixtures.source(path: "p.txt", id: "p", outlet: "푸른뉴스", notice: nil)
        let report = Fixtures.report([
            Fixtures.article("1.txt", id: "1", title: nil, verdict: .reuse, matches: [Fixtures.match(hanbit, .reuse, passages: [], copied: 500)]),
            Fixtures.article("2.txt", id: "2", title: nil, verdict: .reuse, matches: [Fixtures.match(pureun, .reuse, passages: [], copied: 200)]),
            Fixtures.article("3.txt", id: "3", title: nil, verdict: .reuse, matches: [Fixtures.match(pureun, .reuse, passages: [], copied: 200)]),
        ])
        let top = ReportDigest.topSources(report)
        #expect(top.map(\.source.id) == ["p", "h"])
        #expect(top.map(\.articles) == [2, 1])
        #expect(top.map(\.copiedCharacters) == [400, 500])
        #expect(ReportDigest.decimal(0.5) == "0.5000")
        #expect(ReportDigest.decimal(1) == "1.0000")
        #expect(ReportDigest.decimal(0.00006) == "0.0001")
        #expect(ReportDigest.decimal(.nan) == "")
    }
}
