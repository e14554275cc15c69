/// Tests on eight bytes at once (one `UInt64` read from a byte buffer), for the loops that
/// skip long runs of ordinary text: JSON strings, lines of an article, passage bounds.
public enum ByteScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// True when any byte of `word` equals `byte`.
    @inline(__always) static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// True when any byte of `word` is below `limit` (at most 0x80).
    @inline(__always) static func containsBelow(_ word: UInt64, _ limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// UTF-8 continuation bytes (10xxxxxx) in `word`. Summed by one multiplication: baseline
    /// x86-64 has no popcount instruction.
    @inlinable @inline(__always) public static func continuationBytes(_ word: UInt64) -> Int {
        Int((((word & ~(word << 1) & highs) >> 7) &* ones) >> 56)
    }

    /// The eight bytes at `i` (the caller checks `i + 8 <= count`).
    @inlinable @inline(__always) public static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self)
    }
}
