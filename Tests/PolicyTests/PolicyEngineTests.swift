import Alignment
import Articles
import Testing
@testable import Policy

@Suite("Policy v1")
struct PolicyEngineTests {
    let engine = PolicyEngine()
    let suspect = Article(id: "s", source: "s.txt", body: "…")

    func source(notices: [Notice]) -> Article {
        Article(id: "a", source: "a.txt", body: "…", notices: notices)
    }

    func alignment(copied: Int, coverage: Double) -> AlignmentResult {
        AlignmentResult(passages: [Passage(suspect: 0..<copied, source: 0..<copied, suspectNormalized: 0..<copied,
                                           sourceNormalized: 0..<copied, sharedShingles: copied)],
                        containment: 0.5, coverage: coverage, jaccard: 0.3, copiedCharacters: copied)
    }

    let prohibiting = Notice(text: "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]", holder: "한빛일보",
                             prohibits: [.reproduction, .redistribution], location: .bodyTail)

    @Test("substantial reuse of a source whose notice forbids reproduction is a violation, with reasons")
    func violation() {
        let v = engine.judge(suspect: suspect, source: source(notices: [prohibiting]), alignment: alignment(copied: 400, coverage: 0.3))
        #expect(v.kind == .violation)
        #expect(Array(v.reasons.map(\.code).prefix(2)) == ["substantial-reuse", "notice-prohibits"])
        #expect(v.reasons[1].message.contains("한빛일보"))
    }

    @Test("substantial reuse without a notice is reuse; with a bare reservation it is reuse of a reserved work")
    func reuse() {
        #expect(engine.judge(suspect: suspect, source: source(notices: []), alignment: alignment(copied: 400, coverage: 0.3)).kind == .reuse)
        let bare = Notice(text: "Copyright ⓒ 푸른뉴스 All rights reserved.", holder: "푸른뉴스", prohibits: [],
                          reservesRightsOnly: true, location: .bodyTail)
        let v = engine.judge(suspect: suspect, source: source(notices: [bare]), alignment: alignment(copied: 400, coverage: 0.3))
        #expect(v.kind == .reuseOfReservedWork)
        #expect(v.reasons.contains { $0.code == "rights-reserved" })
    }

    @Test("below both thresholds is clean, whatever the notice")
    func belowThreshold() {
        let v = engine.judge(suspect: suspect, source: source(notices: [prohibiting]), alignment: alignment(copied: 149, coverage: 0.2))
        #expect(v.kind == .clean)
        #expect(v.reasons.first?.code == "below-threshold")
    }

    @Test("a short source copied mostly is substantial by coverage")
    func coverageThreshold() {
        #expect(engine.judge(suspect: suspect, source: source(notices: [prohibiting]), alignment: alignment(copied: 90, coverage: 0.8)).kind == .violation)
    }

    @Test("thresholds are configurable")
    func configurable() {
        let strict = PolicyEngine(PolicyConfiguration(minCopiedCharacters: 50, minCoverage: 0.9))
        #expect(strict.judge(suspect: suspect, source: source(notices: [prohibiting]), alignment: alignment(copied: 60, coverage: 0.1)).kind == .violation)
    }
}
