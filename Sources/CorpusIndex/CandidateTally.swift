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

/// Per-document counters, reused from query to query: all zero between queries.
///
/// A suspect of the benchmark corpus hits ≈ 3,700 documents through ≈ 300 keys; counting in a
/// dictionary cost ≈ 3 ms a suspect, an array indexed by document number a fraction of it.
/// The counters live in one manually managed buffer, an entry per document: Swift arrays held
/// by a class paid a dynamic exclusivity check on every posting (measured: a third of the
/// lookup once window masks were added).
final class TallyScratch {
    private struct Entry {
        /// Shared keys in the low half, rare ones in the high half (a query has a few hundred
        /// keys, far below 2¹⁶).
        var counts: UInt32
        /// The query windows (bit = window mod 64) whose keys the document holds, and those of
        /// which it holds two or more.
        var windowsSeen: UInt64
        var windowsClose: UInt64
    }
    // Zeroed memory from calloc: large blocks come from the kernel as untouched zero pages, so
    // counters for a million documents cost only the pages a query touches (a cold `check` on
    // the 1M index spent ≈ 15% of its time clearing and copying doubling arrays).
    private var entries = TallyScratch.zeroed(Entry.self, 1)
    private var touched = TallyScratch.zeroed(UInt32.self, 1)
    private var capacity = 1
    private var touchedCount = 0
    /// Document numbers at or above this are not in the index (only a damaged row could hold
    /// one): they are ignored rather than grow the counters without bound.
    var documentLimit = 0
    /// Above this many documents the counters grow by doubling instead of being reserved for
    /// all at once (a damaged document count must not reserve terabytes).
    private static let reserveAtOnce = 1 << 26

    deinit {
        free(entries)
        free(touched)
    }

    /// `count` zeroed values (all-zero bytes are a valid `Entry` and `UInt32`). Failing to
    /// allocate is fatal, as Swift's own allocation is.
    private static func zeroed<T>(_ type: T.Type, _ count: Int) -> UnsafeMutablePointer<T> {
        guard let raw = calloc(max(1, count), MemoryLayout<T>.stride) else {
            fatalError("cannot allocate \(count) candidate counters")
        }
        return raw.bindMemory(to: T.self, capacity: max(1, count))
    }

    /// Room for documents below `count` (at most `documentLimit`), the new entries zero.
    private func grow(to count: Int) {
        let wanted = documentLimit <= Self.reserveAtOnce ? documentLimit : min(documentLimit, capacity * 2)
        let newCapacity = max(count, wanted)
        let newEntries = Self.zeroed(Entry.self, newCapacity)
        let newTouched = Self.zeroed(UInt32.self, newCapacity)
        newEntries.update(from: entries, count: capacity)
        newTouched.update(from: touched, count: touchedCount)
        free(entries)
        free(touched)
        entries = newEntries
        touched = newTouched
        capacity = newCapacity
    }

    /// Counts one more shared key for `document`, coming from the query `windows`.
    @inline(__always) func add(_ document: UInt32, rare: Bool, windows: UInt64) {
        withUnsafePointer(to: UInt64(document)) {
            add(pairs: UnsafeBufferPointer(start: $0, count: 1), rare: rare, windows: windows)
        }
    }

    /// `add` for every posting of a bucket (`pairs`: document in the low 32 bits), with the
    /// buffers held in locals for the loop.
    func add(pairs: UnsafeBufferPointer<UInt64>, rare: Bool, windows: UInt64) {
        var entries = self.entries, touched = self.touched, capacity = self.capacity, touchedCount = self.touchedCount
        let limit = documentLimit
        let increment: UInt32 = rare ? 0x1_0001 : 1
        for pair in pairs {
            let d = Int(UInt32(truncatingIfNeeded: pair))
            guard d < limit else { continue }
            if d >= capacity {
                self.touchedCount = touchedCount
                grow(to: d + 1)
                entries = self.entries
                touched = self.touched
                capacity = self.capacity
            }
            let e = entries + d
            if e.pointee.counts == 0 {
                touched[touchedCount] = UInt32(d)
                touchedCount += 1
            }
            e.pointee.counts &+= increment
            e.pointee.windowsClose |= e.pointee.windowsSeen & windows
            e.pointee.windowsSeen |= windows
        }
        self.touchedCount = touchedCount
    }

    @inline(__always) private func score(_ d: UInt32) -> UInt32 {
        let c = entries[Int(d)].counts
        return (c & 0xFFFF) + (c >> 16)
    }

    /// The best `limit` documents, highest score (shared keys, rare ones twice) first, then the
    /// lower document number; the counters are zero again afterwards.
    func ranked(limit: Int) -> [Candidate] {
        let touched = UnsafeBufferPointer(start: self.touched, count: touchedCount)
        defer {
            for d in touched { entries[Int(d)] = Entry(counts: 0, windowsSeen: 0, windowsClose: 0) }
            touchedCount = 0
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
            let e = entries[Int(d)]
            out.append(Candidate(document: Int(d), sharedKeys: Int(e.counts & 0xFFFF), rareKeys: Int(e.counts >> 16),
                                 closeWindows: e.windowsClose.nonzeroBitCount))
        }
        out.sort { ($0.score, -$0.document) > ($1.score, -$1.document) }
        return Array(out.prefix(limit))
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
        var tagged: [(key: UInt64, windows: UInt64)] = keys.map { ($0 & ~0xFFFF, 0) }
        tagged.reserveCapacity(keys.count + windowKeysInOrder.count)
        for (n, key) in windowKeysInOrder.enumerated() {
            tagged.append((key & ~0xFFFF, 1 << UInt64((n / bands) % 64)))
        }
        tagged.sort { $0.key < $1.key }
        for t in tagged {
            if t.key == self.keys.last {
                windows[windows.count - 1] |= t.windows
            } else {
                self.keys.append(t.key)
                windows.append(t.windows)
            }
        }
    }
}
