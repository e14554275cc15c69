import Fingerprinting

/// Exact verification and passage alignment between two fingerprinted texts.
///
/// Seeds are shingles the two texts share; seeds that follow each other on both sides within
/// `maxGap` normalised characters, without the two sides drifting apart by more than `maxDrift`,
/// are chained into one passage, so a changed particle or word inside a copied paragraph does
/// not split it. A chain is a passage only when it is at least `minPassageLength` long and its
/// seeds cover at least `minDensity` of it: shared names and stock phrases scattered through two
/// unrelated articles do not add up to one.
public struct Aligner: Sendable {
    public var maxGap: Int
    public var maxDrift: Int
    public var minPassageLength: Int
    public var minDensity: Double
    /// Chains shorter than this are not even fragments of a passage.
    public var minFragmentLength: Int
    /// How far apart in the source fragments may lie and still be one (reordered) passage.
    public var reorderReach: Int
    /// Shingles occurring more often than this in the source are not used as seeds.
    public var maxRepeats: Int

    public init(maxGap: Int = 30, maxDrift: Int = 12, minPassageLength: Int = 50, minDensity: Double = 0.5,
                minFragmentLength: Int = 20, reorderReach: Int = 100, maxRepeats: Int = 8) {
        self.minFragmentLength = minFragmentLength
        self.reorderReach = reorderReach
        self.maxGap = maxGap
        self.maxDrift = maxDrift
        self.minPassageLength = minPassageLength
        self.minDensity = minDensity
        self.maxRepeats = maxRepeats
    }

    public func align(suspect: Fingerprint, source: Fingerprint) -> AlignmentResult {
        align(PreparedSuspect(suspect), source: source)
    }

    /// Aligns one suspect with many sources: the suspect's shingle positions are looked up once
    /// per suspect, and each source costs one pass over its shingles.
    public func align(_ prepared: PreparedSuspect, source: Fingerprint) -> AlignmentResult {
        align(prepared, source: source, scratch: AlignmentScratch())
    }

    /// `align`, with working memory kept from call to call on this thread.
    public func align(_ prepared: PreparedSuspect, source: Fingerprint, scratch: AlignmentScratch) -> AlignmentResult {
        let suspect = prepared.fingerprint
        let k = max(1, suspect.shingleLength)
        guard !suspect.shingles.isEmpty, !source.shingles.isEmpty else { return .none }

        let seeds = self.seeds(prepared, source: source, scratch: scratch)
        // Too few seeds for even one fragment: nothing to report.
        guard seeds.count >= max(1, minFragmentLength - k + 1) else { return .none }
        let closed = chains(seeds, sourceCount: source.shingles.count, scratch: scratch)

        // Dense chains are fragments; fragments next to each other in the suspect whose sources
        // lie near each other form one passage, so reordered sentences stay one passage.
        var fragments: [(s: Range<Int>, t: Range<Int>, seeds: Int)] = []
        for c in closed {
            let sRange = c.firstI..<min(suspect.normalized.count, c.lastI + k)
            let tRange = c.firstJ..<min(source.normalized.count, c.lastJ + k)
            guard sRange.count >= minFragmentLength, tRange.count >= minFragmentLength,
                  Double(c.seeds + k - 1) >= minDensity * Double(min(sRange.count, tRange.count)) else { continue }
            fragments.append((sRange, tRange, c.seeds))
        }
        fragments.sort { ($0.s.lowerBound, $0.t.lowerBound) < ($1.s.lowerBound, $1.t.lowerBound) }
        var clusters: [(s: Range<Int>, t: Range<Int>, seeds: Int, covered: Int, members: [Int])] = []
        for (n, f) in fragments.enumerated() {
            if let last = clusters.last,
               f.s.lowerBound - last.s.upperBound <= 2 * maxGap,
               f.t.lowerBound >= last.t.lowerBound - reorderReach, f.t.upperBound <= last.t.upperBound + reorderReach {
                let overlap = max(0, last.s.upperBound - f.s.lowerBound)
                clusters[clusters.count - 1] = (min(last.s.lowerBound, f.s.lowerBound)..<max(last.s.upperBound, f.s.upperBound),
                                                min(last.t.lowerBound, f.t.lowerBound)..<max(last.t.upperBound, f.t.upperBound),
                                                last.seeds + f.seeds, last.covered + f.s.count - min(overlap, f.s.count),
                                                last.members + [n])
            } else {
                clusters.append((f.s, f.t, f.seeds, f.s.count, [n]))
            }
        }
        var passages: [Passage] = []
        func add(_ s: Range<Int>, _ t: Range<Int>, _ seeds: Int) {
            passages.append(Passage(suspect: suspect.normalized.originalRange(of: s),
                                    source: source.normalized.originalRange(of: t),
                                    suspectNormalized: s, sourceNormalized: t, sharedShingles: seeds))
        }
        for c in clusters {
            // Reordered text spans about as much of the source as of the suspect; fragments
            // gathered from all over a source (shared stock sentences) do not, and then only
            // fragments long enough on their own count.
            let balanced = c.t.count <= c.s.count * 3 / 2 + maxGap && c.s.count <= c.t.count * 3 / 2 + maxGap
            if balanced || c.members.count == 1 {
                if c.covered >= minPassageLength && c.t.count >= minPassageLength { add(c.s, c.t, c.seeds) }
            } else {
                for n in c.members where fragments[n].s.count >= minPassageLength && fragments[n].t.count >= minPassageLength {
                    add(fragments[n].s, fragments[n].t, fragments[n].seeds)
                }
            }
        }
        passages = Aligner.mergeOverlapping(passages, suspect: suspect, source: source)

        // No passage, nothing to report: the set similarity is not worth computing.
        guard !passages.isEmpty else { return .none }
        let suspectCovered = Aligner.unionLength(passages.map(\.suspectNormalized))
        let sourceCovered = Aligner.unionLength(passages.map(\.sourceNormalized))
        let copied = Aligner.unionLength(passages.map(\.suspect))
        return AlignmentResult(
            passages: passages,
            containment: Double(suspectCovered) / Double(max(1, suspect.normalized.count)),
            coverage: Double(sourceCovered) / Double(max(1, source.normalized.count)),
            jaccard: prepared.jaccard(with: source.shingles),
            copiedCharacters: copied)
    }

    /// Passages overlapping on both sides are one passage (repeated text, crossing chains).
    static func mergeOverlapping(_ passages: [Passage], suspect: Fingerprint, source: Fingerprint) -> [Passage] {
        var sorted = passages.sorted { ($0.suspectNormalized.lowerBound, $0.sourceNormalized.lowerBound) < ($1.suspectNormalized.lowerBound, $1.sourceNormalized.lowerBound) }
        var out: [Passage] = []
        while !sorted.isEmpty {
            var p = sorted.removeFirst()
            var i = 0
            while i < sorted.count {
                let q = sorted[i]
                if q.suspectNormalized.overlaps(p.suspectNormalized) && q.sourceNormalized.overlaps(p.sourceNormalized) {
                    let s = min(p.suspectNormalized.lowerBound, q.suspectNormalized.lowerBound)..<max(p.suspectNormalized.upperBound, q.suspectNormalized.upperBound)
                    let t = min(p.sourceNormalized.lowerBound, q.sourceNormalized.lowerBound)..<max(p.sourceNormalized.upperBound, q.sourceNormalized.upperBound)
                    p = Passage(suspect: suspect.normalized.originalRange(of: s), source: source.normalized.originalRange(of: t),
                                suspectNormalized: s, sourceNormalized: t, sharedShingles: p.sharedShingles + q.sharedShingles)
                    sorted.remove(at: i)
                    i = 0
                } else {
                    i += 1
                }
            }
            out.append(p)
        }
        return out.sorted { $0.suspect.lowerBound < $1.suspect.lowerBound }
    }

    static func unionLength(_ ranges: [Range<Int>]) -> Int {
        var total = 0
        var end = Int.min
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
            if r.lowerBound >= end {
                total += r.count
                end = r.upperBound
            } else if r.upperBound > end {
                total += r.upperBound - end
                end = r.upperBound
            }
        }
        return total
    }

    /// Exact Jaccard similarity of two shingle sets (sorted merge; no hashing).
    public static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        jaccard(distinct: uniqueSorted(a), b)
    }

    static func jaccard(distinct x: [UInt64], _ other: [UInt64]) -> Double {
        let y = uniqueSorted(other)
        guard !(x.isEmpty && y.isEmpty) else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { shared += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return Double(shared) / Double(x.count + y.count - shared)
    }

    static func uniqueSorted(_ values: [UInt64]) -> [UInt64] {
        var sorted = values
        RadixSort.sort(&sorted)
        var w = 0
        for r in sorted.indices where r == 0 || sorted[r] != sorted[r - 1] {
            sorted[w] = sorted[r]
            w += 1
        }
        sorted.removeLast(sorted.count - w)
        return sorted
    }
}

/// A suspect's shingle positions by hash, built once and used for every candidate source.
public struct PreparedSuspect: Sendable {
    public let fingerprint: Fingerprint
    let positions: ShinglePositions
    /// `next[i]`: the next position after `i` with the same shingle, or -1.
    let next: [Int32]

    /// Distinct shingles of the suspect, for exact Jaccard similarity.
    let distinctCount: Int

    public init(_ fingerprint: Fingerprint) {
        self.fingerprint = fingerprint
        var positions = ShinglePositions(capacity: fingerprint.shingles.count)
        var next = [Int32](repeating: -1, count: fingerprint.shingles.count)
        var distinct = 0
        for i in stride(from: fingerprint.shingles.count - 1, through: 0, by: -1) {
            next[i] = positions.replaceFirst(fingerprint.shingles[i], with: Int32(i))
            if next[i] < 0 { distinct += 1 }
        }
        self.positions = positions
        self.next = next
        distinctCount = distinct
    }

    /// Exact Jaccard similarity with `other`'s shingle set: its distinct shingles looked up in
    /// the suspect's table (no sort of the suspect's).
    func jaccard(with other: [UInt64]) -> Double {
        // The other's distinct shingles through a table of their own, not a sort: the radix
        // sort of every reported source's shingles was ≈ 10% of a scan's instructions.
        var seen = ShinglePositions(capacity: other.count)
        var distinct = 0, shared = 0
        for h in other where seen.replaceFirst(h, with: 0) < 0 {
            distinct += 1
            if positions.first(h) >= 0 { shared += 1 }
        }
        guard distinctCount > 0 || distinct > 0 else { return 0 }
        return Double(shared) / Double(distinctCount + distinct - shared)
    }
}

/// First position of each shingle hash: open addressing with linear probing. Shingle hashes are
/// already well mixed, so their low bits are the slot; every source shingle of every candidate
/// is looked up here, and Swift's Dictionary (SipHash, resilient generic code) cost several
/// times more per lookup.
///
/// A lookup first tests bit `key >> 49` of a 4 KB filter, which stays in the L1 cache while the
/// table does not (48 KB for an article of ≈ 2,000 shingles): most keys that are absent — two
/// thirds of the source shingles even of a same-topic candidate — cost no probe. The filter has
/// no false negatives, so the answers are the table's (one-thread scan profile: alignment of the
/// candidates without a passage 0.20 → 0.16 ms a suspect).
struct ShinglePositions: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int
    private var filter = [UInt64](repeating: 0, count: 1 << (64 - Self.filterShift - 6))
    private static let filterShift: UInt64 = 49

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The filter's word and bit for `key`; the word is below the filter's count, 2^(64 − shift − 6).
    @inline(__always)
    private static func filterSlot(_ key: UInt64) -> (word: Int, bit: UInt64) {
        let bit = Int(truncatingIfNeeded: key >> filterShift)
        return (bit >> 6, 1 << UInt64(bit & 63))
    }

    /// Sets the first position of `key` to `value` and returns the previous one (-1 if none).
    mutating func replaceFirst(_ key: UInt64, with value: Int32) -> Int32 {
        let (word, bit) = Self.filterSlot(key)
        filter[word] |= bit
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
        let previous = values[slot]
        keys[slot] = key
        values[slot] = value
        return previous
    }

    @inline(__always)
    func first(_ key: UInt64) -> Int32 {
        let (word, bit) = Self.filterSlot(key)
        return filter.withUnsafeBufferPointer { f in
            guard f[word] & bit != 0 else { return -1 }
            return keys.withUnsafeBufferPointer { k in
                values.withUnsafeBufferPointer { v in
                    var slot = Int(truncatingIfNeeded: key) & mask
                    while true {
                        let value = v[slot]
                        if value < 0 { return -1 }
                        if k[slot] == key { return value }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }
}

/// LSD radix sort of 64-bit values, a byte a pass: linear, and several times faster than the
/// standard library's stable comparison sort on the thousands of hashes an article has.
enum RadixSort {
    static func sort(_ values: inout [UInt64]) {
        guard values.count > 64 else { values.sort(); return }
        var buffer = [UInt64](repeating: 0, count: values.count)
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: 0, to: 64, by: 8) {
            for i in counts.indices { counts[i] = 0 }
            for v in values { counts[Int((v >> UInt64(shift)) & 0xFF)] += 1 }
            // A byte all values share (the high bytes of small positions) orders nothing.
            if counts.contains(values.count) { continue }
            var total = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            for v in values {
                let b = Int((v >> UInt64(shift)) & 0xFF)
                buffer[counts[b]] = v
                counts[b] += 1
            }
            swap(&values, &buffer)
        }
    }
}
