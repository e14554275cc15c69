/// Character k-gram shingles over normalised text, as 64-bit hashes.
///
/// Over text with spaces and punctuation removed, syllable k-grams survive 띄어쓰기 and
/// punctuation edits entirely, and a particle change (은→는) breaks only the k shingles that
/// cover it.
public struct Shingler: Sendable, Hashable {
    /// Stamped into every index: change it whenever a hash value changes.
    public static let hashFamily = "poly64-fmix64-v1"

    public let length: Int
    private let power: UInt64   // base^(length-1), to roll the oldest scalar out

    private static let base: UInt64 = 0x100_0000_01b3 &* 0x9e37_79b9

    public init(length: Int = 5) {
        self.length = max(1, length)
        var p: UInt64 = 1
        for _ in 1..<self.length { p = p &* Shingler.base }
        power = p
    }

    /// Hash of the shingle starting at each position: `count - length + 1` values, or one value
    /// for a non-empty text shorter than a shingle (so short texts still have a set).
    public func hashes(_ scalars: [UInt32]) -> [UInt64] {
        scalars.withUnsafeBufferPointer { hashes($0) }
    }

    public func hashes(_ scalars: UnsafeBufferPointer<UInt32>) -> [UInt64] {
        let n = scalars.count
        guard n > 0 else { return [] }
        if n < length {
            var h: UInt64 = 0
            for s in scalars { h = h &* Shingler.base &+ UInt64(s) &+ 1 }
            return [Shingler.finalize(h)]
        }
        let count = n - length + 1
        return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
            // Polynomial rolling hash mod 2^64, then a full avalanche so MinHash sees random bits.
            var h: UInt64 = 0
            for i in 0..<length { h = h &* Shingler.base &+ UInt64(scalars[i]) &+ 1 }
            out[0] = Shingler.finalize(h)
            var i = 1
            while i < count {
                h = (h &- (UInt64(scalars[i - 1]) &+ 1) &* power) &* Shingler.base &+ UInt64(scalars[i + length - 1]) &+ 1
                out[i] = Shingler.finalize(h)
                i += 1
            }
            initialized = count
        }
    }

    /// MurmurHash3's 64-bit finaliser.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return z ^ (z >> 33)
    }
}
