import Foundation
import Testing

@Suite("CLI: errors and exit codes")
struct CLIErrorTests {
    @Test("--help teaches: commands, inputs and exit codes are listed")
    func help() throws {
        let r = try CLI.run(["--help"])
        #expect(r.status == 0)
        for word in ["scan", "index", "check", "compare", "extract", "Exit codes"] {
            #expect(r.stdout.contains(word), "help lacks \(word)")
        }
    }

    @Test("usage errors exit 2 with a message")
    func usage() throws {
        let r = try CLI.run(["scan"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("<paths>"))
        let both = try CLI.run(["scan", "--index", "x", "--against", "y", "z"])
        #expect(both.status == 2)
        let bogus = try CLI.run(["frobnicate"])
        #expect(bogus.status == 2)
    }

    @Test("a missing index is an error naming it (exit 2)")
    func missingIndex() throws {
        let dir = try CLI.temporaryDirectory()
        try "본문".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", "--index", "nope.sqlite", "a.txt"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("nope.sqlite"))
    }

    @Test("-o: a report that cannot be written is an error naming the path and why (exit 2); a JSON report is written whole")
    func reportOutput() throws {
        let dir = try CLI.temporaryDirectory()
        let corpus = CLI.repositoryRoot.appendingPathComponent("Corpus").path
        let missing = dir.appendingPathComponent("no/such/report.json").path
        let failed = try CLI.run(["scan", "--against", corpus + "/archive", corpus + "/incoming", "--format", "json", "-o", missing])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("\(missing): cannot write the report: cannot create a file in its directory (No such file or directory)"),
                "\(failed.stderr)")
        // Written in pieces, the report parses, and equals what standard output gets.
        let path = dir.appendingPathComponent("report.json").path
        let written = try CLI.run(["scan", "--against", corpus + "/archive", corpus + "/incoming", "--format", "json", "-o", path])
        let printed = try CLI.run(["scan", "--against", corpus + "/archive", corpus + "/incoming", "--format", "json"])
        #expect(written.status == 1 && printed.status == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes == Data(printed.stdout.utf8))
        #expect(try JSONSerialization.jsonObject(with: bytes) is [String: Any])
    }

    @Test("bad files in a batch are reported with their paths and the batch goes on")
    func badFilesInBatch() throws {
        let dir = try CLI.temporaryDirectory()
        let archive = dir.appendingPathComponent("archive")
        let incoming = dir.appendingPathComponent("incoming")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        let source = "국토교통부는 올해 하반기부터 수도권 광역버스 노선을 대폭 확충하고 출퇴근 시간대 배차 간격을 십분 이내로 줄이겠다고 발표했다. 이를 위해 예산 삼천억 원을 투입한다. 지자체와 협의해 정류장도 새로 설치한다. 국토부 관계자는 시민 불편을 줄이는 것이 목표라고 말했다.\n\n[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]\n"
        try source.write(to: archive.appendingPathComponent("src.txt"), atomically: true, encoding: .utf8)
        try source.replacingOccurrences(of: "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]", with: "")
            .write(to: incoming.appendingPathComponent("copy.txt"), atomically: true, encoding: .utf8)
        try Data().write(to: incoming.appendingPathComponent("empty.txt"))
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: incoming.appendingPathComponent("binary.txt"))
        try Data([0x41, 0xFF, 0xFE, 0x80, 0x80]).write(to: incoming.appendingPathComponent("invalid.txt"))
        let r = try CLI.run(["scan", "--against", "archive", "--format", "json", "incoming", "missing-dir"], in: dir)
        #expect(r.status == 1, "a violation wins over input errors: \(r.stderr)")
        for name in ["empty.txt", "binary.txt", "invalid.txt", "missing-dir"] {
            #expect(r.stderr.contains(name), "stderr does not name \(name)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let summary = json?["summary"] as? [String: Any]
        #expect(summary?["violation"] as? Int == 1)
        #expect(summary?["errors"] as? Int == 4)
    }

    @Test("only input errors and nothing flagged: exit 2")
    func onlyErrors() throws {
        let dir = try CLI.temporaryDirectory()
        try "아카이브 기사 본문은 이렇게 충분히 길게 작성되어 있어서 색인에 들어간다. 날씨가 맑다.".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        let r = try CLI.run(["check", "--against", "a.txt", "empty.txt"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("empty.txt"))
    }
}
