import Foundation
import Alignment
import Articles
import Testing
@testable import Policy

@Suite("Policy v2: explained reuse and laundering")
struct PolicyV2Tests {
    let prohibiting = Notice(text: "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]", holder: "한빛일보",
                             prohibits: [.reproduction, .redistribution], location: .bodyTail)

    func article(_ body: String = "본문", outlet: String?, published: String? = nil, notices: [Notice] = []) -> Article {
        Article(id: body, source: "\(outlet ?? "x").txt", outlet: outlet, published: published, body: body, notices: notices)
    }

    func alignment(_ passages: [Range<Int>] = [0..<400], coverage: Double = 0.6, containment: Double = 0.8) -> AlignmentResult {
        AlignmentResult(passages: passages.map { Passage(suspect: $0, source: $0, suspectNormalized: $0, sourceNormalized: $0, sharedShingles: $0.count) },
                        containment: containment, coverage: coverage, jaccard: 0.5,
                        copiedCharacters: passages.reduce(0) { $0 + $1.count })
    }

    @Test("a source published after the suspect: sourceIsLater, with both dates in the reason")
    func sourceIsLater() {
        let source = article(outlet: "한빛일보", published: "2026-03-15T09:00:00+09:00", notices: [prohibiting])
        let suspect = article(outlet: "동해신문", published: "2026-03-14T18:00:00+09:00")
        let v = PolicyEngine().judge(suspect: suspect, source: source, alignment: alignment())
        #expect(v.kind == .sourceIsLater)
        #expect(v.reasons.last?.message.contains("2026-03-15") == true)
        #expect(v.reasons.last?.message.contains("2026-03-14") == true)
        // Earlier source: back to a violation.
        let earlier = article(outlet: "한빛일보", published: "2026-03-13", notices: [prohibiting])
        #expect(PolicyEngine().judge(suspect: suspect, source: earlier, alignment: alignment()).kind == .violation)
    }

    @Test("same rights holder: by outlet name, or both among the configured own outlets")
    func sameHolder() {
        let source = article(outlet: "한빛일보", notices: [prohibiting])
        #expect(PolicyEngine().judge(suspect: article(outlet: "㈜한빛 일보"), source: source, alignment: alignment()).kind == .sameRightsHolder)
        var config = PolicyConfiguration()
        config.ownOutlets = ["한빛일보", "한빛경제"]
        #expect(PolicyEngine(config).judge(suspect: article(outlet: "한빛경제"), source: source, alignment: alignment()).kind == .sameRightsHolder)
        #expect(PolicyEngine().judge(suspect: article(outlet: "한빛경제"), source: source, alignment: alignment()).kind == .violation)
    }

    @Test("a configured licence covers its licensees (or any outlet with *) and nobody else")
    func licensed() {
        let wire = Notice(text: "<저작권자(c) 한빛통신, 무단 전재-재배포 금지>", holder: "한빛통신", prohibits: [.reproduction, .redistribution], location: .bodyTail)
        let source = article(outlet: "한빛통신", notices: [wire])
        var config = PolicyConfiguration()
        config.licences = [Licence(licensor: "한빛통신", licensees: ["동해신문"])]
        #expect(PolicyEngine(config).judge(suspect: article(outlet: "동해신문"), source: source, alignment: alignment()).kind == .licensed)
        #expect(PolicyEngine(config).judge(suspect: article(outlet: "미래데일리"), source: source, alignment: alignment()).kind == .violation)
        config.licences = [Licence(licensor: "한빛통신", licensees: ["*"])]
        #expect(PolicyEngine(config).judge(suspect: article(outlet: "미래데일리"), source: source, alignment: alignment()).kind == .licensed)
    }

    @Test("a short quotation in quotation marks or credited is quotedWithCredit; a long one is not")
    func quotation() {
        let quote = "정부는 내년부터 모든 공공기관의 에너지 사용량을 실시간으로 공개하고 절감 목표를 달성하지 못한 기관에는 예산상 불이익을 주는 방안을 추진하겠다고 밝혔다 이는 탄소중립 이행을 앞당기기 위한 조치로 관련 법 개정안도 함께 마련된다 전문가들은 실효성 있는 감시 체계가 뒷받침돼야 한다고 지적했다"
        let body = "오늘 발표에 대해 한 매체는 이렇게 전했다. “" + quote + "” 우리는 이 조치의 의미를 짚어본다. " + String(repeating: "독자적인 분석 문장이 길게 이어진다. ", count: 20)
        let start = Array("오늘 발표에 대해 한 매체는 이렇게 전했다. “".unicodeScalars).count
        let range = start..<(start + Array(quote.unicodeScalars).count)
        let suspect = article(body, outlet: "동해신문")
        let source = article(outlet: "한빛일보", notices: [prohibiting])
        let short = alignment([range], coverage: 0.15, containment: 0.3)
        let v = PolicyEngine().judge(suspect: suspect, source: source, alignment: short)
        #expect(v.kind == .quotedWithCredit)
        // Without quotation marks and without naming the source: a violation.
        let bare = article(body.replacingOccurrences(of: "“", with: " ").replacingOccurrences(of: "”", with: " "), outlet: "동해신문")
        #expect(PolicyEngine().judge(suspect: bare, source: source, alignment: short).kind == .violation)
        // Unquoted but credited by name: quotedWithCredit.
        let credited = article("한빛일보에 따르면 " + bare.body, outlet: "동해신문")
        #expect(PolicyEngine().judge(suspect: credited, source: source, alignment: short).kind == .quotedWithCredit)
        // Too large a share of the source: not a justified quotation.
        #expect(PolicyEngine().judge(suspect: suspect, source: source, alignment: alignment([range], coverage: 0.6, containment: 0.3)).kind == .violation)
    }

    @Test("notice laundering raises the severity: notice removed, or replaced by the copier's own")
    func laundering() {
        let source = article(outlet: "한빛일보", notices: [prohibiting])
        let removed = PolicyEngine().judge(suspect: article(outlet: "동해신문"), source: source, alignment: alignment())
        #expect(removed.kind == .violation)
        #expect(removed.severity == .high)
        #expect(removed.reasons.contains { $0.code == "notice-removed" })
        let own = Notice(text: "<저작권자 © 동해신문, 무단 전재 및 재배포 금지>", holder: "동해신문", prohibits: [.reproduction, .redistribution], location: .bodyTail)
        let replaced = PolicyEngine().judge(suspect: article(outlet: "동해신문", notices: [own]), source: source, alignment: alignment())
        #expect(replaced.severity == .high)
        #expect(replaced.reasons.contains { $0.code == "notice-replaced" })
        let kept = PolicyEngine().judge(suspect: article(outlet: "동해신문", notices: [prohibiting]), source: source, alignment: alignment())
        #expect(kept.kind == .violation)
        #expect(kept.severity == .medium)
    }

    @Test("reuse of a source with only a rights reservation is reported apart from reuse of a notice-free one")
    func reservedWork() {
        let bare = Notice(text: "Copyright ⓒ 푸른뉴스 All rights reserved.", holder: "푸른뉴스", prohibits: [], reservesRightsOnly: true, location: .bodyTail)
        #expect(PolicyEngine().judge(suspect: article(outlet: "동해신문"), source: article(outlet: "푸른뉴스", notices: [bare]), alignment: alignment()).kind == .reuseOfReservedWork)
        #expect(PolicyEngine().judge(suspect: article(outlet: "동해신문"), source: article(outlet: "푸른뉴스"), alignment: alignment()).kind == .reuse)
    }

    struct M { var source: Article; var alignment: AlignmentResult; var verdict: Verdict }

    @Test("text that also appears in an earlier source without a prohibition is commonSource")
    func commonSource() {
        let engine = PolicyEngine()
        let suspect = article(outlet: "동해신문", published: "2026-03-20")
        let press = article("보도자료", outlet: "환경부", published: "2026-03-10")
        let paper = article("기사", outlet: "한빛일보", published: "2026-03-11", notices: [prohibiting])
        let a = alignment([0..<400])
        let matches = [paper, press].map { M(source: $0, alignment: a, verdict: engine.judge(suspect: suspect, source: $0, alignment: a)) }
        #expect(matches[0].verdict.kind == .violation)
        let resolved = engine.resolve(matches, source: \.source, alignment: \.alignment, verdict: \.verdict, update: { $0.verdict = $1 })
        #expect(resolved[0].verdict.kind == .commonSource)
        #expect(resolved[0].verdict.reasons.contains { $0.code == "common-source" })
        #expect(resolved[1].verdict.kind == .reuse)
        // When the copied text goes beyond what the press release holds, it stays a violation.
        let wider = [M(source: paper, alignment: alignment([0..<900]), verdict: matches[0].verdict), matches[1]]
        let kept = engine.resolve(wider, source: \.source, alignment: \.alignment, verdict: \.verdict, update: { $0.verdict = $1 })
        #expect(kept[0].verdict.kind == .violation)
    }

    @Test("verdict ranking: violations first, explained reuse above clean")
    func ranking() {
        #expect(VerdictKind.allCases.max() == .violation)
        #expect(VerdictKind.licensed > .clean)
        #expect(VerdictKind.reuse > .commonSource)
        #expect(VerdictKind.reuseOfReservedWork > .reuse)
        #expect(VerdictKind.violation.isUnexplainedReuse && !VerdictKind.licensed.isUnexplainedReuse)
    }
}
