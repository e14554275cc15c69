/// Character k-gram shingles over normalised text, as 64-bit hashes.
///
/// Over text with spaces and punctuation removed, syllable k-grams survive 띄어쓰기 and
/// punctuation edits entirely, and a particle change (은→는) breaks only the k shingles that
/// cover it.
public struct Shingler: Sendable, Hashable {
    /// Stamped into every index: change it whenever a hash value changes.
    public static let hashFamily = "poly64-fmix64-v1"

    public let length: Int
    /// base^length, and 1 − base^length: rolling the oldest scalar out is −(c_out)·B^length,
    /// plus that constant for the +1 of every c. Stored rather than computed where they are
    /// used: from a visible base^(length−1)·base the optimiser factors the base back out and
    /// puts a second multiply on the chain from one hash to the next.
    private let outFactor: UInt64
    private let outConstant: UInt64

    private static let base: UInt64 = 0x100_0000_01b3 &* 0x9e37_79b9

    public init(length: Int = 5) {
        self.length = max(1, length)
        var p: UInt64 = 1
        for _ in 0..<self.length { p = p &* Shingler.base }
        outFactor = p
        outConstant = 1 &- p
    }

    /// Hash of the shingle starting at each position: `count - length + 1` values, or one value
    /// for a non-empty text shorter than a shingle (so short texts still have a set).
    public func hashes(_ scalars: [UInt32]) -> [UInt64] {
        scalars.withUnsafeBufferPointer { hashes($0) }
    }

    public func hashes(_ scalars: UnsafeBufferPointer<UInt32>) -> [UInt64] {
        hashes(scalars) { _ in }
    }

    /// The hashes, each also handed to `each` as soon as it is computed, so a signature can be
    /// built in the same pass (`MinHasher.shinglesAndSignature`).
    @inline(__always)
    func hashes(_ scalars: UnsafeBufferPointer<UInt32>, each: (UInt64) -> Void) -> [UInt64] {
        let n = scalars.count
        guard n > 0 else { return [] }
        if n < length {
            var h: UInt64 = 0
            for s in scalars { h = h &* Shingler.base &+ UInt64(s) &+ 1 }
            let hash = Shingler.finalize(h)
            each(hash)
            return [hash]
        }
        let count = n - length + 1
        return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
            guard let input = scalars.baseAddress, let output = out.baseAddress else { return }
            // Polynomial rolling hash mod 2^64, then a full avalanche so MinHash sees random bits.
            // The scalar leaving the window is read `length` positions behind the one entering
            // it; both indices stay inside `scalars` (i < count, i + length - 1 < n).
            //
            // With c = scalar + 1, a step is h·B − c_out·B^length + c_in. It is computed as
            // h·B + t with t taken apart from h, so the chain from one hash to the next is one
            // multiply and one add (the textbook (h − c_out·B^(length−1))·B + c_in has two
            // multiplies on it); the values are the same, modulo 2^64.
            let leaving = input, entering = input + (length - 1)
            var h: UInt64 = 0
            for i in 0..<length { h = h &* Shingler.base &+ UInt64(input[i]) &+ 1 }
            var hash = Shingler.finalize(h)
            output[0] = hash
            each(hash)
            var i = 1
            while i < count {
                let t = UInt64(entering[i]) &+ outConstant &- UInt64(leaving[i &- 1]) &* outFactor
                h = h &* Shingler.base &+ t
                hash = Shingler.finalize(h)
                output[i] = hash
                each(hash)
                i &+= 1
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
