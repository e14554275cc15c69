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
    /// built in the same pass (`MinHasher.shinglesAndSignature`). `each` sees every hash once
    /// but not in the order of positions.
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
            // With c = scalar + 1, a step is h·B − c_out·B^length + c_in: the scalar leaving the
            // window is read `length` positions behind the one entering it.
            //
            // The text is hashed as two halves side by side, each rolling on its own: the
            // optimiser puts the multiply and three adds on the chain from one hash to the next
            // whichever way the step is written, and two chains overlap their waits (the values
            // are the same as one chain's).
            let half = count / 2
            var a = initial(input), b = initial(input + half)
            output[0] = Shingler.finalize(a)
            each(output[0])
            if half > 0 {
                output[half] = Shingler.finalize(b)
                each(output[half])
            }
            var i = 1
            while i < half {
                // Both indices stay inside `scalars`: i + half < count, and a window at p reads
                // scalars p − 1 (leaving) to p + length − 1 (entering) < n.
                a = roll(a, leaving: input[i &- 1], entering: input[i &+ length &- 1])
                b = roll(b, leaving: input[half &+ i &- 1], entering: input[half &+ i &+ length &- 1])
                let ha = Shingler.finalize(a), hb = Shingler.finalize(b)
                output[i] = ha
                output[half &+ i] = hb
                each(ha)
                each(hb)
                i &+= 1
            }
            // The second half is one longer when the count is odd (and is the whole text when
            // there is one window).
            var p = half &+ max(1, half)
            while p < count {
                b = roll(b, leaving: input[p &- 1], entering: input[p &+ length &- 1])
                output[p] = Shingler.finalize(b)
                each(output[p])
                p &+= 1
            }
            initialized = count
        }
    }

    /// The unfinalised hash of the `length` scalars from `start`.
    @inline(__always)
    private func initial(_ start: UnsafePointer<UInt32>) -> UInt64 {
        var h: UInt64 = 0
        for i in 0..<length { h = h &* Shingler.base &+ UInt64(start[i]) &+ 1 }
        return h
    }

    /// One step of the rolling hash: computed as h·B + t with t taken apart from h, which
    /// needs 1 − B^length and B^length stored (see `outFactor`).
    @inline(__always)
    private func roll(_ h: UInt64, leaving: UInt32, entering: UInt32) -> UInt64 {
        h &* Shingler.base &+ (UInt64(entering) &+ outConstant &- UInt64(leaving) &* outFactor)
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
