import Articles
import CorpusIndex
import Extraction
import Foundation
import Reporting
import Testing
@testable import Scanning

@Suite("Scanner: many suspects share one posting snapshot")
struct ScannerSnapshotTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test("a scan large enough to read the postings into memory reports what per-key reads report")
    func sameReports() throws {
        let index = NSTemporaryDirectory() + "copyscan-snapshot-\(UUID().uuidString)/index.sqlite"
        var indexer = Indexer(jobs: 2)
        indexer.showProgress = false
        _ = try indexer.index(paths: [Self.repositoryRoot.appendingPathComponent("Corpus/archive").path], into: index)
        var incoming: [Article] = []
        for file in InputCollector.collect([Self.repositoryRoot.appendingPathComponent("Corpus/incoming").path]).files {
            for case .success(let article) in ArticleReader.read(path: file) { incoming.append(article) }
        }
        #expect(incoming.count >= 20 && incoming.count < 64, "the per-key scan must stay below the snapshot's threshold")
        var options = ScanOptions()
        options.showProgress = false
        options.jobs = 2
        let scanner = Scanner(indexPath: index, options: options)
        let perKey = try scanner.scan(articles: incoming)
        let repeats = (64 + incoming.count - 1) / incoming.count
        let shared = try scanner.scan(articles: Array(repeating: incoming, count: repeats).flatMap { $0 })
        #expect(shared.articles.count == incoming.count * repeats)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let expected = try perKey.articles.map { try encoder.encode($0) }
        #expect(perKey.articles.contains { !$0.matches.isEmpty }, "the corpus must give matches to compare")
        for (i, article) in shared.articles.enumerated() {
            #expect(try encoder.encode(article) == expected[i % incoming.count])
        }
    }
}
