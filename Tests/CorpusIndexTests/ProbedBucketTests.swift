import Foundation
import Testing
@testable import CorpusIndex

/// Buckets that are only probed (`TallyScratch.probed`, `TallyScratch.probe`) must leave every
/// answer as it is when every posting is added.
@Suite("Probed buckets")
struct ProbedBucketTests {
    static func probed(_ sizes: [Int], rareBucketSize: Int, minScore: Int) -> [Bool] {
        var out = [Bool](repeating: true, count: sizes.count)
        sizes.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { TallyScratch.probed(sizes: s, rareBucketSize: rareBucketSize, minScore: minScore, into: $0) }
        }
        return out
    }

    @Test("the floor less one of the largest buckets, never a rare or empty one")
    func choice() {
        let sizes = [50, 90, 3, 40, 0, 10, 60, 90]
        // Floor 4: three of the largest (90, 90, 60).
        #expect(Self.probed(sizes, rareBucketSize: 8, minScore: 4) == [false, true, false, false, false, false, true, true])
        #expect(Self.probed(sizes, rareBucketSize: 8, minScore: 2) == [false, true, false, false, false, false, false, false])
        // Floor 1 keeps every document that shares a key: nothing may be probed.
        #expect(Self.probed(sizes, rareBucketSize: 8, minScore: 1) == [Bool](repeating: false, count: sizes.count))
        // Rare buckets score two: never probed, even when few others are left.
        #expect(Self.probed(sizes, rareBucketSize: 50, minScore: 20) == [false, true, false, false, false, false, true, true])
        #expect(Self.probed([], rareBucketSize: 8, minScore: 4) == [])
    }

    @Test("the tally's answer with probed buckets is the answer from every posting, query after query",
          arguments: [2, 3, 4, 7])
    func againstEveryPosting(floor: Int) {
        let rareBucketSize = 3
        let tally = TallyScratch()
        var rng = SplitMix(seed: 0xC0FFEE &+ UInt64(floor))
        var kept = 0, probedPostings = 0
        for round in 0..<12 {
            // Buckets as a query's keys bring them: some large, some rare, windows of a few bits,
            // over few documents (many share several keys) or more.
            let documents: UInt64 = round % 2 == 0 ? 300 : 2_000
            var buckets: [(pairs: [UInt64], windows: UInt64)] = (0..<120).map { n in
                let size = n % 9 == 0 ? Int(rng.next() % 400) + 100 : Int(rng.next() % 30) + 1
                let pairs = Set((0..<size).map { _ in rng.next() % documents }).sorted()
                var windows: UInt64 = 0
                for _ in 0..<(Int(rng.next() % 3)) { windows |= 1 << (rng.next() % 64) }
                return (pairs, windows)
            }
            // A document in exactly the `floor` largest buckets and no other: it reaches the floor
            // only if the one of them left unprobed finds it and the probes count it.
            let largest = buckets.indices.sorted { (buckets[$0].pairs.count, $1) > (buckets[$1].pairs.count, $0) }.prefix(floor)
            for n in largest { buckets[n].pairs.append(1_999) }
            let probed = Self.probed(buckets.map(\.pairs.count), rareBucketSize: rareBucketSize, minScore: floor)
            func add(_ b: (pairs: [UInt64], windows: UInt64)) {
                b.pairs.withUnsafeBufferPointer { tally.add(pairs: $0, rare: b.pairs.count <= rareBucketSize, windows: b.windows) }
            }
            for limit in [Int.max, 5] {
                tally.start(documentLimit: 2_000, minScore: floor)
                buckets.forEach(add)
                let expected = tally.ranked(limit: limit)

                // A query that stopped after scoring (a damaged row) leaves scores behind: the
                // next answer is the same.
                tally.start(documentLimit: 2_000, minScore: floor)
                buckets.forEach(add)
                tally.scoreAdded()

                tally.start(documentLimit: 2_000, minScore: floor)
                for (b, p) in zip(buckets, probed) where !p { add(b) }
                tally.scoreAdded()
                for (b, p) in zip(buckets, probed) where p {
                    b.pairs.withUnsafeBufferPointer { tally.probe(pairs: $0, rare: b.pairs.count <= rareBucketSize, windows: b.windows) }
                }
                #expect(tally.ranked(limit: limit) == expected, "floor \(floor), round \(round), limit \(limit)")
                if limit == .max { kept += expected.count }
            }
            probedPostings += zip(buckets, probed).reduce(0) { $0 + ($1.1 ? $1.0.pairs.count : 0) }
        }
        #expect(kept > 0, "some documents reach the floor")
        #expect(probedPostings > 0, "some buckets were probed")
    }

    @Test("a probed posting of a document the index does not hold (a damaged map) is ignored, as an added one is")
    func documentsBeyondTheIndex() {
        let tally = TallyScratch()
        tally.start(documentLimit: 10, minScore: 2)
        [UInt64(3), 9].withUnsafeBufferPointer { tally.add(pairs: $0, rare: false, windows: 1) }
        tally.scoreAdded()
        // Document 10 and a pair whose document is UInt32.max lie past the score array.
        [UInt64(3), 10, 0xFFFF_FFFF, 1 << 32 | 9].withUnsafeBufferPointer { tally.probe(pairs: $0, rare: false, windows: 2) }
        #expect(tally.ranked(limit: 10) == [Candidate(document: 3, sharedKeys: 2, rareKeys: 0, closeWindows: 0),
                                             Candidate(document: 9, sharedKeys: 2, rareKeys: 0, closeWindows: 0)])
    }

    @Test("the snapshot, which probes, answers as the index's rows, which it reads in full", arguments: [2, 3, 4, 6])
    func snapshotAgainstRows(floor: Int) throws {
        let (index, snapshot) = try SegmentTests.built(count: 60, batchSize: 25)
        var kept = 0
        for i in stride(from: 0, to: 60, by: 4) {
            let query = SegmentTests.query(body: i, index.fingerprinter)
            // This small index's buckets hold a few documents each: without rare buckets, the
            // largest are probed.
            for rare in [0, 2] {
                for limit in [Int.max, 3] {
                    let rows = try index.candidates(for: query, rareBucketSize: rare, limit: limit, minScore: floor)
                    #expect(snapshot.candidates(for: query, rareBucketSize: rare, limit: limit, minScore: floor) == rows,
                            "query \(i), rare buckets up to \(rare), limit \(limit)")
                    kept += rows.count
                }
            }
        }
        #expect(kept > 0)
    }
}
