import Articles
import Foundation
import Testing
@testable import CorpusIndex
import Fingerprinting

@Suite("Close windows: query windows sharing two bands with a candidate")
struct CloseWindowsTests {
    @Test("a query's keys carry the windows they come from; document keys carry none")
    func queryKeys() {
        // Two bands a window: window 0 = keys 1, 2; window 1 = keys 2, 3; windows 2…63 = key 9
        // twice; window 64 = keys 4, 5, counted as window 0 (mod 64).
        let windowKeys: [UInt64] = [1 << 16, 2 << 16, 2 << 16, 3 << 16] + Array(repeating: 9 << 16, count: 124) + [4 << 16, 5 << 16]
        let q = QueryKeys([7 << 16 | 0xABCD, 2 << 16], windowKeysInOrder: windowKeys, bandsPerWindow: 2)
        let expected: [UInt64] = [1, 2, 3, 4, 5, 7, 9].map { $0 << 16 }
        #expect(q.keys == expected)
        let masks = Dictionary(uniqueKeysWithValues: zip(q.keys, q.windows))
        #expect(masks[1 << 16] == 1)
        #expect(masks[2 << 16] == 0b11)   // windows 0 and 1 (and a document key: no window)
        #expect(masks[3 << 16] == 0b10)
        #expect(masks[4 << 16] == 1)      // window 64
        #expect(masks[5 << 16] == 1)
        #expect(masks[7 << 16] == 0)
        #expect(masks[9 << 16] == ~UInt64(0b11))
    }

    /// Close windows written out from their definition: window classes (mod 64) of which the
    /// document holds at least two distinct keys.
    static func reference(_ query: QueryKeys, documentKeys: Set<UInt64>) -> Int {
        var held = [Int](repeating: 0, count: 64)
        for (key, windows) in zip(query.keys, query.windows) where documentKeys.contains(key) {
            for w in 0..<64 where windows & (1 << UInt64(w)) != 0 { held[w] += 1 }
        }
        return held.count { $0 >= 2 }
    }

    @Test("the index and the snapshot count close windows as the definition does")
    func againstDefinition() throws {
        let path = NSTemporaryDirectory() + "copyscan-close-\(UUID().uuidString)/index.sqlite"
        let index = try SegmentTests().build(at: path, count: 40, batchSize: 15)
        let stored = (0..<40).map { Set(index.fingerprinter.fingerprint(SegmentTests.body($0)).allKeys.map { $0 & ~0xFFFF }) }
        let snapshot = try index.postingSnapshot()
        var close = 0
        for i in stride(from: 0, to: 40, by: 3) {
            let f = index.fingerprinter.fingerprint(SegmentTests.body(i), windowStride: 25, keepWindowOrder: true)
            let query = QueryKeys(f.documentKeys, windowKeysInOrder: f.windowKeysInOrder, bandsPerWindow: index.parameters.windowBanding.bands)
            let candidates = try index.candidates(for: query)
            #expect(snapshot.candidates(for: query) == candidates)
            for c in candidates {
                let file = try index.document(c.document).file
                guard let n = Int(file.dropFirst("/archive/".count).dropLast(".txt".count)) else { Issue.record("file \(file)"); continue }
                #expect(c.closeWindows == Self.reference(query, documentKeys: stored[n]), "query \(i), document \(n)")
                close += c.closeWindows
            }
            // The query's own article: its windows at the index's stride are the same windows,
            // every other one lies three quarters inside two of them.
            let windows = min(64, f.windowKeysInOrder.count / index.parameters.windowBanding.bands)
            #expect(candidates.first?.closeWindows ?? 0 >= windows / 2, "query \(i): \(windows) windows")
        }
        #expect(close > 0)
    }
}

@Suite("Candidate counters")
struct TallyScratchTests {
    @Test("counts, rare keys and close windows per document, empty again for the next query, for small and very large indexes",
          arguments: [1_000, (1 << 26) + 10])
    func counters(documentLimit: Int) {
        let tally = TallyScratch()
        for round in 0..<2 {
            tally.start(documentLimit: documentLimit, minScore: 1)
            let far = UInt32(documentLimit - 1)
            tally.add(7, rare: false, windows: 0b01)
            tally.add(7, rare: true, windows: 0b11)
            tally.add(far, rare: false, windows: 0b10)
            tally.add(3, rare: false, windows: 0)
            [UInt64(7), UInt64(far), 1 << 32 | UInt64(far)].withUnsafeBufferPointer { tally.add(pairs: $0, rare: false, windows: 0b10) }
            tally.add(UInt32(documentLimit), rare: true, windows: 1)   // beyond the index: ignored
            let ranked = tally.ranked(limit: 10)
            #expect(ranked == [Candidate(document: Int(far), sharedKeys: 3, rareKeys: 0, closeWindows: 1),
                               Candidate(document: 7, sharedKeys: 3, rareKeys: 1, closeWindows: 2),
                               Candidate(document: 3, sharedKeys: 1, rareKeys: 0, closeWindows: 0)].sorted { ($0.score, -$0.document) > ($1.score, -$1.document) },
                    "round \(round)")
        }
    }

    @Test("a score floor leaves out exactly the documents below it, in the full ranking's order, also under a limit")
    func scoreFloor() throws {
        let (index, snapshot) = try SegmentTests.built(count: 40, batchSize: 15)
        var dropped = 0
        for i in stride(from: 0, to: 40, by: 5) {
            let query = SegmentTests.query(body: i, index.fingerprinter)
            let all = try index.candidates(for: query)
            let scores = Set(all.map(\.score)).sorted()
            // A floor in the middle of the scores seen, so that it drops some and keeps some.
            let floor = scores.isEmpty ? 2 : scores[scores.count / 2]
            for limit in [Int.max, 3] {
                let expected = Array(all.filter { $0.score >= floor }.prefix(limit))
                #expect(try index.candidates(for: query, limit: limit, minScore: floor) == expected, "query \(i), floor \(floor), limit \(limit)")
                #expect(snapshot.candidates(for: query, limit: limit, minScore: floor) == expected, "query \(i), floor \(floor), limit \(limit)")
            }
            dropped += all.count { $0.score < floor }
        }
        #expect(dropped > 0)
    }

    @Test("with a score floor, exactly the documents the full ranking scores at or above it, query after query",
          arguments: [2, 3, 4, 7, 300])
    func floorOnCounters(floor: Int) {
        let tally = TallyScratch()
        var rng = SplitMix(seed: UInt64(floor))
        for round in 0..<4 {
            // Postings as a query adds them: buckets of documents, some rare, with windows.
            var buckets: [(pairs: [UInt64], rare: Bool, windows: UInt64)] = []
            for _ in 0..<200 {
                let size = Int(rng.next() % 12) + 1
                // Few documents, so that many share several keys and some reach every floor.
                let pairs = (0..<size).map { _ in rng.next() % (round == 3 ? 5_000 : 150) }
                buckets.append((pairs, rng.next() % 5 == 0, 1 << (rng.next() % 64)))
            }
            func add() {
                for b in buckets { b.pairs.withUnsafeBufferPointer { tally.add(pairs: $0, rare: b.rare, windows: b.windows) } }
            }
            tally.start(documentLimit: 5_000, minScore: 1)
            add()
            let all = tally.ranked(limit: .max)
            tally.start(documentLimit: 5_000, minScore: floor)
            add()
            let floored = tally.ranked(limit: .max)
            #expect(floored == all.filter { $0.score >= floor }, "round \(round)")
            // A query that stopped part way (a damaged row) leaves postings and scores behind:
            // the next start clears them.
            tally.start(documentLimit: 5_000, minScore: floor)
            add()
            add()
            tally.start(documentLimit: 5_000, minScore: floor)
            add()
            #expect(tally.ranked(limit: 5) == Array(all.filter { $0.score >= floor }.prefix(5)), "round \(round)")
            // Over 150 documents the low floors keep some; over 5,000 every floor drops some.
            if round == 3 { #expect(floored.count < all.count) } else if floor <= 4 { #expect(!floored.isEmpty, "round \(round)") }
        }
    }
}

/// A small seeded generator, so that the tests' postings are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
