import Foundation
import Testing

/// The whole CLI on the bundled corpus: every incoming file gets the verdict that
/// `Corpus/incoming/EXPECTED.tsv` (written by the corpus generator from how it built each case)
/// says, copies name their source, and passages cover the copied spans.
@Suite("CLI: the bundled corpus", .serialized)
struct CorpusScanTests {
    struct Expected {
        var path: String
        var verdict: String
        var sources: [String]
        var copied: [(suspect: Range<Int>, source: Range<Int>)]
    }

    static func expectations() throws -> [Expected] {
        let url = CLI.repositoryRoot.appendingPathComponent("Corpus/incoming/EXPECTED.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let copied: [(Range<Int>, Range<Int>)] = f[4] == "-" ? [] : f[4].split(separator: ",").compactMap { part in
                let sides = part.split(separator: ":").map { $0.split(separator: "-").compactMap { Int($0) } }
                guard sides.count == 2, sides[0].count == 2, sides[1].count == 2 else { return nil }
                return (sides[0][0]..<sides[0][1], sides[1][0]..<sides[1][1])
            }
            return Expected(path: f[0], verdict: f[1], sources: f[2] == "-" ? [] : f[2].split(separator: ",").map(String.init), copied: copied)
        }
    }

    static func scan() throws -> (CLI.Run, [String: [String: Any]]) {
        let run = try CLI.run(["scan", "--against", "Corpus/archive", "--format", "json", "Corpus/incoming"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        var byName: [String: [String: Any]] = [:]
        for article in json?["articles"] as? [[String: Any]] ?? [] {
            guard let path = article["path"] as? String else { continue }
            var name = path.replacingOccurrences(of: "Corpus/incoming/", with: "")
            if let hash = name.firstIndex(of: "#") { name = "feed.jsonl" + name[hash...] }
            byName[name] = article
        }
        return (run, byName)
    }

    @Test("every incoming article gets its expected verdict; copies name their source with covering passages")
    func verdicts() throws {
        let expected = try Self.expectations()
        #expect(expected.count >= 15)
        let (run, articles) = try Self.scan()
        #expect(run.status == 1, "the corpus holds violations, so scan exits 1: \(run.stderr)")
        #expect(articles.count == expected.count)
        for e in expected {
            let article = try #require(articles[e.path], "\(e.path) missing from the report")
            #expect(article["verdict"] as? String == e.verdict, "\(e.path)")
            guard e.verdict != "clean" else { continue }
            let matches = article["matches"] as? [[String: Any]] ?? []
            for source in e.sources {
                let match = matches.first { (($0["source"] as? [String: Any])?["path"] as? String)?.hasSuffix("/" + source) == true }
                let m = try #require(match, "\(e.path): source \(source) not reported")
                #expect(m["verdict"] as? String == e.verdict, "\(e.path) ← \(source)")
                let passages = (m["passages"] as? [[String: Any]] ?? []).compactMap { p -> (Range<Int>, Range<Int>)? in
                    guard let s = p["suspect"] as? [String: Int], let t = p["source"] as? [String: Int],
                          let s0 = s["start"], let s1 = s["end"], let t0 = t["start"], let t1 = t["end"] else { return nil }
                    return (s0..<s1, t0..<t1)
                }
                let want = Set(e.copied.flatMap { Array($0.suspect) })
                let got = Set(passages.flatMap { Array($0.0) })
                let recall = Double(want.intersection(got).count) / Double(max(1, want.count))
                #expect(recall >= 0.9, "\(e.path): passages cover \(recall) of the copied text")
                let wantSource = Set(e.copied.flatMap { Array($0.source) })
                let gotSource = Set(passages.flatMap { Array($0.1) })
                #expect(Double(wantSource.intersection(gotSource).count) / Double(max(1, wantSource.count)) >= 0.9, "\(e.path): source side")
            }
        }
    }

    @Test("check exits 0 on a clean article, 1 on a copy, 2 on a missing file")
    func checkExitCodes() throws {
        let expected = try Self.expectations()
        let clean = try #require(expected.first { $0.verdict == "clean" && !$0.path.contains("#") })
        let copy = try #require(expected.first { $0.verdict == "violation" && !$0.path.contains("#") })
        #expect(try CLI.run(["check", "--against", "Corpus/archive", "Corpus/incoming/" + clean.path]).status == 0)
        let flagged = try CLI.run(["check", "--against", "Corpus/archive", "Corpus/incoming/" + copy.path])
        #expect(flagged.status == 1)
        #expect(flagged.stdout.contains("VIOLATION"))
        #expect(try CLI.run(["check", "--against", "Corpus/archive", "Corpus/incoming/no-such-file.txt"]).status == 2)
    }

    @Test("the text report quotes the copied passages of flagged articles")
    func textReport() throws {
        let copy = try #require(try Self.expectations().first { $0.verdict == "violation" && $0.path.hasSuffix(".txt") })
        let run = try CLI.run(["compare", "Corpus/incoming/" + copy.path, "Corpus/archive/" + (copy.sources.first ?? "")])
        #expect(run.status == 1)
        #expect(run.stdout.contains("passage 1:"))
        #expect(run.stdout.contains("notice:"))
    }
}
