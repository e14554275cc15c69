import Foundation
import Testing
@testable import Evaluation

/// A set of two sources and three suspects written to a temporary folder, run through the
/// real index and scanner: the wiring (paths, offsets, verdict classes) must line up.
@Suite("Evaluation runner, end to end")
struct EvaluationRunnerTests {
    static let content = """
        한빛시가 내년부터 도심 순환버스 노선을 두 배로 늘리고 배차 간격을 10분 이내로 줄이기로 했다. 시는 이를 위해 예산 120억원을 편성했으며 전기버스 40대를 새로 들여올 계획이다.

        시 교통정책과 관계자는 "출퇴근 시간대 혼잡이 심한 구간부터 순차적으로 노선을 조정하겠다"며 "시민 의견을 듣는 설명회도 다음 달 세 차례 열 예정"이라고 밝혔다. 시민단체는 환영하면서도 요금 인상 가능성을 우려했다.
        """
    static let other = """
        해양연구소 연구진이 남해안 바다숲의 탄소 흡수량을 처음으로 정밀 측정했다. 연구진은 잘피 군락 열두 곳에서 삼 년 동안 시료를 모아 계절마다 달라지는 흡수 속도를 분석했다.

        연구책임자는 바다숲 복원이 기후 대응에 실질적으로 보탬이 될 수 있다고 설명했다. 다만 측정 지점이 아직 적어 전국 단위 추정에는 한계가 있다고 덧붙였다.
        """

    static let third = """
        지역 프로축구팀이 홈 개막전에서 짜릿한 역전승을 거두며 시즌을 기분 좋게 출발했다. 후반 종료 직전 교체 투입된 신인 공격수가 결승골을 터뜨렸다.

        감독은 경기 뒤 선수들이 끝까지 포기하지 않은 덕분이라며 다음 원정 경기도 자신 있다고 말했다. 이날 경기장에는 만 명이 넘는 관중이 찾았다.
        """

    func write(_ folder: URL, _ relative: String, _ text: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("a verbatim copy is a violation found whole; an unrelated suspect is clean; offsets are code points")
    func endToEnd() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copyscan-evaltest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notice = "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]"
        let sourceBody = Self.content + "\n\n홍길동 기자\n\n" + notice + "\n"
        try write(folder, "sources/a.txt", "---\ntitle: 순환버스\noutlet: 한빛일보\npublished: 2026-01-02T09:00:00+09:00\n---\n" + sourceBody)
        try write(folder, "sources/b.txt", "---\ntitle: 바다숲\noutlet: 물결신문\npublished: 2026-01-03T09:00:00+09:00\n---\n" + Self.other + "\n")
        let prefix = "[속보] "
        let suspectBody = prefix + Self.content + "\n\n김철수 기자\n"
        try write(folder, "suspects/verbatim-000.txt", "---\ntitle: 순환버스\noutlet: 바로픽뉴스\npublished: 2026-01-05T09:00:00+09:00\n---\n" + suspectBody)
        try write(folder, "suspects/neg-boilerplate-000.txt", "---\ntitle: 다른 기사\npublished: 2026-01-05T09:00:00+09:00\n---\n" + Self.third + "\n\n" + notice + "\n")
        // Ground truth computed from where the text sits, in code points.
        let length = Self.content.unicodeScalars.count
        let start = prefix.unicodeScalars.count
        let truth = """
            {"format": 1, "seed": 1, "size": "test", "notes": [], "indexedDocuments": 2,
             "positive": ["verbatim"], "heavy": [], "negative": ["neg-boilerplate"],
             "cases": [
              {"id": "verbatim-000", "suspect": "suspects/verbatim-000.txt", "obfuscation": "verbatim", "expected": "violation",
               "origin": "generated", "sources": ["sources/a.txt"], "note": "",
               "passages": [{"source": "sources/a.txt", "suspect": [\(start), \(start + length)], "sourceRange": [0, \(length)]}]},
              {"id": "neg-boilerplate-000", "suspect": "suspects/neg-boilerplate-000.txt", "obfuscation": "neg-boilerplate",
               "expected": "clean", "origin": "generated", "sources": ["sources/b.txt"], "note": "", "passages": []}
             ]}
            """
        try write(folder, "truth.json", truth)

        let set = try EvaluationSet.load(folder: folder.path)
        var configuration = EvaluationConfiguration()
        configuration.options.jobs = 1
        let run = try EvaluationRunner(configuration: configuration).run(set, index: folder.appendingPathComponent("index.sqlite").path)
        #expect(run.notes.isEmpty, "\(run.notes)")
        let copy = try #require(run.outcomes.first { $0.evaluationCase.id == "verbatim-000" })
        #expect(copy.verdict == .violation)
        #expect(copy.correctViolation)
        #expect(copy.violationSources == ["sources/a.txt"])
        let scores = PANMeasures.scores(cases: copy.truth, detections: copy.detections)
        #expect(scores.recall > 0.95, "detections \(copy.detections)")
        #expect(scores.precision > 0.95)
        #expect(scores.granularity == 1)
        let negative = try #require(run.outcomes.first { $0.evaluationCase.id == "neg-boilerplate-000" })
        // It shares only the notice with source a: clean, with nothing detected.
        #expect(negative.verdict == .clean)
        #expect(negative.verdictMatches)
        #expect(negative.detections.isEmpty)

        let card = Scorecard(set: set, run: run)
        #expect(card.rows.first { $0.name == "verbatim" }?.verdicts.recall == 1)
    }

    @Test("a missing truth file is an input error naming it")
    func missing() {
        #expect {
            _ = try EvaluationSet.load(folder: "/nonexistent-copyscan-eval")
        } throws: { error in
            "\(error)".contains("truth.json")
        }
    }
}
