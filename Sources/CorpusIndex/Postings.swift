import Fingerprinting

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

    /// The postings of several groupings (of distinct documents) as one, prefix by prefix in
    /// ascending order: each prefix's sorted runs merged (two, the usual case: a new index's
    /// big segment and its last one) or sorted together, handed to `body` in a buffer reused
    /// for the next prefix. Building all of them as one array first (111 MB at 100k) cost
    /// 0.17–0.46 s of the build's serial tail in allocation, page faults and appends.
    static func forEachMergedGroup<E: Error>(_ parts: [PostingGroups],
                                             _ body: (Int, UnsafeBufferPointer<UInt64>) throws(E) -> Void) throws(E) {
        var scratch: [UInt64] = []
        for p in 0..<PostingKey.prefixCount {
            let runs = parts.map { $0.group(p) }.filter { !$0.isEmpty }
            if runs.count == 1, let run = runs.first {
                try run.withUnsafeBufferPointer { (run) throws(E) in try body(p, run) }
                continue
            }
            let total = runs.reduce(0) { $0 + $1.count }
            if scratch.count < total { scratch = [UInt64](repeating: 0, count: max(total, 2 * scratch.count)) }
            try scratch.withUnsafeMutableBufferPointer { (out) throws(E) in
                if runs.count == 2 {
                    let a = runs[0], b = runs[1]
                    var i = a.startIndex, j = b.startIndex, k = 0
                    while i < a.endIndex && j < b.endIndex {
                        let x = a[i], y = b[j]
                        out[k] = min(x, y)
                        i += x <= y ? 1 : 0
                        j += x <= y ? 0 : 1
                        k += 1
                    }
                    for x in a[i...] { out[k] = x; k += 1 }
                    for y in b[j...] { out[k] = y; k += 1 }
                } else {
                    var k = 0
                    for run in runs { for x in run { out[k] = x; k += 1 } }
                    var merged = UnsafeMutableBufferPointer(rebasing: out[0..<k])
                    merged.sort()
                }
                try body(p, UnsafeBufferPointer(rebasing: out[0..<total]))
            }
        }
    }

    func group(_ prefix: Int) -> ArraySlice<UInt64> { pairs[offsets[prefix]..<offsets[prefix + 1]] }

    private mutating func sortAndDeduplicate() {
        var write = 0
        var newOffsets = [Int](repeating: 0, count: offsets.count)
        pairs.withUnsafeMutableBufferPointer { all in
            for p in 0..<PostingKey.prefixCount {
                let lo = offsets[p], hi = offsets[p + 1]
                newOffsets[p] = write
                guard hi > lo else { continue }
                let distinct = KeySort.sortUnique(UnsafeMutableBufferPointer(rebasing: all[lo..<hi]))
                for i in lo..<(lo + distinct) {
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

    /// The entries whose low value equals `low`: both ends by binary search (a common key's
    /// postings fill most of a large row).
    func range(of low: UInt32) -> Range<Int> {
        let start = firstIndex(notBelow: low, from: 0)
        guard low < .max else { return start..<count }
        return start..<firstIndex(notBelow: low + 1, from: start)
    }

    private func firstIndex(notBelow value: UInt32, from: Int) -> Int {
        var lo = from, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if low(at: mid) < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// One immutable run of postings, written by one transaction or by one merge of others, in a
/// table of its own (`postings_<id>`): merging drops whole tables instead of deleting rows.
///
/// A row holds the postings of the keys whose top `bits` bits are the row number. A segment
/// chooses `bits` from its size so that a row holds about `targetRowPostings` postings
/// whatever the size of the index: a query reads one small row per key and segment, so its
/// cost does not grow with the corpus, and a small segment is not split into 65,536 tiny rows
/// (SQLite's cost is per row). Rows of 16 bits or more hold one prefix's (low, document)
/// pairs; a row of fewer bits holds several prefixes, found through a directory (`PostingRow`).
struct Segment: Sendable, Hashable {
    var id: Int64
    var bits: Int
    var postings: Int

    static let targetRowPostings = 256
    static let bitRange = 8...32

    static func bits(forPostings n: Int) -> Int {
        var bits = bitRange.lowerBound
        while bits < bitRange.upperBound && (n >> bits) > targetRowPostings { bits += 1 }
        return bits
    }

    var table: String { "postings_\(id)" }

    /// 16-bit prefixes per row (1 for rows of 16 bits or more).
    var prefixesPerRow: Int { bits >= 16 ? 1 : 1 << (16 - bits) }

    func row(of key: UInt64) -> Int64 { Int64(key >> UInt64(64 - bits)) }

    /// The row of a posting given by its 16-bit prefix and low value.
    func row(prefix: Int, low: UInt32) -> Int64 {
        if bits <= 16 { return Int64(prefix >> (16 - bits)) }
        let sub = bits - 16
        return Int64(prefix) << Int64(sub) | Int64(low >> UInt32(32 - sub))
    }

    /// The 16-bit prefixes whose postings a row holds (some of them, for rows of more than 16 bits).
    func prefixes(ofRow row: Int64) -> Range<Int> {
        if bits >= 16 {
            let p = Int(row >> Int64(bits - 16))
            return p..<(p + 1)
        }
        let first = Int(row) << (16 - bits)
        return first..<(first + prefixesPerRow)
    }
}

/// A stored row of a segment.
///
/// Rows of 16 bits or more are a `PostingBlob`. A row of fewer bits starts with a directory of
/// `prefixesPerRow + 1` little-endian UInt32 entry offsets, one per prefix it holds and one for
/// the end, followed by the entries of all its prefixes in order.
struct PostingRow {
    let segment: Segment
    let row: Int64
    let bytes: UnsafeRawBufferPointer

    /// The postings of `prefix`: empty when the row holds none of it, nil when the row is damaged.
    func postings(prefix: Int) -> PostingBlob? {
        let prefixes = segment.prefixes(ofRow: row)
        guard prefixes.contains(prefix) else { return PostingBlob(UnsafeRawBufferPointer(start: nil, count: 0)) }
        guard segment.bits < 16 else { return PostingBlob(bytes) }
        let groups = segment.prefixesPerRow
        let header = (groups + 1) * 4
        guard bytes.count >= header else { return nil }
        let g = prefix - prefixes.lowerBound
        let start = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: g * 4, as: UInt32.self)))
        let end = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: g * 4 + 4, as: UInt32.self)))
        guard start <= end, header + end * 8 <= bytes.count else { return nil }
        return PostingBlob(UnsafeRawBufferPointer(rebasing: bytes[(header + start * 8)..<(header + end * 8)]))
    }

    /// A row of fewer than 16 bits from its prefixes' sorted pairs (`groups[i]` belongs to the
    /// row's i-th prefix), or a row of 16 bits or more from `groups[0]`.
    static func encode(_ segment: Segment, groups: [ArraySlice<UInt64>]) -> [UInt8] {
        guard segment.bits < 16 else { return PostingBlob.encode(groups.first ?? []) }
        var directory: [UInt32] = [0]
        var total = 0
        for g in 0..<segment.prefixesPerRow {
            total += g < groups.count ? groups[g].count : 0
            directory.append(UInt32(total))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(directory.count * 4 + total * 8)
        for d in directory { withUnsafeBytes(of: d.littleEndian) { bytes.append(contentsOf: $0) } }
        for group in groups { bytes.append(contentsOf: PostingBlob.encode(group)) }
        return bytes
    }
}
