/// Working memory of the aligner, kept from one alignment to the next by a caller that aligns
/// many pairs on one thread (a scan worker verifies ≈ 5 candidates a suspect, most without a
/// passage). Allocating and zeroing its eight arrays afresh for every pair was ≈ 8% of a scan's
/// time in malloc, free and memset (perf, one-thread scan of the benchmark's suspects).
///
/// Not thread-safe: one scratch per thread.
public final class AlignmentScratch {
    /// Seeds before and after the counting sort on suspect position, and the sort's counters.
    var unsorted = ScratchBuffer<UInt64>()
    var seeds = ScratchBuffer<UInt64>()
    var starts = ScratchBuffer<Int>()
    /// Chaining: the chains, and per seed entry its chain (-1 once the chain has moved on) and
    /// suspect position and the next entry at its source position; per source position its
    /// newest entry and how many of its entries are current; a bitmap of positions with any.
    var chains = ScratchBuffer<Chain>()
    var entryChain = ScratchBuffer<Int32>()
    var entryI = ScratchBuffer<UInt32>()
    var entryNext = ScratchBuffer<Int32>()
    var head = ScratchBuffer<Int32>()
    var live = ScratchBuffer<Int32>()
    var occupied = ScratchBuffer<UInt64>()

    public init() {}

    deinit {
        unsorted.free(); seeds.free(); starts.free(); chains.free()
        entryChain.free(); entryI.free(); entryNext.free(); head.free(); live.free(); occupied.free()
    }
}

/// A block of trivial values that only grows; its contents are undefined until written.
struct ScratchBuffer<T: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var capacity = 0

    init() { base = UnsafeMutablePointer<T>.allocate(capacity: 1) }

    /// Room for `count` values (the old contents are not kept).
    mutating func reserve(_ count: Int) -> UnsafeMutablePointer<T> {
        if count > capacity {
            base.deallocate()
            capacity = max(count, capacity * 2)
            base = UnsafeMutablePointer<T>.allocate(capacity: capacity)
        }
        return base
    }

    /// Room for `count` values, every one `value`.
    mutating func filled(_ count: Int, with value: T) -> UnsafeMutablePointer<T> {
        let p = reserve(count)
        p.initialize(repeating: value, count: count)
        return p
    }

    /// Room for `needed` values, the first `count` kept.
    mutating func grow(keeping count: Int, to needed: Int) -> UnsafeMutablePointer<T> {
        guard needed > capacity else { return base }
        let newCapacity = max(needed, capacity * 2)
        let grown = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
        return base
    }

    func free() { base.deallocate() }
}
