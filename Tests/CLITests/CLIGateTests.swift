import Foundation
import Testing

/// `check` as a CI gate: annotations, step summary, --fail-on, baselines, configuration errors,
/// and re-rendering saved reports.
@Suite("CLI: CI gate and saved reports")
struct CLIGateTests {
    static let source = """
        ---
        title: 광역버스 노선 확충
        outlet: 한빛일보
        published: 2026-03-10T09:00:00+09:00
        ---
        국토교통부는 올해 하반기부터 수도권 광역버스 노선을 대폭 확충하고 출퇴근 시간대 배차 간격을 십분 이내로 줄이겠다고 발표했다. 이를 위해 예산 삼천억 원을 투입한다.

        지자체와 협의해 정류장도 새로 설치한다. 국토부 관계자는 시민 불편을 줄이는 것이 목표라며 내년 상반기까지 모든 노선의 운행 계획을 확정하겠다고 말했다.

        [저작권자ⓒ 한빛일보. 무단전재-재배포 금지]
        """

    static let copy = """
        ---
        title: 버스 노선 늘린다
        outlet: 물결신문
        published: 2026-03-11T10:00:00+09:00
        ---
        국토교통부는 올해 하반기부터 수도권 광역버스 노선을 대폭 확충하고 출퇴근 시간대 배차 간격을 십분 이내로 줄이겠다고 발표했다. 이를 위해 예산 삼천억 원을 투입한다.

        지자체와 협의해 정류장도 새로 설치한다. 국토부 관계자는 시민 불편을 줄이는 것이 목표라며 내년 상반기까지 모든 노선의 운행 계획을 확정하겠다고 말했다.
        """

    func fixture() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("archive"), withIntermediateDirectories: true)
        try Self.source.write(to: dir.appendingPathComponent("archive/source.txt"), atomically: true, encoding: .utf8)
        try Self.copy.write(to: dir.appendingPathComponent("copy.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("on GitHub Actions, check writes ::error annotations at the copied lines and appends a step summary")
    func annotations() throws {
        let dir = try fixture()
        let summary = dir.appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--against", "archive", "copy.txt"], in: dir,
                            environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary.path])
        #expect(r.status == 1)
        let annotation = r.stdout.split(separator: "\n").first { $0.hasPrefix("::error file=copy.txt,line=6") }
        #expect(annotation != nil, "no ::error annotation at the body's first line: \(r.stdout)")
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("earlier step\n"))
        #expect(written.contains("copy.txt"))
    }

    @Test("--fail-on never exits 0; --fail-on reuse fails on reuse of a notice-free source")
    func failOn() throws {
        let dir = try fixture()
        #expect(try CLI.run(["check", "--against", "archive", "--fail-on", "never", "copy.txt"], in: dir).status == 0)
        try Self.source.replacingOccurrences(of: "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]", with: "")
            .write(to: dir.appendingPathComponent("archive/source.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", "--against", "archive", "copy.txt"], in: dir).status == 0)
        #expect(try CLI.run(["check", "--against", "archive", "--fail-on", "reuse", "copy.txt"], in: dir).status == 1)
    }

    @Test("a baseline of accepted findings makes check pass; a new finding still fails")
    func baseline() throws {
        let dir = try fixture()
        let first = try CLI.run(["check", "--against", "archive", "--write-baseline", "baseline.json", "copy.txt"], in: dir)
        #expect(first.status == 1)
        #expect(try CLI.run(["check", "--against", "archive", "--baseline", "baseline.json", "copy.txt"], in: dir).status == 0)
        try (Self.copy + "\n\n새 문단이 덧붙었다.").write(to: dir.appendingPathComponent("copy.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["check", "--against", "archive", "--baseline", "baseline.json", "copy.txt"], in: dir).status == 1)
    }

    @Test("copyscan.toml is read from the working directory; an unknown key is an error naming it (exit 2)")
    func configuration() throws {
        let dir = try fixture()
        try "[policy]\nown_outlets = [\"한빛일보\", \"물결신문\"]\n".write(to: dir.appendingPathComponent("copyscan.toml"), atomically: true, encoding: .utf8)
        let owned = try CLI.run(["check", "--against", "archive", "--format", "json", "copy.txt"], in: dir)
        #expect(owned.status == 0)
        #expect(owned.stdout.contains("\"sameRightsHolder\""))
        try "[policy]\nmin_charz = 3\n".write(to: dir.appendingPathComponent("copyscan.toml"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["check", "--against", "archive", "copy.txt"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("copyscan.toml") && bad.stderr.contains("policy.min_charz"))
    }

    @Test("a saved JSON report re-renders as HTML, SARIF and CSV without rescanning")
    func reRender() throws {
        let dir = try fixture()
        _ = try CLI.run(["scan", "--against", "archive", "--format", "json", "--output", "saved.json", "copy.txt"], in: dir)
        let html = try CLI.run(["report", "saved.json", "--format", "html"], in: dir)
        #expect(html.status == 0)
        #expect(html.stdout.contains("Content-Security-Policy"))
        #expect(html.stdout.contains("한빛일보"))
        let sarif = try CLI.run(["report", "saved.json", "--format", "sarif"], in: dir)
        #expect(sarif.stdout.contains("\"version\": \"2.1.0\"") || sarif.stdout.contains("\"version\":\"2.1.0\""))
        let csv = try CLI.run(["report", "saved.json", "--format", "csv"], in: dir)
        #expect(csv.stdout.hasPrefix("suspect_path,"))
        let broken = try CLI.run(["report", "copy.txt", "--format", "html"], in: dir)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("not a copyscan JSON report"))
    }
}
