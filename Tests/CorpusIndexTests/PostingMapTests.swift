import Articles
import Foundation
import Testing
@testable import CorpusIndex
import Fingerprinting

@Suite("The posting map: the postings in a mapped file beside the index")
struct PostingMapTests {
    let segments = SegmentTests()

    func built(count: Int = 120, batchSize: Int = 30) throws -> CorpusIndex {
        try segments.build(at: segments.temporaryPath(), count: count, batchSize: batchSize)
    }

    @Test("a written map answers every query as the index's rows do, and says it is mapped")
    func mapAnswersAsTheRows() throws {
        let index = try built()
        #expect(index.postingMap() == nil)   // none written yet
        try index.writePostingMap()
        let map = try #require(index.postingMap())
        #expect(map.isMapped)
        #expect(map.postingCount == index.postingCount)
        for keys in segments.queries(index.fingerprinter) {
            #expect(map.candidates(for: keys, maxBucketSize: 40, limit: 25) == (try index.candidates(for: keys, maxBucketSize: 40, limit: 25)))
            #expect(map.candidates(for: keys, rareBucketSize: 3) == (try index.candidates(for: keys, rareBucketSize: 3)))
        }
    }

    @Test("every change of the postings makes the map stale until it is written again")
    func changesMakeTheMapStale() throws {
        let index = try built()
        try index.writePostingMap()
        #expect(index.postingMapIsCurrent)

        var add = IndexBatch()
        add.additions.append(segments.file(500, index.fingerprinter))
        try index.apply(add)
        #expect(index.postingMap() == nil)
        try index.writePostingMap()
        #expect(index.postingMapIsCurrent)

        var remove = IndexBatch()
        remove.removals = ["/archive/3.txt"]
        try index.apply(remove)
        #expect(index.postingMap() == nil)

        try index.compact()
        try index.writePostingMap()
        let map = try #require(index.postingMap())
        for keys in segments.queries(index.fingerprinter) {
            #expect(map.candidates(for: keys) == (try index.candidates(for: keys)))
        }
    }

    @Test("a new index's map comes from the postings kept as they were written, and equals the map read back from SQLite")
    func mapFromMemory() throws {
        let index = try CorpusIndex.openOrCreate(at: segments.temporaryPath(), parameters: FingerprintParameters())
        index.deferPostings(limit: 400)   // a limit reached part way: several segments, as in a big build
        for start in stride(from: 0, to: 90, by: 15) {
            var batch = IndexBatch()
            for i in start..<(start + 15) { batch.additions.append(segments.file(i, index.fingerprinter)) }
            try index.apply(batch)
        }
        try index.finishDeferredPostings()
        #expect(index.segmentCount >= 2)
        #expect(try index.writePostingMap() == .memory)
        let path = PostingMap.path(forIndex: index.path)
        let fromMemory = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try index.writePostingMap() == .segments)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == fromMemory)
        // Read back in batches of any size, merged on the feed's thread: the same file.
        for batchPairs in [1, 37, 5_000] {
            #expect(try index.writePostingMap(batchPairs: batchPairs) == .segments)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == fromMemory, "batches of \(batchPairs) pairs")
        }

        // A removal while postings are kept: they no longer describe the index.
        let other = try CorpusIndex.openOrCreate(at: segments.temporaryPath(), parameters: FingerprintParameters())
        other.deferPostings(limit: 1_000)
        var batch = IndexBatch()
        for i in 0..<20 { batch.additions.append(segments.file(i, other.fingerprinter)) }
        try other.apply(batch)
        var replace = IndexBatch()
        replace.additions.append(segments.file(21, other.fingerprinter))
        replace.additions[0].file = "/archive/3.txt"
        try other.apply(replace)
        try other.finishDeferredPostings()
        #expect(try other.writePostingMap() == .segments)
        let map = try #require(other.postingMap())
        for keys in segments.queries(other.fingerprinter) {
            #expect(map.candidates(for: keys) == (try other.candidates(for: keys)))
        }
    }

    @Test("a map read back from one segment, in batches of any size, answers as the rows do")
    func mapFromOneSegmentInBatches() throws {
        let index = try built(count: 40, batchSize: 40)
        #expect(index.segmentCount == 1)
        try index.writePostingMap(batchPairs: 1 << 21)
        let path = PostingMap.path(forIndex: index.path)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        for batchPairs in [1, 64] {
            try index.writePostingMap(batchPairs: batchPairs)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == whole, "batches of \(batchPairs) pairs")
        }
        let map = try #require(index.postingMap())
        for keys in segments.queries(index.fingerprinter) {
            #expect(map.candidates(for: keys) == (try index.candidates(for: keys)))
        }
    }

    @Test("kept postings merge prefix by prefix into each prefix's sorted union, from one, two or more parts",
          arguments: [1, 2, 3, 5])
    func mergedGroups(parts count: Int) {
        var state: UInt64 = 0x3E6 &+ UInt64(count)
        // Keys in a few prefixes (so groups hold many pairs), documents distinct per part.
        let parts = (0..<count).map { part -> PostingGroups in
            let keys = (0..<3_000).map { _ in (splitMix64(&state) % 4) << 48 | splitMix64(&state) >> 40 }
            return PostingGroups(keys: keys, documents: keys.indices.map { UInt32(part * 10_000 + $0 % 700) })
        }
        var seen: [Int] = []
        PostingGroups.forEachMergedGroup(parts) { prefix, pairs in
            seen.append(prefix)
            let expected = parts.flatMap { Array($0.group(prefix)) }.sorted()
            #expect(Array(pairs) == expected, "prefix \(prefix)")
        }
        #expect(seen == Array(0..<PostingKey.prefixCount))
    }

    @Test("pairs handed to the background writer in many buffers land in order: the same file as from one buffer, holding every pair")
    func mapThroughManyBuffers() throws {
        var state: UInt64 = 0x5EED
        let keys = (0..<40_000).map { _ in splitMix64(&state) }
        let groups = PostingGroups(keys: keys, documents: keys.indices.map { UInt32($0 % 3_000) })
        let indexPath = segments.temporaryPath()
        let directory = (indexPath as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = PostingMap.path(forIndex: indexPath)
        func write(bufferPairs: Int) throws -> Data {
            let writer = try PostingMap.Writer(path: path, indexPath: indexPath, bufferPairs: bufferPairs)
            defer { writer.abandon() }
            try PostingGroups.forEachMergedGroup([groups]) { (prefix, pairs) throws(IndexError) in try writer.append(prefix: prefix, pairs) }
            try writer.finish(token: 42, documentLimit: 3_000)
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let whole = try write(bufferPairs: 1 << 20)
        for size in [3, 1_000, 39_999] {
            #expect(try write(bufferPairs: size) == whole, "buffers of \(size) pairs")
        }
        let memory = try #require(PostingMap.open(path, token: 42))
        let expected = (0..<PostingKey.prefixCount).flatMap { Array(groups.group($0)) }
        #expect(expected.count == keys.count)
        #expect(Array(memory.pairs) == expected)
        #expect(Array(memory.offsets) == groups.pairs.withUnsafeBufferPointer { PostingDirectory.build(groups.offsets, $0) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test("map writes land at their offsets in any order; a failed one is reported with its errno")
    func backgroundWrites() throws {
        let path = NSTemporaryDirectory() + "copyscan-writes-\(UUID().uuidString)"
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        defer { close(fd); unlink(path) }
        let writes = PostingMap.writes(into: fd, capacity: 4)
        let buffers = (0..<6).map { b in (0..<4).map { UInt64(b * 10 + $0) } }
        for b in [5, 0, 3, 1, 4, 2] {
            var chunk = PostingMap.Chunk(words: buffers[b], offset: b * 32)
            writes.submit(&chunk)
        }
        #expect(writes.wait() == nil)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes == Array(buffers.joined()).withUnsafeBytes { Data($0) })

        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0, "/dev/full is missing")
        defer { close(full) }
        let failing = PostingMap.writes(into: full, capacity: 4)
        for b in 0..<3 {
            var chunk = PostingMap.Chunk(words: buffers[b], offset: b * 32)
            failing.submit(&chunk)
        }
        #expect(failing.wait() == ENOSPC)
        #expect(failing.firstFailure == ENOSPC)
    }

    @Test("a stale, truncated or damaged map is ignored, never read past its end")
    func damagedMapsAreIgnored() throws {
        let index = try built(count: 40, batchSize: 40)
        try index.writePostingMap()
        let path = PostingMap.path(forIndex: index.path)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(index.postingMap() != nil)

        func expectIgnored(_ bytes: Data, _ what: Comment) throws {
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(index.postingMap() == nil, what)
        }
        try expectIgnored(good.prefix(good.count - 8), "one posting short")
        try expectIgnored(good.prefix(100), "cut inside the offsets")
        try expectIgnored(Data(), "empty")
        try expectIgnored(Data(repeating: 0xFF, count: good.count), "all ones")
        var magic = good
        magic[0] ^= 1
        try expectIgnored(magic, "wrong magic")
        var token = good
        token[8] ^= 1
        try expectIgnored(token, "another index's token")
        // An offset that goes down again would let a lookup run past its group.
        var offsets = good
        let at = (PostingMap.headerWords + 100) * 8
        offsets.replaceSubrange(at..<(at + 8), with: withUnsafeBytes(of: UInt64.max.littleEndian) { Data($0) })
        try expectIgnored(offsets, "offsets out of order")
        try good.write(to: URL(fileURLWithPath: path))
        #expect(index.postingMap() != nil)
    }

    @Test("a map is replaced whole: one mapped before a rewrite keeps answering from its own file")
    func rewriteLeavesOpenMapsIntact() throws {
        let index = try built(count: 60, batchSize: 60)
        try index.writePostingMap()
        let before = try #require(index.postingMap())
        let keys = segments.queries(index.fingerprinter)
        let expected = keys.map { before.candidates(for: $0) }
        var add = IndexBatch()
        add.additions.append(segments.file(700, index.fingerprinter))
        try index.apply(add)
        try index.writePostingMap()
        #expect(keys.map { before.candidates(for: $0) } == expected)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (index.path as NSString).deletingLastPathComponent)
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        // A temporary map left by a run killed while writing goes with the next write.
        let stale = PostingMap.path(forIndex: index.path) + ".tmp-999999"
        try Data(repeating: 7, count: 64).write(to: URL(fileURLWithPath: stale))
        try index.writePostingMap()
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(index.postingMap() != nil)
    }
}

@Suite("Stored documents: bodies as the stored bytes")
struct StoredDocumentTests {
    @Test("a body is its stored UTF-8 until resolved; bytes that are not UTF-8 are repaired and said to be")
    func storedBodies() throws {
        let segments = SegmentTests()
        let index = try segments.build(at: segments.temporaryPath(), count: 3, batchSize: 3)
        let doc = try #require(try index.candidates(for: index.fingerprinter.fingerprint(SegmentTests.body(1)).allKeys).first?.document)
        let stored = try index.storedDocument(doc)
        let (document, valid) = try stored.resolved()
        #expect(valid)
        #expect(Array(document.article.body.utf8) == stored.body)
        #expect(stored.source == document.article.source && !stored.source.isEmpty)
        #expect(stored.excluded == document.article.excluded)
        #expect(try index.document(doc).article.body == document.article.body)

        // A damaged body: a stray byte in the middle.
        var damaged = stored.body
        damaged.insert(0xFF, at: damaged.count / 2)
        let update = try index.db.prepare("UPDATE documents SET body = CAST(? AS TEXT) WHERE doc = ?")
        update.bind(1, damaged)
        update.bind(2, Int64(doc))
        try update.run()
        let reread = try index.storedDocument(doc)
        #expect(reread.body == damaged)
        let (repaired, wasValid) = try reread.resolved()
        #expect(!wasValid)
        #expect(repaired.article.body.unicodeScalars.contains("\u{FFFD}"))
        #expect(try index.document(doc).article.body == repaired.article.body)

        // Metadata with a string that is not UTF-8: fetched for verification (skimmed), refused
        // with the document's number when it is resolved for a report.
        var article = document.article
        article.body = ""
        article.title = "제목"
        var record = ArticleRecord.encode(article)
        let lead = try #require(Array("제".utf8).first)
        let at = try #require(record.firstIndex(of: lead))
        record[at] = 0xFF
        let meta = try index.db.prepare("UPDATE documents SET meta = ? WHERE doc = ?")
        meta.bind(1, record)
        meta.bind(2, Int64(doc))
        try meta.run()
        let skimmed = try index.storedDocument(doc)
        #expect(skimmed.source == document.article.source)
        #expect(throws: IndexError.self) { try skimmed.resolved() }
        do {
            _ = try skimmed.resolved()
        } catch {
            #expect(error.description.contains("document \(doc) has unreadable metadata"), "\(error.description)")
        }
    }
}

@Suite("A key's bucket within its directory group")
struct PostingBucketTests {
    @Test("counted through or searched, a bucket is the run of pairs with the key's low bits, also for the largest low")
    func bucketBounds() {
        var rng = SplitMix64(seed: 5)
        for size in [0, 1, 2, 7, 12, 63, 64, 65, 200, 3_000] {
            // Lows drawn from a few values (buckets of many documents), .max among them.
            let lows: [UInt32] = [0, 1, 7, 8, 1 << 20, .max - 1, .max]
            var pairs = (0..<size).map { _ in
                // Documents 0 and UInt32.max too: the pairs next to a bucket's bounds.
                PostingKey.pair(low: lows[rng.below(lows.count)], document: [0, .max, UInt32(truncatingIfNeeded: rng.next())][rng.below(3)])
            }
            pairs.sort()
            // Padding on both sides: the group is a range inside all pairs.
            let all = [0] + pairs + [UInt64.max]
            let group = 1..<(1 + size)
            all.withUnsafeBufferPointer { buffer in
                for low in lows + [2, 9, 1 << 21] {
                    let lowOf = { (i: Int) in UInt32(truncatingIfNeeded: buffer[i] >> 32) }
                    let inBucket = group.filter { lowOf($0) == low }
                    // Where the bucket is, or would be: after every pair of a smaller low.
                    let start = group.lowerBound + group.count { lowOf($0) < low }
                    if let first = inBucket.first { #expect(first == start && inBucket.last == start + inBucket.count - 1) }
                    for linear in [0, 64, 10_000] {
                        let found = PostingSnapshot.bucket(buffer, group, low, linearUpTo: linear)
                        #expect(found == (start, start + inBucket.count), "size \(size), low \(low), linear up to \(linear)")
                    }
                }
            }
        }
    }

    @Test("searched from an interpolated guess, every bucket of evenly and unevenly spread lows is found, and every gap between them")
    func interpolatedSearch() {
        var rng = SplitMix64(seed: 11)
        for (size, spread) in [(2, 0), (3, 1), (65, 0), (120, 0), (120, 1), (500, 0), (500, 1), (1_500, 1)] {
            // Even: lows of a hash (a few repeated); uneven: most pairs at the group's two ends.
            var lows: [UInt32] = (0..<size).map { _ in
                let r = UInt32(truncatingIfNeeded: rng.next())
                return spread == 0 ? r : (rng.below(8) == 0 ? r : (rng.below(2) == 0 ? r % 64 : UInt32.max - r % 64))
            }
            for n in stride(from: 0, to: size, by: 7) { lows.append(lows[n]) }
            let pairs = lows.map { PostingKey.pair(low: $0, document: UInt32(truncatingIfNeeded: rng.next())) }.sorted()
            let all = [0] + pairs + [UInt64.max]
            let group = 1..<(1 + pairs.count)
            all.withUnsafeBufferPointer { buffer in
                let lowOf = { (i: Int) in UInt32(truncatingIfNeeded: buffer[i] >> 32) }
                // Every low present, its neighbours (absent, mostly), and the extremes.
                let probes = Set(lows.flatMap { [$0, $0 &+ 1, $0 &- 1] } + [0, .max])
                for low in probes {
                    let start = group.lowerBound + group.count { lowOf($0) < low }
                    let end = group.lowerBound + group.count { lowOf($0) <= low }
                    let found = PostingSnapshot.bucket(buffer, group, low, linearUpTo: 0)
                    if found != (start, end) { Issue.record("size \(size), spread \(spread), low \(low): \(found) instead of \((start, end))") }
                }
            }
        }
    }
}
