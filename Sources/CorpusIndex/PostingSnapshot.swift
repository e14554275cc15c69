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
                           limit: Int = .max) -> [Candidate] {
        let tally = scratch.take()
        defer { scratch.give(tally) }
        tally.documentLimit = memory.documentLimit
        let all = memory.pairs, offsets = memory.offsets
        for (key, windows) in zip(query.keys, query.windows) {
            let group = PostingDirectory.group(key)
            let low = PostingKey.low(key)
            // Offsets ascend and end at the pair count (checked when a map is opened).
            let groupEnd = Int(offsets[group + 1])
            let start = lowerBound(all, Int(offsets[group]), groupEnd, PostingKey.pair(low: low, document: 0))
            let end = low == .max ? groupEnd : gallop(all, start, groupEnd, PostingKey.pair(low: low + 1, document: 0))
            guard end - start <= maxBucketSize else { continue }
            let rare = end - start <= rareBucketSize
            tally.add(pairs: UnsafeBufferPointer(rebasing: all[start..<end]), rare: rare, windows: windows)
        }
        return tally.ranked(limit: limit)
    }

    /// The first position from `from` whose pair is not below `value`, found by doubling steps
    /// and then a binary search: a bucket's end is usually a few pairs away, in lines the
    /// search for its start already read.
    private func gallop(_ all: UnsafeBufferPointer<UInt64>, _ from: Int, _ to: Int, _ value: UInt64) -> Int {
        var lo = from, hi = from, step = 1
        while hi < to && all[hi] < value {
            lo = hi + 1
            hi = min(to, hi + step)
            step <<= 1
        }
        return lowerBound(all, lo, hi, value)
    }

    private func lowerBound(_ all: UnsafeBufferPointer<UInt64>, _ from: Int, _ to: Int, _ value: UInt64) -> Int {
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
