/// A document that shares band keys with a query.
public struct Candidate: Sendable, Hashable {
    public var document: Int
    public var sharedKeys: Int
}

/// Counts, per document, the query keys it shares, and ranks the result. Both ways of reading
/// postings (per key from SQLite, or from a `PostingSnapshot`) feed this one type, so they
/// return the same candidates.
struct CandidateTally {
    private var hits: [UInt32: Int] = [:]

    /// The distinct 48-bit keys a query matches on, in ascending order (rows are then read in
    /// key order, walking each B-tree in one direction).
    static func distinctKeys(_ keys: [UInt64]) -> [UInt64] {
        var matched = keys.map { $0 & ~0xFFFF }
        matched.sort()
        var out: [UInt64] = []
        out.reserveCapacity(matched.count)
        for k in matched where k != out.last { out.append(k) }
        return out
    }

    /// Records one key's postings: `documents` holds each document at most once.
    mutating func add(_ document: UInt32) { hits[document, default: 0] += 1 }

    /// The best `limit` documents, most shared keys first, then the lower document number.
    func ranked(limit: Int) -> [Candidate] {
        // Only the best `limit` are wanted: find the smallest key count that still makes the cut
        // from a histogram, and sort just those.
        var cut = 1
        if hits.count > limit {
            var histogram: [Int: Int] = [:]
            for count in hits.values { histogram[count, default: 0] += 1 }
            var taken = 0
            for count in histogram.keys.sorted(by: >) {
                taken += histogram[count] ?? 0
                cut = count
                if taken >= limit { break }
            }
        }
        var out: [Candidate] = []
        for (doc, count) in hits where count >= cut { out.append(Candidate(document: Int(doc), sharedKeys: count)) }
        out.sort { ($0.sharedKeys, -$0.document) > ($1.sharedKeys, -$1.document) }
        return Array(out.prefix(limit))
    }
}
