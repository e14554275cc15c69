import CorpusIndex
import Foundation
import Testing
@testable import Scanning

@Suite("Indexer: incremental updates")
struct IndexerTests {
    func archive() throws -> (dir: String, index: String) {
        let dir = NSTemporaryDirectory() + "copyscan-indexer-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/archive", withIntermediateDirectories: true)
        for i in 0..<3 {
            try "기사 \(i)번의 본문은 충분히 길게 쓰여서 지문이 만들어진다. 지역 소식과 날씨, 교통 정보가 함께 담겨 있다. 번호 \(i * 7919)."
                .write(toFile: "\(dir)/archive/\(i).txt", atomically: true, encoding: .utf8)
        }
        return (dir, dir + "/index.sqlite")
    }

    /// An indexer that prints no progress.
    func quietIndexer(jobs: Int) -> Indexer {
        var indexer = Indexer(jobs: jobs)
        indexer.showProgress = false
        return indexer
    }

    @Test("unchanged files are skipped, changed ones replaced, vanished ones removed")
    func incremental() throws {
        let (dir, index) = try archive()
        let indexer = quietIndexer(jobs: 2)
        let first = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(first.added == 3 && first.indexDocuments == 3)
        let again = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(again.unchanged == 3 && again.added == 0 && again.updated == 0)
        try "바뀐 본문이다. 완전히 새로운 내용으로 교체되었고 길이도 충분하다. 우주 발사체 이야기.".write(toFile: dir + "/archive/1.txt", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/archive/2.txt")
        let third = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(third.updated == 1 && third.removed == 1 && third.unchanged == 1)
        #expect(third.indexDocuments == 2)
    }

    @Test("every run leaves a current posting map: written by a build, kept when nothing changed, rewritten after a change")
    func postingMapFollowsTheIndex() throws {
        let (dir, index) = try archive()
        let map = PostingMap.path(forIndex: index)
        let indexer = quietIndexer(jobs: 2)
        _ = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(try CorpusIndex.open(at: index).postingMap() != nil)
        #expect(!FileManager.default.fileExists(atPath: index + ".building.postings"))
        let written = try FileManager.default.attributesOfItem(atPath: map)[.modificationDate] as? Date
        _ = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(try FileManager.default.attributesOfItem(atPath: map)[.modificationDate] as? Date == written, "unchanged: not rewritten")

        try "새로 들어온 기사다. 항만 물류와 수출 소식이 길게 이어지고 고유한 문장이 많다. 번호 31337.".write(toFile: dir + "/archive/9.txt", atomically: true, encoding: .utf8)
        _ = try indexer.index(paths: [dir + "/archive"], into: index)
        let opened = try CorpusIndex.open(at: index)
        let current = try #require(opened.postingMap())
        #expect(current.postingCount == opened.postingCount)

        // A map removed (or left stale by an interrupted run) is written again by the next run.
        try FileManager.default.removeItem(atPath: map)
        _ = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(try CorpusIndex.open(at: index).postingMap() != nil)
        _ = try indexer.index(paths: [dir + "/archive"], into: index, rebuild: true)
        #expect(try CorpusIndex.open(at: index).postingMap() != nil)
    }

    @Test("a new index's map, made from the postings kept while they were written, is the map read back from SQLite")
    func mapFromMemoryIsMapFromSQLite() throws {
        let (dir, index) = try archive()
        for i in 3..<40 {
            try "색인 기사 \(i)번. 지역 경제와 교통, 날씨 소식이 이어진다. 고유 번호 \(i * 7_919)번과 \(i * 104_729)번.".write(toFile: "\(dir)/archive/\(i).txt", atomically: true, encoding: .utf8)
        }
        var indexer = quietIndexer(jobs: 2)
        indexer.chunkBytes = 1_000   // many chunks: a large and a small segment, as in a big build
        let built = try indexer.index(paths: [dir + "/archive"], into: index, rebuild: true)
        #expect(built.postingMap == .memory)
        let map = PostingMap.path(forIndex: index)
        let fromMemory = try Data(contentsOf: URL(fileURLWithPath: map))
        #expect(try CorpusIndex.open(at: index).segmentCount >= 2)
        #expect(try indexer.index(paths: [dir + "/archive"], into: index).postingMap == nil, "a current map is left alone")
        try FileManager.default.removeItem(atPath: map)
        // Nothing changed, the map is missing: it is read back from SQLite.
        #expect(try indexer.index(paths: [dir + "/archive"], into: index).postingMap == .segments)
        #expect(try Data(contentsOf: URL(fileURLWithPath: map)) == fromMemory)
    }

    @Test("runs indexing one archive into one new index at the same time all succeed, and add each file once")
    func concurrentRuns() async throws {
        let (dir, index) = try archive()
        // Enough files that the runs overlap.
        for i in 3..<60 {
            try "동시에 색인되는 기사 \(i)번. 지역 경제와 교통, 날씨 소식이 이어진다. 고유 번호 \(i * 104_729)."
                .write(toFile: "\(dir)/archive/\(i).txt", atomically: true, encoding: .utf8)
        }
        let results = await withTaskGroup(of: Result<IndexingSummary, Error>.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var indexer = Indexer(jobs: 1)
                    indexer.showProgress = false
                    return Result { try indexer.index(paths: [dir + "/archive"], into: index) }
                }
            }
            var all: [Result<IndexingSummary, Error>] = []
            for await r in group { all.append(r) }
            return all
        }
        let summaries = try results.map { try $0.get() }
        #expect(summaries.count == 4)
        // One run built it; the others waited and found it up to date.
        #expect(summaries.map(\.added).sorted() == [0, 0, 0, 60])
        #expect(summaries.allSatisfy { $0.indexDocuments == 60 || $0.unchanged == 60 })
        #expect(try CorpusIndex.open(at: index).documentCount == 60)
        #expect(!FileManager.default.fileExists(atPath: index + ".building"))
    }

    @Test("an index whose articles were read by another reader version re-reads every file")
    func extractionVersion() throws {
        let (dir, index) = try archive()
        let indexer = quietIndexer(jobs: 1)
        _ = try indexer.index(paths: [dir + "/archive"], into: index)
        try CorpusIndex.open(at: index, readOnly: false).setExtractionVersion("articles-v0")
        let again = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(again.unchanged == 0)
        #expect(again.indexDocuments == 3)
        let reread = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(reread.unchanged == 3)
    }

    @Test("a rebuild that fails leaves the old index as it was and no half-built index or map beside it")
    func failedRebuildCleansUp() throws {
        let (dir, index) = try archive()
        let indexer = quietIndexer(jobs: 2)
        _ = try indexer.index(paths: [dir + "/archive"], into: index)
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        // A directory where the new map must go: the build completes, then moving it in fails.
        let map = PostingMap.path(forIndex: index)
        try FileManager.default.removeItem(atPath: map)
        try FileManager.default.createDirectory(atPath: map + "/occupied", withIntermediateDirectories: true)
        #expect(throws: IndexError.self) { try indexer.index(paths: [dir + "/archive"], into: index, rebuild: true) }
        for leftover in [index + ".building", index + ".building-journal", index + ".building.postings"] {
            #expect(!FileManager.default.fileExists(atPath: leftover), "\(leftover) is left")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
        #expect(try CorpusIndex.open(at: index).documentCount == 3)
    }

    @Test("a new or rebuilt index is built beside the target with its postings in one segment, then moved into place")
    func freshBuild() throws {
        let (dir, index) = try archive()
        var indexer = quietIndexer(jobs: 2)
        indexer.chunkBytes = 1   // one transaction per file
        let first = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(first.indexDocuments == 3)
        #expect(!FileManager.default.fileExists(atPath: index + ".building"))
        let built = try CorpusIndex.open(at: index)
        // Three chunks: the first two's postings are written while the last is parsed.
        #expect(built.segmentCount == 2)
        let body = try String(contentsOfFile: dir + "/archive/1.txt", encoding: .utf8)
        let top = try built.candidates(for: built.fingerprinter.fingerprint(body, windowStride: 25).allKeys).first
        #expect(try top.map { try built.document($0.document).file }?.hasSuffix("/archive/1.txt") == true)

        // An update of an existing index writes a segment per transaction instead.
        try "새 기사는 전혀 다른 내용이다. 항만 물동량이 늘고 수출 화물이 쌓였다는 소식이 이어졌다. 번호 42.".write(toFile: dir + "/archive/9.txt", atomically: true, encoding: .utf8)
        _ = try indexer.index(paths: [dir + "/archive"], into: index)
        #expect(try CorpusIndex.open(at: index).segmentCount == 3)

        indexer.chunkBytes = 64 << 20   // one chunk: all postings written once, at the end
        let rebuilt = try indexer.index(paths: [dir + "/archive"], into: index, rebuild: true)
        #expect(rebuilt.added == 4 && rebuilt.indexDocuments == 4)
        #expect(try CorpusIndex.open(at: index).segmentCount == 1)
        #expect(!FileManager.default.fileExists(atPath: index + ".building"))
    }
}
