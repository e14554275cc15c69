import Articles
import Extraction
import Foundation
import Testing
@testable import Scanning

@Suite("Inputs read in pieces on every core")
struct InputReadingTests {
    func directory() throws -> String {
        let dir = NSTemporaryDirectory() + "copyscan-reading-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func describe(_ results: [Result<Article, InputError>]) -> [String] {
        results.map {
            switch $0 {
            case .success(let a): "ok \(a.source) \(a.id) \(a.body.unicodeScalars.count) \(a.excluded.count)"
            case .failure(let e): "error \(e.path): \(e.problem)"
            }
        }
    }

    @Test("a big JSON Lines file read in pieces gives what reading it whole gives, bad lines named by their number")
    func piecesAsWhole() throws {
        let dir = try directory()
        var lines: [String] = []
        for i in 0..<300 {
            switch i {
            case 70: lines.append("{\"id\": \"x\", \"text\": 5}")          // not a string
            case 130, 131: lines.append("   ")                          // blank lines are skipped
            case 200: lines.append("{\"id\": \"broken\"")                // not JSON
            default:
                lines.append("{\"id\": \"a\(i)\", \"outlet\": \"한빛일보\", \"text\": \"한빛시는 \(i)번째 소식을 전했다. 시민들은 반겼다.\\n\\n[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]\"}")
            }
        }
        let big = dir + "/big.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: big, atomically: true, encoding: .utf8)
        let small = dir + "/one.txt"
        try "한빛시는 오늘 새 버스 노선을 발표했다.".write(toFile: small, atomically: true, encoding: .utf8)
        let empty = dir + "/empty.jsonl"
        try "\n\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let missing = dir + "/missing.jsonl"

        let files = [small, big, empty, missing]
        let expected = files.flatMap { ArticleReader.read(path: $0) }
        for jobs in [1, 2, 3] {
            let read = try InputReading.read(files, jobs: jobs)
            #expect(Self.describe(read) == Self.describe(expected), "jobs \(jobs)")
        }
        let described = Self.describe(expected)
        #expect(described.contains { $0.hasPrefix("error \(big):71:") })
        #expect(described.contains { $0.hasPrefix("error \(big):201:") })
        #expect(described.contains { $0 == "error \(empty): holds no articles" })
        #expect(described.contains { $0.hasPrefix("error \(missing):") })
        #expect(described.filter { $0.hasPrefix("ok") }.count == 1 + 296)
        #expect(300 > 2 * InputReading.linesPerPiece, "the file must span several pieces")
    }
}
