import Foundation
import Policy
import Testing
@testable import Reporting

@Suite("Article reports written without the encoder")
struct ArticleJSONTests {
    static let control = "탭\t줄\n복귀\r백\u{08}폼\u{0C}널\u{01}끝\u{1F}델\u{7F}분리\u{2028}\"인용\" \\역 /빗금 😀"

    /// Every member present or absent, every escape, numbers the encoder prints in its own way.
    static var everyShape: [ArticleReport] {
        var withAll = Fixtures.source(path: "a/b/원문.html", id: "s1", outlet: Fixtures.allHostile, notice: Fixtures.prohibiting,
                                      prohibits: ["reproduction", "redistribution"], title: control, holder: "한빛일보")
        withAll.published = nil
        let bare = SourceReport(path: "p", id: "", title: nil, outlet: nil, published: nil, notice: nil, holder: nil, prohibits: [])
        var accepted = Fixtures.match(withAll, .violation, passages: [
            Fixtures.passage(0, 17, control, Fixtures.busSource),
            Fixtures.passage(1_000_000, 0, "", Fixtures.busSuspect),
        ], reasons: [Reason("a", control), Reason("", "")])
        accepted.accepted = true
        accepted.containment = 1
        accepted.coverage = 1e-05
        accepted.jaccard = 0.1 + 0.2
        var odd = Fixtures.match(bare, .reuse, passages: [], reasons: [])
        odd.containment = 0
        odd.coverage = 1e20
        odd.jaccard = -0.0
        odd.copiedCharacters = -3
        return [
            Fixtures.article("1.txt", id: "a", title: nil, verdict: .violation, matches: [accepted, odd], outlet: nil),
            Fixtures.article(control, id: control, title: control, verdict: .clean, matches: [], reasons: []),
            ArticleReport(path: "", id: "", title: "", outlet: "", published: nil, verdict: .reuse, severity: .high, reasons: [], matches: []),
        ]
    }

    @Test("each article is the encoder's bytes, at the report's depth")
    func sameBytes() throws {
        for n in 0...Self.everyShape.count {
            let articles = Array(Self.everyShape.prefix(n))
            var report = Fixtures.report(articles)
            let whole = try JSONReport.renderWhole(report)
            // The writer's elements set into the report's skeleton must rebuild `whole`.
            let elements = try #require(ArticleJSON.elements(articles[...]))
            report.articles = []
            let skeleton = try JSONReport.renderWhole(report)
            let rebuilt = articles.isEmpty ? skeleton
                : skeleton.replacingOccurrences(of: "\"articles\" : [\n\n  ]", with: "\"articles\" : [\n" + String(decoding: elements, as: UTF8.self) + "\n  ]")
            // Bytes, not Strings: String's == would equate canonically equivalent text.
            #expect(Array(rebuilt.utf8) == Array(whole.utf8), "\(n) articles")
        }
    }

    @Test("a number that is not finite is left to the encoder, which refuses it")
    func notFinite() throws {
        var articles = Self.everyShape
        articles[0].matches[0].jaccard = .nan
        #expect(ArticleJSON.elements(articles[...]) == nil)
        let report = Fixtures.report(Array(repeating: articles[0], count: 2 * JSONReport.articlesPerPiece))
        #expect(throws: EncodingError.self) { try JSONReport.renderWhole(report) }
        #expect(throws: EncodingError.self) { try JSONReport.renderInPieces(report) }
        #expect(throws: EncodingError.self) { try JSONReport.renderChunks(report) }
    }

    @Test("many articles in pieces still equal the whole report")
    func manyInPieces() throws {
        let report = Fixtures.report((0..<300).map { Self.everyShape[$0 % 3] })
        #expect(try Array(JSONReport.renderInPieces(report).joined()) == Array(JSONReport.renderWhole(report).utf8))
    }
}
