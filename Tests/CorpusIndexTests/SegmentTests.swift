import Articles
import Foundation
import Testing
@testable import CorpusIndex
import Fingerprinting

@Suite("Posting segments, merging and the in-memory snapshot")
struct SegmentTests {
    func temporaryPath() -> String {
        NSTemporaryDirectory() + "copyscan-segments-\(UUID().uuidString)/index.sqlite"
    }

    static let words = ["지역", "경제", "소상공인", "지원", "정책", "전통시장", "매출", "프로야구", "개막전", "신인", "투수", "관중",
                        "기상청", "주말", "전국", "강한", "비", "기온", "반도체", "수출", "회복세", "교육청", "학교", "급식"]

    /// Article `i`: sentences drawn from a small vocabulary, so that documents share keys and
    /// buckets hold several documents.
    static func body(_ i: Int) -> String {
        var rng = SplitMix64(seed: UInt64(i) &* 7919 &+ 1)
        var sentences: [String] = []
        for _ in 0..<8 {
            var words: [String] = []
            for _ in 0..<9 { words.append(Self.words[Int(rng.next() % UInt64(Self.words.count))]) }
            sentences.append(words.joined(separator: " ") + "다.")
        }
        // Every fifth article repeats a paragraph of the one before: near duplicates to find.
        if i % 5 == 4 { sentences.insert(contentsOf: body(i - 1).split(separator: ".").prefix(4).map { $0 + "." }, at: 2) }
        return sentences.joined(separator: " ")
    }

    func file(_ i: Int, _ fingerprinter: Fingerprinter, contentHash: String = "h") -> IndexBatch.File {
        let text = Self.body(i)
        let article = Article(id: "a\(i)", source: "/archive/\(i).txt", outlet: "테스트일보", body: text)
        return .init(file: "/archive/\(i).txt", contentHash: contentHash, documents: [(article, fingerprinter.fingerprint(text).allKeys)])
    }

    /// Builds an index of `count` articles in batches of `batchSize`, without the end-of-run merge.
    func build(at path: String, count: Int, batchSize: Int) throws -> CorpusIndex {
        let index = try CorpusIndex.openOrCreate(at: path, parameters: FingerprintParameters())
        var i = 0
        while i < count {
            var batch = IndexBatch()
            for j in i..<min(count, i + batchSize) { batch.additions.append(file(j, index.fingerprinter)) }
            try index.apply(batch)
            i += batchSize
        }
        return index
    }

    /// An index of `count` generated bodies at a fresh temporary path, and its posting snapshot.
    static func built(count: Int, batchSize: Int) throws -> (CorpusIndex, PostingSnapshot) {
        let tests = SegmentTests()
        let index = try tests.build(at: tests.temporaryPath(), count: count, batchSize: batchSize)
        return (index, try index.postingSnapshot())
    }

    /// Queries with their windows, so close windows are compared too.
    func queries(_ fingerprinter: Fingerprinter) -> [QueryKeys] {
        (0..<60).map { Self.query(body: $0 * 3 % 120, fingerprinter) }
    }

    /// The keys of generated body `i` as a scan asks for them: document keys and the windows of
    /// the scan's stride.
    static func query(body i: Int, _ fingerprinter: Fingerprinter) -> QueryKeys {
        let f = fingerprinter.fingerprint(body(i), windowStride: 25, keepWindowOrder: true)
        return QueryKeys(f.documentKeys, windowKeysInOrder: f.windowKeysInOrder, bandsPerWindow: fingerprinter.windowBanding.bands)
    }

    @Test("batches write segments; answers do not depend on how the postings are split, merged or read")
    func segmentsGiveTheSameAnswers() throws {
        let one = try build(at: temporaryPath(), count: 120, batchSize: 120)
        let many = try build(at: temporaryPath(), count: 120, batchSize: 10)
        #expect(one.segmentCount == 1)
        #expect(many.segmentCount >= 2)
        #expect(many.postingCount == one.postingCount)
        let snapshot = try many.postingSnapshot()
        #expect(snapshot.postingCount == one.postingCount)
        var shared = 0, close = 0
        for keys in queries(one.fingerprinter) {
            let expected = try one.candidates(for: keys, maxBucketSize: 40, limit: 25)
            #expect(try many.candidates(for: keys, maxBucketSize: 40, limit: 25) == expected)
            #expect(snapshot.candidates(for: keys, maxBucketSize: 40, limit: 25) == expected)
            #expect(try one.candidates(for: keys) == snapshot.candidates(for: keys))
            shared += expected.filter { $0.sharedKeys > 1 }.count
            close += expected.filter { $0.closeWindows > 0 }.count
        }
        #expect(close > 30, "the test corpus must make documents share two bands of a window")
        #expect(shared > 60, "the test corpus must make documents share keys")
        // Merging as it goes keeps a few segments of growing size, not one per batch.
        #expect(many.segmentCount < 12)
        try many.db.transaction { () throws(IndexError) in try many.merge(try many.segments()) }
        #expect(many.segmentCount == 1)
        for keys in queries(one.fingerprinter) {
            #expect(try many.candidates(for: keys, maxBucketSize: 40, limit: 25) == one.candidates(for: keys, maxBucketSize: 40, limit: 25))
        }
    }

    @Test("a too-common key is judged on its postings in all segments together")
    func bucketSizeAcrossSegments() throws {
        let many = try build(at: temporaryPath(), count: 120, batchSize: 7)
        let one = try build(at: temporaryPath(), count: 120, batchSize: 120)
        for maxBucket in [1, 2, 3, 5, 8] {
            for keys in queries(one.fingerprinter).prefix(20) {
                #expect(try many.candidates(for: keys, maxBucketSize: maxBucket) == one.candidates(for: keys, maxBucketSize: maxBucket))
            }
        }
    }

    @Test("replacing and removing files takes their postings out of every segment")
    func removalAcrossSegments() throws {
        let index = try build(at: temporaryPath(), count: 40, batchSize: 15)
        #expect(index.segmentCount == 3)
        let before = index.postingCount
        let oldKeys = index.fingerprinter.fingerprint(Self.body(3)).allKeys
        var batch = IndexBatch()
        batch.removals = ["/archive/3.txt", "/archive/25.txt"]
        try index.apply(batch)
        #expect(index.documentCount == 38)
        #expect(try index.scalar("SELECT COUNT(*) FROM documents") == 38, "the stored count follows the rows")
        #expect(index.postingCount < before)
        #expect(try index.candidates(for: oldKeys).allSatisfy { try index.document($0.document).file != "/archive/3.txt" })
        // The snapshot holds exactly the rows, and the rows exactly what the segments count.
        #expect(try index.postingSnapshot().postingCount == index.postingCount)
        // Every removed document is gone from the answers of a full rebuild of the same files.
        let fresh = try CorpusIndex.openOrCreate(at: temporaryPath(), parameters: FingerprintParameters())
        var all = IndexBatch()
        for i in 0..<40 where i != 3 && i != 25 { all.additions.append(file(i, fresh.fingerprinter)) }
        try fresh.apply(all)
        #expect(fresh.postingCount == index.postingCount)
        for keys in queries(index.fingerprinter).prefix(20) {
            let files = try index.candidates(for: keys).map { try index.document($0.document).file }
            let freshFiles = try fresh.candidates(for: keys).map { try fresh.document($0.document).file }
            #expect(Set(files) == Set(freshFiles))
        }
    }

    @Test("merge policy: a tier of similar segments merges with every smaller one; big ones wait; settled ones stay")
    func mergePolicy() {
        func segments(_ sizes: [Int]) -> [Segment] {
            sizes.enumerated().map { Segment(id: Int64($0.offset + 1), bits: 16, postings: $0.element) }
        }
        let bulk = CorpusIndex.segmentsToMerge(segments([1_600, 1_580, 1_610, 1_620, 1_590, 1_600, 410]))
        #expect(bulk?.count == 7)
        #expect(CorpusIndex.segmentsToMerge(segments([10_000, 1_500])) == nil)
        #expect(CorpusIndex.segmentsToMerge(segments([10_000, 1_500, 1_500, 1_500])) == nil)
        let tier = CorpusIndex.segmentsToMerge(segments([10_000, 1_500, 1_500, 1_500, 1_400]))
        #expect(tier.map { Set($0.map(\.id)) } == [2, 3, 4, 5])
        let crowd = CorpusIndex.segmentsToMerge(segments((0..<40).map { 100 << ($0 % 8 * 3) }))
        #expect(crowd != nil)
        #expect(CorpusIndex.segmentsToMerge(segments([5])) == nil)
        // Segments of a new index's full batches are settled: they stay, the small ones merge.
        let settled = CorpusIndex.settledPostings
        #expect(CorpusIndex.segmentsToMerge(segments([settled, settled + 9, settled + 1, settled * 2, 100])) == nil)
        let beside = CorpusIndex.segmentsToMerge(segments([settled, settled, settled, settled, 1_500, 1_500, 1_500, 1_400]))
        #expect(beside.map { Set($0.map(\.id)) } == [5, 6, 7, 8])
        let crowded = CorpusIndex.segmentsToMerge(segments(Array(repeating: settled, count: CorpusIndex.maxSegments + 1)))
        #expect(crowded?.count == 2)
    }

    @Test("rows are sized for the segment; a key's row is the same however it is computed")
    func rowLayout() {
        #expect(Segment.bits(forPostings: 1_000) == 8)
        #expect(Segment.bits(forPostings: 1_500_000) == 13)
        #expect(Segment.bits(forPostings: 10_000_000) == 16)
        #expect(Segment.bits(forPostings: 100_000_000) == 19)
        #expect(Segment.bits(forPostings: .max) == 32)
        var rng = SplitMix64(seed: 3)
        for bits in [8, 13, 16, 17, 20, 25, 32] {
            let segment = Segment(id: 9, bits: bits, postings: 0)
            for _ in 0..<200 {
                let key = rng.next()
                let row = segment.row(of: key)
                #expect(row == segment.row(prefix: PostingKey.prefix(key), low: PostingKey.low(key)))
                #expect(segment.prefixes(ofRow: row).contains(PostingKey.prefix(key)))
                #expect(row >= 0 && row < 1 << bits)
            }
        }
    }

    @Test("a row of several prefixes finds each prefix's postings through its directory; a damaged one is refused")
    func directoryRows() throws {
        let segment = Segment(id: 1, bits: 14, postings: 0)
        let groups: [ArraySlice<UInt64>] = [[PostingKey.pair(low: 5, document: 1), PostingKey.pair(low: 9, document: 2)], [],
                                            [PostingKey.pair(low: 1, document: 3)], []]
        let bytes = PostingRow.encode(segment, groups: groups)
        try bytes.withUnsafeBytes { raw in
            let row = PostingRow(segment: segment, row: 3, bytes: raw)
            let first = try #require(row.postings(prefix: 12))
            #expect(first.count == 2 && first.document(at: 1) == 2 && first.range(of: 9) == 1..<2)
            #expect(try #require(row.postings(prefix: 13)).count == 0)
            #expect(try #require(row.postings(prefix: 14)).document(at: 0) == 3)
            #expect(try #require(row.postings(prefix: 99)).count == 0)
        }
        for cut in [0, 10, bytes.count - 1] {
            Array(bytes.prefix(cut)).withUnsafeBytes { raw in
                #expect(PostingRow(segment: segment, row: 3, bytes: raw).postings(prefix: 14) == nil)
            }
        }
    }

    @Test("a damaged row is refused with an error, and a posting of a document that does not exist is ignored")
    func damagedRows() throws {
        let index = try build(at: temporaryPath(), count: 10, batchSize: 10)
        let segment = try #require(try index.segments().first)
        let keys = index.fingerprinter.fingerprint(Self.body(0), windowStride: 25).allKeys
        let expected = try index.candidates(for: keys)
        // A posting of document 2^32 - 16 in the first key's row: the counters must not grow to it.
        let key = try #require(keys.first)
        let row = segment.row(of: key)
        let select = try index.db.prepare("SELECT entries FROM \(segment.table) WHERE row = ?")
        select.bind(1, row)
        let stored = try select.step() ? select.blob(0) : []
        select.reset()
        let prefix = PostingKey.prefix(key)
        var groups: [ArraySlice<UInt64>] = []
        try stored.withUnsafeBytes { raw in
            for p in segment.prefixes(ofRow: row) {
                let blob = try #require(PostingRow(segment: segment, row: row, bytes: raw).postings(prefix: p))
                var pairs = (0..<blob.count).map { blob.pair(at: $0) }
                if p == prefix { pairs.append(PostingKey.pair(low: PostingKey.low(key), document: .max - 15)); pairs.sort() }
                groups.append(pairs[...])
            }
        }
        let update = try index.db.prepare("INSERT OR REPLACE INTO \(segment.table)(row, entries) VALUES(?, ?)")
        update.bind(1, row)
        update.bind(2, PostingRow.encode(segment, groups: groups))
        try update.run()
        #expect(try index.candidates(for: keys) == expected)
        #expect(try index.postingSnapshot().candidates(for: keys) == expected)
        // Cut short, the row cannot be read: an error, not a crash or a wrong answer.
        let truncate = try index.db.prepare("UPDATE \(segment.table) SET entries = substr(entries, 1, 3) WHERE row = ?")
        truncate.bind(1, row)
        try truncate.run()
        #expect(throws: IndexError.self) { try index.candidates(for: keys) }
        #expect(throws: IndexError.self) { try index.postingSnapshot() }
    }

    @Test("the snapshot can be shared by threads")
    func snapshotAcrossThreads() async throws {
        let index = try build(at: temporaryPath(), count: 60, batchSize: 60)
        let snapshot = try index.postingSnapshot()
        let keys = queries(index.fingerprinter)
        let expected = try keys.map { try index.candidates(for: $0, limit: 10) }
        let answers = await withTaskGroup(of: (Int, [Candidate]).self) { group in
            for (i, k) in keys.enumerated() { group.addTask { (i, snapshot.candidates(for: k, limit: 10)) } }
            var out = [[Candidate]](repeating: [], count: keys.count)
            for await (i, c) in group { out[i] = c }
            return out
        }
        #expect(answers == expected)
    }
}
