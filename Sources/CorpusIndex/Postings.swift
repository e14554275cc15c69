/// Band keys as the index stores them.
///
/// A posting matches on the top 48 bits of a key: the top 16 pick a *prefix*, the next 32 are
/// the posting's `low` value. The bottom 16 bits are not stored (a 48-bit match is already
/// one in 2⁴⁸ by chance).
enum PostingKey {
    static func low(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 16) }
    static func prefix(_ key: UInt64) -> Int { Int(key >> 48) }
    /// (low << 32 | document): sorting these sorts a prefix's postings by key, then document.
    static func pair(low: UInt32, document: UInt32) -> UInt64 { UInt64(low) << 32 | UInt64(document) }
    static let prefixCount = 1 << 16
}

/// Postings grouped by 16-bit prefix, each group sorted by (low, document) and without repeats.
/// Built in linear time by a counting sort on the prefix, then a sort of each small group.
struct PostingGroups {
    private(set) var offsets: [Int]
    private(set) var pairs: [UInt64]

    init(keys: [UInt64], documents: [UInt32]) {
        var offsets = [Int](repeating: 0, count: PostingKey.prefixCount + 1)
        for key in keys { offsets[PostingKey.prefix(key) + 1] += 1 }
        for p in 0..<PostingKey.prefixCount { offsets[p + 1] += offsets[p] }
        var cursor = offsets
        var pairs = [UInt64](repeating: 0, count: keys.count)
        for (i, key) in keys.enumerated() {
            let p = PostingKey.prefix(key)
            pairs[cursor[p]] = PostingKey.pair(low: PostingKey.low(key), document: documents[i])
            cursor[p] += 1
        }
        self.offsets = offsets
        self.pairs = pairs
        sortAndDeduplicate()
    }

    /// Groups already laid out by prefix (`offsets` has prefixCount + 1 entries); `sorted` when
    /// each group is known to be sorted and without repeats.
    init(offsets: [Int], pairs: [UInt64], sorted: Bool) {
        self.offsets = offsets
        self.pairs = pairs
        if !sorted { sortAndDeduplicate() }
    }

    var count: Int { pairs.count }

    func group(_ prefix: Int) -> ArraySlice<UInt64> { pairs[offsets[prefix]..<offsets[prefix + 1]] }

    private mutating func sortAndDeduplicate() {
        var write = 0
        var newOffsets = [Int](repeating: 0, count: offsets.count)
        pairs.withUnsafeMutableBufferPointer { all in
            for p in 0..<PostingKey.prefixCount {
                let lo = offsets[p], hi = offsets[p + 1]
                newOffsets[p] = write
                guard hi > lo else { continue }
                var group = UnsafeMutableBufferPointer(rebasing: all[lo..<hi])
                group.sort()
                var last: UInt64?
                for i in lo..<hi where all[i] != last {
                    last = all[i]
                    all[write] = all[i]
                    write += 1
                }
            }
        }
        newOffsets[PostingKey.prefixCount] = write
        pairs.removeLast(pairs.count - write)
        offsets = newOffsets
    }
}

/// A stored row of postings: little-endian (low, document) UInt32 pairs sorted by low, then
/// document, without repeats.
struct PostingBlob {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var count: Int { bytes.count / 8 }
    func low(at i: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt32.self)) }
    func document(at i: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8 + 4, as: UInt32.self)) }
    func pair(at i: Int) -> UInt64 { PostingKey.pair(low: low(at: i), document: document(at: i)) }

    static func encode(_ sortedUniquePairs: ArraySlice<UInt64>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: sortedUniquePairs.count * 8) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var offset = 0
            for p in sortedUniquePairs {
                raw.storeBytes(of: UInt32(truncatingIfNeeded: p >> 32).littleEndian, toByteOffset: offset, as: UInt32.self)
                raw.storeBytes(of: UInt32(truncatingIfNeeded: p).littleEndian, toByteOffset: offset + 4, as: UInt32.self)
                offset += 8
            }
            initialized = offset
        }
    }

    /// The entries whose low value equals `low` (binary search).
    func range(of low: UInt32) -> Range<Int> {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.low(at: mid) < low { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < count && self.low(at: end) == low { end += 1 }
        return lo..<end
    }
}

/// One immutable run of postings, written by one transaction or by one merge of others.
///
/// A segment's rows are keyed `id << 32 | rowPrefix`, where `rowPrefix` is the key's top `bits`
/// bits (16…32). A segment chooses `bits` from its size so that its rows hold about
/// `targetRowPostings` postings whatever the size of the index: a query reads one small row per
/// key and segment, so its cost does not grow with the corpus.
struct Segment: Sendable, Hashable {
    var id: Int64
    var bits: Int
    var postings: Int

    static let targetRowPostings = 128

    static func bits(forPostings n: Int) -> Int {
        var bits = 16
        while bits < 32 && (n >> bits) > targetRowPostings { bits += 1 }
        return bits
    }

    /// Bits of `low` that the row prefix holds below the 16-bit prefix.
    var subBits: Int { bits - 16 }
    var firstRow: Int64 { id << 32 }
    var lastRow: Int64 { id << 32 | 0xFFFF_FFFF }

    func row(of key: UInt64) -> Int64 { id << 32 | Int64(key >> UInt64(64 - bits)) }

    /// The row of a posting given by its 16-bit prefix and low value.
    func row(prefix: Int, low: UInt32) -> Int64 {
        let sub = subBits == 0 ? 0 : Int64(low >> UInt32(32 - subBits))
        return id << 32 | Int64(prefix) << Int64(subBits) | sub
    }

    /// The 16-bit prefix that a row of this segment belongs to.
    func prefix(ofRow row: Int64) -> Int { Int((row & 0xFFFF_FFFF) >> Int64(subBits)) }
}
