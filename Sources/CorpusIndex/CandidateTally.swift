import Fingerprinting
import Foundation

/// A document that shares band keys with a query.
public struct Candidate: Sendable, Hashable {
    public var document: Int
    public var sharedKeys: Int
    /// Shared keys whose bucket is rare (see `CorpusIndex.candidates(for:maxBucketSize:rareBucketSize:limit:)`).
    public var rareKeys: Int

    /// Query windows of which the document holds at least two band keys (windows are told
    /// apart modulo 64: a long query may take two keys of windows 64 apart for one close
    /// window, or count two close windows as one, but never misses that some window is
    /// close, which is what the scanner's rule asks). One shared band
    /// needs a window pair of Jaccard ≈ J² per band, which shared stock phrases reach by
    /// chance across many windows; two bands of one window need a pair far closer than that.
    public var closeWindows: Int

    /// The rank of a candidate: rare keys count twice.
    public var score: Int { sharedKeys + rareKeys }

    public init(document: Int, sharedKeys: Int, rareKeys: Int = 0, closeWindows: Int = 0) {
        self.document = document
        self.sharedKeys = sharedKeys
        self.rareKeys = rareKeys
        self.closeWindows = closeWindows
    }
}

/// A query's postings, counted per document: reused from query to query, empty between them.
///
/// A suspect of the benchmark corpus hits ≈ 3,700 documents through the postings of ≈ 300
/// keys. Counters indexed by document number (24 bytes each: 2.4 MB at 100,000 documents, 24 MB
/// at 1,000,000) missed the cache on nearly every posting — perf put half of the candidate
/// lookup on that one load. The postings are instead written one after another as (document,
/// key) and put in document order by a radix sort, then counted run by run: every access is
/// sequential, and the cost no longer depends on the number of documents in the index.
final class TallyScratch {
    /// What each key added: its increment (1, or 1 + 2¹⁶ for a rare key: shared keys in the
    /// low half of a count, rare ones in the high half) and its query windows.
    private var keyIncrements: [UInt32] = []
    private var keyWindows: [UInt64] = []
    /// document << 32 | the key's slot in the two arrays above.
    private var postings = Buffer()
    private var sorted = Buffer()
    /// Per document, its score so far, saturating (`keepScoring`); all zero between queries.
    private var scores: UnsafeMutablePointer<UInt8>?
    private var scoresCount = 0
    /// Document numbers at or above this are not in the index (only a damaged row could hold
    /// one): they are ignored.
    private(set) var documentLimit = 0
    /// The query's lowest score worth ranking.
    private var floor: UInt32 = 1
    /// Whether `scores` holds the scores of the postings added so far (`scoreAdded`).
    private var scored = false
    /// Where a query's prefetching loads go, so the optimiser keeps them.
    private var touched: UInt64 = 0

    func touch(_ value: UInt64) { touched &+= value }

    /// A growable block of UInt64, kept between queries.
    private struct Buffer {
        var base = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        var capacity = 1
        var count = 0

        mutating func reserve(_ more: Int) {
            guard count + more > capacity else { return }
            let newCapacity = max(count + more, capacity * 2)
            let grown = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
    }

    deinit {
        postings.base.deallocate()
        sorted.base.deallocate()
        scores?.deallocate()
    }

    /// Starts a query of an index of `documentLimit` document numbers whose candidates must
    /// score at least `minScore`. What a query that failed part way (a damaged row) left
    /// behind is dropped: counted into the next query, it would change its ranking.
    func start(documentLimit: Int, minScore: Int) {
        clear()
        self.documentLimit = max(0, documentLimit)
        floor = UInt32(clamping: max(1, minScore))
    }

    private func clear() {
        postings.count = 0
        keyIncrements.removeAll(keepingCapacity: true)
        keyWindows.removeAll(keepingCapacity: true)
        if scored, let scores {
            // A query that failed between `scoreAdded` and `ranked` left scores behind.
            scores.update(repeating: 0, count: scoresCount)
        }
        scored = false
    }

    /// Whether scores can be kept a byte per document, for the floor and `probe`. (Beyond 2²⁴
    /// documents the bytes would no longer be cheap to keep per thread.)
    var keepsScores: Bool { floor <= UInt32(UInt8.max) && documentLimit > 0 && documentLimit <= 1 << 24 }

    /// Which of a query's buckets (`sizes[n]` documents each) need only be probed (`probe`)
    /// rather than added: a document found in no other bucket must score below `minScore`, so
    /// the probed buckets are at most `minScore` − 1 of the largest, none rare (a rare key
    /// scores two). Most of a suspect's postings lie in a few large buckets: on the benchmark's
    /// 1M index the largest three held 27% of them, on the 100k index 49%.
    static func probed(sizes: UnsafeBufferPointer<Int>, rareBucketSize: Int, minScore: Int, into probed: UnsafeMutableBufferPointer<Bool>) {
        for n in probed.indices { probed[n] = false }
        let most = min(max(0, minScore - 1), sizes.count)
        guard most > 0 else { return }
        // The `most` largest, by insertion: `most` is a few keys.
        var largest: [Int] = []
        largest.reserveCapacity(most + 1)
        for n in 0..<min(sizes.count, probed.count) where sizes[n] > max(0, rareBucketSize) {
            guard largest.count < most || sizes[n] > sizes[largest[largest.count - 1]] else { continue }
            var at = largest.count
            while at > 0 && sizes[largest[at - 1]] < sizes[n] { at -= 1 }
            largest.insert(n, at: at)
            if largest.count > most { largest.removeLast() }
        }
        for n in largest { probed[n] = true }
    }

    /// The slot of a key adding `increment` from `windows`: the last one again when the same
    /// key adds posting after posting.
    @inline(__always) private func slot(_ increment: UInt32, _ windows: UInt64) -> UInt64 {
        if let last = keyIncrements.last, last == increment, keyWindows.last == windows { return UInt64(keyIncrements.count - 1) }
        keyIncrements.append(increment)
        keyWindows.append(windows)
        return UInt64(keyIncrements.count - 1)
    }

    /// Counts one more shared key for `document`, coming from the query `windows`.
    @inline(__always) func add(_ document: UInt32, rare: Bool, windows: UInt64) {
        withUnsafePointer(to: UInt64(document)) {
            add(pairs: UnsafeBufferPointer(start: $0, count: 1), rare: rare, windows: windows)
        }
    }

    /// `add` for every posting of a bucket (`pairs`: document in the low 32 bits).
    func add(pairs: UnsafeBufferPointer<UInt64>, rare: Bool, windows: UInt64) {
        guard !pairs.isEmpty else { return }
        let key = slot(rare ? 0x1_0001 : 1, windows)
        postings.reserve(pairs.count)
        let limit = UInt64(max(0, documentLimit))
        var out = postings.base + postings.count
        for pair in pairs {
            let d = pair & 0xFFFF_FFFF
            out.pointee = d << 32 | key
            // Written always, kept only when in the index: no branch to mispredict.
            out += d < limit ? 1 : 0
        }
        postings.count = out - postings.base
    }

    /// Scores the documents of the postings added so far, so that `probe` can tell them; only
    /// when `keepsScores`.
    func scoreAdded() {
        guard keepsScores, !scored else { return }
        ensureScores()
        guard let scores else { return }
        scoreEach(UnsafeBufferPointer(start: postings.base, count: postings.count), into: scores)
        scored = true
    }

    /// `add` for the postings of a bucket whose documents a bucket added before `scoreAdded`
    /// holds; the others are left out (`probed` says when that changes nothing). Only a load
    /// of the document's score for each of those: most are not candidates.
    func probe(pairs: UnsafeBufferPointer<UInt64>, rare: Bool, windows: UInt64) {
        guard scored, let scores, !pairs.isEmpty else { return }
        let increment: UInt32 = rare ? 0x1_0001 : 1
        let added = (increment & 0xFFFF) + (increment >> 16)
        let floor = self.floor, cap = UInt8(floor)
        var key: UInt64?
        postings.reserve(pairs.count)
        let limit = UInt64(max(0, documentLimit))
        for pair in pairs {
            let d = pair & 0xFFFF_FFFF
            guard d < limit else { continue }
            let score = UInt32(scores[Int(d)])
            guard score != 0 else { continue }
            let slot = key ?? slot(increment, windows)
            key = slot
            postings.base[postings.count] = d << 32 | slot
            postings.count += 1
            let total = score + added
            scores[Int(d)] = total >= floor ? cap : UInt8(truncatingIfNeeded: total)
        }
    }

    /// The best `limit` documents scoring at least the floor given to `start`, highest score
    /// (shared keys, rare ones twice) first, then the lower document number; empty again
    /// afterwards.
    func ranked(limit: Int) -> [Candidate] {
        defer { clear() }
        let floor = self.floor
        if floor > 1 || scored { keepScoring(floor) }
        let n = postings.count
        guard n > 0 else { return [] }
        let inOrder = sortByDocument()

        // Runs of one document: its counts, and the windows it was seen from once and twice.
        struct Tally { var document: UInt32; var counts: UInt32; var close: UInt64 }
        var tallies: [Tally] = []
        var most: UInt32 = 0
        keyIncrements.withUnsafeBufferPointer { increments in
            keyWindows.withUnsafeBufferPointer { windows in
                var i = 0
                while i < n {
                    let document = UInt32(truncatingIfNeeded: inOrder[i] >> 32)
                    var counts: UInt32 = 0, seen: UInt64 = 0, close: UInt64 = 0
                    while i < n && UInt32(truncatingIfNeeded: inOrder[i] >> 32) == document {
                        // Slots come from `slot`: always below the arrays' count.
                        let key = Int(truncatingIfNeeded: inOrder[i] & 0xFFFF_FFFF)
                        counts &+= increments[key]
                        close |= seen & windows[key]
                        seen |= windows[key]
                        i += 1
                    }
                    let score = (counts & 0xFFFF) + (counts >> 16)
                    guard score >= floor else { continue }
                    tallies.append(Tally(document: document, counts: counts, close: close))
                    most = max(most, score)
                }
            }
        }
        // Only the best `limit` are wanted: find the smallest score that still makes the cut
        // from a histogram, and sort just those.
        var cut = floor
        if tallies.count > limit {
            var histogram = [Int](repeating: 0, count: Int(most) + 1)
            for t in tallies { histogram[Int((t.counts & 0xFFFF) + (t.counts >> 16))] += 1 }
            var taken = 0
            var count = Int(most)
            while count >= Int(floor) {
                taken += histogram[count]
                cut = UInt32(count)
                if taken >= limit { break }
                count -= 1
            }
        }
        var out: [Candidate] = []
        for t in tallies where (t.counts & 0xFFFF) + (t.counts >> 16) >= cut {
            out.append(Candidate(document: Int(t.document), sharedKeys: Int(t.counts & 0xFFFF), rareKeys: Int(t.counts >> 16),
                                 closeWindows: t.close.nonzeroBitCount))
        }
        out.sort { ($0.score, -$0.document) > ($1.score, -$1.document) }
        return Array(out.prefix(limit))
    }

    /// Leaves only the postings of documents scoring at least `floor`. Most documents share a
    /// key or two by chance (≈ 3,700 a suspect of the benchmark, a few dozen of them scoring 4
    /// or more), and sorting and counting their postings was most of the ranking: a byte per
    /// document (100 KB at 100,000 documents, within the L2 cache) scores them first, and only
    /// what passes is sorted. (Scoring each posting as `add` writes it instead, one pass fewer,
    /// was not kept: two runs of 9 alternations of `scan-profile` gave lookups of 0.080 against
    /// 0.072 ms a suspect and 0.076 against 0.076 — no gain beyond the noise, and 0.3% fewer
    /// instructions.)
    private func keepScoring(_ floor: UInt32) {
        let n = postings.count
        guard keepsScores else { return }
        guard n > 0 else { scored = false; return }
        ensureScores()
        guard let scores else { return }
        let cap = UInt8(floor)
        if !scored { scoreEach(UnsafeBufferPointer(start: postings.base, count: n), into: scores) }
        // The pass below leaves every score zero again.
        scored = false
        sorted.count = 0
        sorted.reserve(n)
        var out = sorted.base
        for p in UnsafeBufferPointer(start: postings.base, count: n) {
            out.pointee = p
            out += scores[Int(truncatingIfNeeded: p >> 32)] == cap ? 1 : 0
        }
        let kept = out - sorted.base
        for p in UnsafeBufferPointer(start: postings.base, count: n) { scores[Int(truncatingIfNeeded: p >> 32)] = 0 }
        swap(&postings, &sorted)
        postings.count = kept
    }

    private func ensureScores() {
        guard scoresCount < documentLimit else { return }
        scores?.deallocate()
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: documentLimit)
        grown.initialize(repeating: 0, count: documentLimit)
        scores = grown
        scoresCount = documentLimit
    }

    /// Adds each posting's increment to its document's score, saturating at the floor.
    private func scoreEach(_ added: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<UInt8>) {
        let floor = self.floor, cap = UInt8(floor)
        keyIncrements.withUnsafeBufferPointer { increments in
            // Documents are below `documentLimit` (`add` keeps no others), keys below the
            // increments' count (`slot`).
            for p in added {
                let d = Int(truncatingIfNeeded: p >> 32)
                let increment = increments[Int(truncatingIfNeeded: p & 0xFFFF_FFFF)]
                let score = UInt32(scores[d]) + (increment & 0xFFFF) + (increment >> 16)
                scores[d] = score >= floor ? cap : UInt8(truncatingIfNeeded: score)
            }
        }
    }

    /// The postings in order of document (LSD radix sort on the document's bits, 11 at a
    /// time; the order of one document's postings does not matter to its counts).
    private func sortByDocument() -> UnsafeMutablePointer<UInt64> {
        let n = postings.count
        sorted.count = 0
        sorted.reserve(n)
        let documentBits = max(1, UInt64.bitWidth - UInt64(max(1, documentLimit) - 1).leadingZeroBitCount)
        let digit = 11
        var from = postings.base, to = sorted.base
        var counts = [Int](repeating: 0, count: 1 << digit)
        counts.withUnsafeMutableBufferPointer { counts in
            var shift = 32
            while shift < 32 + documentBits {
                let mask = UInt64((1 << digit) - 1)
                for b in 0..<counts.count { counts[b] = 0 }
                for i in 0..<n { counts[Int((from[i] >> UInt64(shift)) & mask)] += 1 }
                var total = 0
                for b in 0..<counts.count {
                    let c = counts[b]
                    counts[b] = total
                    total += c
                }
                for i in 0..<n {
                    let v = from[i]
                    let b = Int((v >> UInt64(shift)) & mask)
                    to[counts[b]] = v
                    counts[b] += 1
                }
                swap(&from, &to)
                shift += digit
            }
        }
        return from
    }
}

/// The keys a query matches on: distinct 48-bit keys, ascending (rows are then read in key
/// order, walking each B-tree in one direction), each with the query windows it comes from.
public struct QueryKeys: Sendable {
    public private(set) var keys: [UInt64] = []
    /// `windows[n]`: bit w set when window w (mod 64) has `keys[n]` among its band keys; 0 for
    /// keys of the whole document.
    public private(set) var windows: [UInt64] = []

    /// `keys` (document keys, or any keys without windows) and `windowKeysInOrder`, every
    /// window's `bandsPerWindow` keys window after window.
    public init(_ keys: [UInt64], windowKeysInOrder: [UInt64] = [], bandsPerWindow: Int = 1) {
        let bands = max(1, bandsPerWindow)
        // A key's low 16 bits are not part of it: they carry its window (mod 64), or 64 for a
        // document key, so the tagged keys sort as plain integers.
        var tagged = keys.map { $0 & ~0xFFFF | 64 }
        tagged.reserveCapacity(keys.count + windowKeysInOrder.count)
        for (n, key) in windowKeysInOrder.enumerated() {
            tagged.append(key & ~0xFFFF | UInt64((n / bands) % 64))
        }
        // The keys' top bits are hash bits, which `KeySort` buckets on: ≈ 29,000 instructions
        // fewer a suspect's query than the standard library's sort (callgrind, of ≈ 54,000 for
        // the whole initialiser). A repeated (key, window) adds nothing.
        let distinct = tagged.withUnsafeMutableBufferPointer { KeySort.sortUnique($0) }
        self.keys.reserveCapacity(distinct)
        windows.reserveCapacity(distinct)
        for t in tagged.prefix(distinct) {
            let key = t & ~0xFFFF, tag = t & 0xFFFF
            let bit: UInt64 = tag < 64 ? 1 << tag : 0
            if key == self.keys.last {
                windows[windows.count - 1] |= bit
            } else {
                self.keys.append(key)
                windows.append(bit)
            }
        }
    }
}
