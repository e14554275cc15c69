import Foundation
import Policy
import Testing
@testable import Reporting

@Suite("JSON report rendered in pieces")
struct JSONReportTests {
    /// Many articles of every shape: matches with passages, none (an empty array), hostile text.
    static func many(_ count: Int) -> ScanReport {
        let articles = (0..<count).map { i -> ArticleReport in
            switch i % 3 {
            case 0: return Fixtures.article("\(i).txt", id: "n\(i)", title: "기사 \(i)", verdict: .clean, matches: [])
            case 1:
                let source = Fixtures.source(path: "s\(i).txt", id: "s\(i)", outlet: "한빛일보", notice: Fixtures.prohibiting)
                return Fixtures.article("\(i).txt", id: "v\(i)", title: nil, verdict: .violation, matches: [
                    Fixtures.match(source, .violation, passages: [Fixtures.passage(i, 3, Fixtures.busSuspect, Fixtures.busSource)]),
                ])
            default:
                let source = Fixtures.source(path: "h\(i).txt", id: "h\(i)", outlet: Fixtures.allHostile, notice: nil)
                return Fixtures.article("\(i).txt", id: "r\(i)", title: "줄\n바꿈 \"따옴표\" \\ /", verdict: .reuse,
                                        matches: [Fixtures.match(source, .reuse, passages: [])])
            }
        }
        return Fixtures.report(articles, errors: [InputProblem(path: "bad.jsonl:3", problem: "not JSON")])
    }

    @Test("pieces rendered on every core give the bytes one encoder gives", arguments: [0, 1, 127, 128, 129, 200, 1_000])
    func piecesAsWhole(count: Int) throws {
        let report = Self.many(count)
        let whole = try JSONReport.renderWhole(report)
        let chunks = try JSONReport.renderChunks(report)
        #expect(Array(chunks.joined()) == Array(whole.utf8))
        // More than one piece is several chunks: written one after another, never joined.
        #expect(count < 2 * JSONReport.articlesPerPiece || chunks.count > 2)
        #expect(try JSONReport.render(report) == whole)
        #expect(try JSONReport.parse(Data(whole.utf8)).articles.count == count)
    }
}
