/// A document that shares band keys with a query.
public struct Candidate: Sendable, Hashable {
    public var document: Int
    public var sharedKeys: Int
    /// Shared keys whose bucket is rare (see `CorpusIndex.candidates(for:maxBucketSize:rareBucketSize:limit:)`).
    public var rareKeys: Int

    /// The rank of a candidate: rare keys count twice.
    public var score: Int { sharedKeys + rareKeys }

    public init(document: Int, sharedKeys: Int, rareKeys: Int = 0) {
        self.document = document
        self.sharedKeys = sharedKeys
        self.rareKeys = rareKeys
    }
}

/// Per-document counters, reused from query to query: all zero between queries.
///
/// A suspect of the benchmark corpus hits ≈ 13,000 documents through ≈ 300 keys; counting in a
/// dictionary cost ≈ 3 ms a suspect, an array indexed by document number a fraction of it.
final class TallyScratch {
    private(set) var counts: [UInt32] = []
    fileprivate(set) var touched: [UInt32] = []
    /// Document numbers at or above this are not in the index (only a damaged row could hold
    /// one): they are ignored rather than grow the counters without bound.
    var documentLimit = 0

    /// Counts one more shared key for `document`; rare keys are also counted in the high half.
    /// (A query has a few hundred keys, far below 2¹⁶.)
    @inline(__always) func add(_ document: UInt32, rare: Bool) {
        let d = Int(document)
        guard d < documentLimit else { return }
        if d >= counts.count { counts.append(contentsOf: repeatElement(0, count: max(d + 1 - counts.count, counts.count))) }
        if counts[d] == 0 { touched.append(document) }
        counts[d] &+= rare ? 0x1_0001 : 1
    }

    @inline(__always) private func score(_ d: UInt32) -> UInt32 {
        let c = counts[Int(d)]
        return (c & 0xFFFF) + (c >> 16)
    }

    /// The best `limit` documents, highest score (shared keys, rare ones twice) first, then the
    /// lower document number; the counters are zero again afterwards.
    func ranked(limit: Int) -> [Candidate] {
        defer {
            for d in touched { counts[Int(d)] = 0 }
            touched.removeAll(keepingCapacity: true)
        }
        // Only the best `limit` are wanted: find the smallest key count that still makes the cut
        // from a histogram, and sort just those.
        var cut: UInt32 = 1
        if touched.count > limit {
            var most: UInt32 = 0
            for d in touched { most = max(most, score(d)) }
            var histogram = [Int](repeating: 0, count: Int(most) + 1)
            for d in touched { histogram[Int(score(d))] += 1 }
            var taken = 0
            var count = Int(most)
            while count >= 1 {
                taken += histogram[count]
                cut = UInt32(count)
                if taken >= limit { break }
                count -= 1
            }
        }
        var out: [Candidate] = []
        for d in touched where score(d) >= cut {
            let c = counts[Int(d)]
            out.append(Candidate(document: Int(d), sharedKeys: Int(c & 0xFFFF), rareKeys: Int(c >> 16)))
        }
        out.sort { ($0.score, -$0.document) > ($1.score, -$1.document) }
        return Array(out.prefix(limit))
    }
}

/// The keys a query matches on.
enum QueryKeys {
    /// The distinct 48-bit keys, ascending (rows are then read in key order, walking each B-tree
    /// in one direction).
    static func distinct(_ keys: [UInt64]) -> [UInt64] {
        var matched = keys.map { $0 & ~0xFFFF }
        matched.sort()
        var out: [UInt64] = []
        out.reserveCapacity(matched.count)
        for k in matched where k != out.last { out.append(k) }
        return out
    }
}
