import Foundation

/// Every posting of an index, read once into memory and shared, read-only, by any number of
/// threads.
///
/// Made for scans of many suspects: reading the rows of a suspect's ≈ 300 keys from SQLite
/// costs milliseconds per suspect, while reading all rows once costs about as much as a few
/// dozen suspects (≈ 8 bytes of memory per posting: ≈ 85 MB for 100,000 articles). A check of
/// one article should keep using `CorpusIndex.candidates`, which reads only its own rows.
///
/// `candidates(for:maxBucketSize:limit:)` returns exactly what the index's method of the same
/// name returns for the index as it was when the snapshot was taken.
public final class PostingSnapshot: Sendable {
    /// Postings grouped by key (`PostingDirectory`), each group sorted by (low, document): loaded from
    /// SQLite, or a mapped `PostingMap` file.
    private let memory: PostingMemory
    private let scratch = ScratchPool()

    init(_ memory: PostingMemory) {
        self.memory = memory
    }

    public var postingCount: Int { memory.pairs.count }

    /// Whether the postings are a mapped `PostingMap` file (no load, pages shared) rather than
    /// read into memory.
    public var isMapped: Bool { memory.isMapped }

    /// Approximate memory held, in bytes (for a mapped file: what it could take at most).
    public var memoryBytes: Int { (memory.pairs.count + memory.offsets.count) * 8 }

    /// Documents sharing at least one band key with `keys`, ranked as
    /// `CorpusIndex.candidates(for:maxBucketSize:rareBucketSize:limit:)` ranks them.
    public func candidates(for keys: [UInt64], maxBucketSize: Int = 2_000, rareBucketSize: Int = 20,
                           limit: Int = .max) -> [Candidate] {
        candidates(for: QueryKeys(keys), maxBucketSize: maxBucketSize, rareBucketSize: rareBucketSize, limit: limit)
    }

    public func candidates(for query: QueryKeys, maxBucketSize: Int = 2_000, rareBucketSize: Int = 20,
                           limit: Int = .max, minScore: Int = 1) -> [Candidate] {
        let tally = scratch.take()
        defer { scratch.give(tally) }
        tally.start(documentLimit: memory.documentLimit, minScore: minScore)
        let all = memory.pairs, offsets = memory.offsets
        let keys = query.keys, count = keys.count
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: max(1, count)) { groups in
            // Three passes instead of one per key: every key's directory entries, then the
            // first pair of every group, then the searches. A key's loads hit lines no other key
            // touches (≈ 300 keys spread over an 8 MB directory and a 111 MB map), and in one
            // loop per key each miss waited for the one before; in passes of independent loads
            // the processor overlaps them.
            for n in 0..<count {
                let group = PostingDirectory.group(keys[n])
                // Offsets ascend and end at the pair count (checked when a map is opened).
                groups[n] = Int(offsets[group])..<Int(offsets[group + 1])
            }
            // The first and last pair of every group: a group (≈ 12 pairs at 100,000 articles)
            // spans two or three cache lines, and a search that waited for the second was ≈ 45%
            // of this function's time (perf annotate).
            var touched: UInt64 = 0
            for n in 0..<count where !groups[n].isEmpty { touched &+= all[groups[n].lowerBound] &+ all[groups[n].upperBound - 1] }
            tally.touch(touched)
            // Each key's bucket (empty when too common to count); then the buckets that need
            // only be probed for the documents the others hold (`TallyScratch.probed`).
            for n in 0..<count {
                let (start, end) = Self.bucket(all, groups[n], PostingKey.low(keys[n]))
                groups[n] = end - start <= maxBucketSize ? start..<end : start..<start
            }
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, count)) { sizes in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, count)) { probed in
                    for n in 0..<count { sizes[n] = groups[n].count }
                    let probed = UnsafeMutableBufferPointer(rebasing: probed[0..<count])
                    if tally.keepsScores {
                        TallyScratch.probed(sizes: UnsafeBufferPointer(rebasing: sizes[0..<count]), rareBucketSize: rareBucketSize,
                                            minScore: minScore, into: probed)
                    } else {
                        for n in 0..<count { probed[n] = false }
                    }
                    for (n, windows) in query.windows.enumerated() where !probed[n] && !groups[n].isEmpty {
                        tally.add(pairs: UnsafeBufferPointer(rebasing: all[groups[n]]), rare: groups[n].count <= rareBucketSize, windows: windows)
                    }
                    guard probed.contains(true) else { return tally.ranked(limit: limit) }
                    tally.scoreAdded()
                    for (n, windows) in query.windows.enumerated() where probed[n] {
                        tally.probe(pairs: UnsafeBufferPointer(rebasing: all[groups[n]]), rare: groups[n].count <= rareBucketSize, windows: windows)
                    }
                    return tally.ranked(limit: limit)
                }
            }
        }
    }

    /// Where the pairs of key `low` lie in `group`. A small group is counted through without a
    /// branch — how many pairs lie below the bucket and below its end, a pass the processor
    /// runs ahead of — where a binary search stalls on each load; a large one is searched.
    @inline(__always)
    static func bucket(_ all: UnsafeBufferPointer<UInt64>, _ group: Range<Int>, _ low: UInt32, linearUpTo: Int = 64) -> (Int, Int) {
        let first = PostingKey.pair(low: low, document: 0)
        if group.count <= linearUpTo {
            // The pair after the bucket's last: the next key's first, or past every pair.
            let last = low == .max ? UInt64.max : PostingKey.pair(low: low + 1, document: 0)
            var below = 0, before = 0
            for i in group {
                let pair = all[i]
                below &+= pair < first ? 1 : 0
                before &+= pair < last ? 1 : 0
            }
            return (group.lowerBound + below, low == .max ? group.upperBound : group.lowerBound + before)
        }
        let start = interpolatedLowerBound(all, group.lowerBound, group.upperBound, first)
        let end = low == .max ? group.upperBound : gallop(all, start, group.upperBound, PostingKey.pair(low: low + 1, document: 0))
        return (start, end)
    }

    /// `lowerBound`, starting from where `value` would lie if the pairs were spread evenly
    /// between the first and the last: a key's low bits are hash bits, so they nearly are,
    /// and the search ends a few pairs from its first load. (A binary search in the groups of
    /// a 1,000,000-article map, ≈ 120 pairs over 16 cache lines, missed the cache at nearly
    /// every step: perf put two thirds of the lookup function's own samples on its compares.)
    private static func interpolatedLowerBound(_ all: UnsafeBufferPointer<UInt64>, _ from: Int, _ to: Int, _ value: UInt64) -> Int {
        guard from < to else { return from }
        let lowest = all[from], highest = all[to - 1]
        if value <= lowest { return from }
        if value > highest { return to }
        // lowest < value <= highest: the answer, and the guess, lie in from + 1 ..< to.
        let fraction = Double(value - lowest) / Double(highest - lowest)
        let guess = min(to - 1, max(from + 1, from + Int(fraction * Double(to - from - 1))))
        if all[guess] < value { return gallop(all, guess + 1, to, value) }
        // Backwards, by doubling steps, to a pair below `value` (`all[from]` is one).
        var hi = guess, step = 1
        var lo = max(from, guess - step)
        while lo > from && all[lo] >= value {
            hi = lo
            step <<= 1
            lo = max(from, lo - step)
        }
        return lowerBound(all, lo, hi, value)
    }

    /// The first position from `from` whose pair is not below `value`, found by doubling steps
    /// and then a binary search: a bucket's end is usually a few pairs away, in lines the
    /// search for its start already read.
    private static func gallop(_ all: UnsafeBufferPointer<UInt64>, _ from: Int, _ to: Int, _ value: UInt64) -> Int {
        var lo = from, hi = from, step = 1
        while hi < to && all[hi] < value {
            lo = hi + 1
            hi = min(to, hi + step)
            step <<= 1
        }
        return lowerBound(all, lo, hi, value)
    }

    private static func lowerBound(_ all: UnsafeBufferPointer<UInt64>, _ from: Int, _ to: Int, _ value: UInt64) -> Int {
        var lo = from, hi = to
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Counters for concurrent queries: each query takes a scratch and gives it back, so threads
/// never share one. Unchecked Sendable: `free` is touched only under `lock`.
private final class ScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [TallyScratch] = []

    func take() -> TallyScratch {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? TallyScratch()
    }

    func give(_ scratch: TallyScratch) {
        lock.lock()
        free.append(scratch)
        lock.unlock()
    }
}
