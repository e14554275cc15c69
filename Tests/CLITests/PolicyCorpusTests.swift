import Foundation
import Testing

/// Every policy verdict has a case in Corpus/policy (written by Scripts/generate-policy-cases);
/// scanned in that folder, whose copyscan.toml sets a licence and the user's own outlets, each
/// suspect–source pair gets the verdict and severity EXPECTED.tsv names.
@Suite("CLI: a corpus case for every policy verdict")
struct PolicyCorpusTests {
    @Test("each pair in Corpus/policy/EXPECTED.tsv gets its verdict and severity")
    func policyCases() throws {
        let folder = CLI.repositoryRoot.appendingPathComponent("Corpus/policy")
        let lines = try String(contentsOf: folder.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        let verdicts = Set(lines.map { $0[2] })
        for kind in ["licensed", "sameRightsHolder", "quotedWithCredit", "sourceIsLater", "commonSource", "reuse", "reuseOfReservedWork", "violation"] {
            #expect(verdicts.contains(kind), "no case for \(kind)")
        }
        let run = try CLI.run(["scan", "--against", "archive", "--format", "json", "incoming"], in: folder)
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let articles = json?["articles"] as? [[String: Any]] ?? []
        for line in lines where line.count == 4 {
            let article = articles.first { ($0["path"] as? String)?.hasSuffix("/" + line[0]) == true }
            let matches = article?["matches"] as? [[String: Any]] ?? []
            let match = matches.first { (($0["source"] as? [String: Any])?["path"] as? String)?.hasSuffix("/" + line[1]) == true }
            #expect(match?["verdict"] as? String == line[2], "\(line[0]) ← \(line[1])")
            #expect(match?["severity"] as? String == line[3], "\(line[0]) ← \(line[1]) severity")
        }
    }
}
