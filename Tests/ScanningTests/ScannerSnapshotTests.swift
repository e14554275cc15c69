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
        // The indexer wrote the posting map; without it, a scan this small reads rows per key.
        let map = PostingMap.path(forIndex: index)
        #expect(FileManager.default.fileExists(atPath: map), "the indexer writes the posting map")
        let mapped = try scanner.scan(articles: incoming)
        try FileManager.default.removeItem(atPath: map)
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
        #expect(try mapped.articles.map { try encoder.encode($0) } == expected)
    }

    @Test("the snapshot pays from one suspect per 40,000 postings, at least 64, and never above 2²⁷ postings")
    func whenTheSnapshotPays() {
        let options = ScanOptions()
        #expect(!options.snapshotPays(suspects: 63, postings: 1_000))
        #expect(options.snapshotPays(suspects: 64, postings: 1_000))
        #expect(options.snapshotPays(suspects: 320, postings: 12_800_000))
        #expect(!options.snapshotPays(suspects: 2_000, postings: 128_000_000))
        #expect(!options.snapshotPays(suspects: 10_000_000, postings: (1 << 27) + 1))
    }

    @Test("a JSON Lines input of many articles has its snapshot read while it is parsed, with the same reports")
    func prefetched() throws {
        let dir = NSTemporaryDirectory() + "copyscan-prefetch-\(UUID().uuidString)"
        let index = dir + "/index.sqlite"
        var indexer = Indexer(jobs: 2)
        indexer.showProgress = false
        _ = try indexer.index(paths: [Self.repositoryRoot.appendingPathComponent("Corpus/archive").path], into: index)
        try FileManager.default.removeItem(atPath: PostingMap.path(forIndex: index))   // the path without a map
        let feed = Self.repositoryRoot.appendingPathComponent("Corpus/incoming/feed.jsonl")
        let lines = try String(contentsOf: feed, encoding: .utf8).split(separator: "\n")
        // Enough records (and bytes) that the scan expects many articles.
        let many = dir + "/many.jsonl"
        let repeats = max(2, (64 * 6_144) / max(1, lines.joined().utf8.count) + 1)
        try (Array(repeating: lines.joined(separator: "\n"), count: repeats).joined(separator: "\n") + "\n")
            .write(toFile: many, atomically: true, encoding: .utf8)
        var options = ScanOptions()
        options.showProgress = false
        options.jobs = 2
        #expect(SnapshotPrefetch.estimatedArticles([many]) >= 64)
        let prefetch = try #require(SnapshotPrefetch.start(indexPath: index, options: options, expectedArticles: 64))
        #expect(try prefetch.wait()?.postingCount == CorpusIndex.open(at: index).postingCount)
        #expect(SnapshotPrefetch.start(indexPath: index, options: options, expectedArticles: 63) == nil)
        #expect(SnapshotPrefetch.start(indexPath: dir + "/missing.sqlite", options: options, expectedArticles: 1_000) == nil)

        let scanner = Scanner(indexPath: index, options: options)
        let whole = try scanner.scan(paths: [many])
        let single = try scanner.scan(paths: [feed.path])
        #expect(whole.articles.count == single.articles.count * repeats)
        #expect(single.articles.contains { !$0.matches.isEmpty }, "the feed must give matches to compare")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let expected = try single.articles.map { try encoder.encode($0.matches) }
        for (i, article) in whole.articles.enumerated() {
            #expect(try encoder.encode(article.matches) == expected[i % single.articles.count])
        }
    }
}
