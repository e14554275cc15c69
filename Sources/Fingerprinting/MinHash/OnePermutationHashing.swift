/// One-permutation hashing (Li, Owen, Zhang 2012) with optimal densification
/// (Shrivastava 2017): one mixing hash per element puts it in one of k bins and gives it a
/// 32-bit value; each bin keeps its minimum. A bin that no element reached copies the value
/// of the first non-empty bin on its own pseudo-random probe sequence, which depends only on
/// the bin and the seed, so two sets that agree on which bins are empty copy alike and the
/// share of equal bins stays an unbiased estimate of their Jaccard similarity. O(n + k).
struct OnePermutationHashing: Sendable {
    let bins: Int
    private let mixKey: UInt64
    private let probeKey: UInt64

    /// Probes per empty bin before falling back to a scan for the next non-empty bin. The
    /// chance of reaching it, (1 − m/k)^65536 with m of k bins non-empty, is negligible unless
    /// the set is tiny against k; it bounds the running time, and the fallback, like the
    /// probes, depends only on the bin and the emptiness pattern, so it stays consistent.
    private static let probeLimit: UInt32 = 1 << 16

    init(bins: Int, seed: UInt64) {
        self.bins = bins
        var state = seed
        mixKey = splitMix64(&state)
        probeKey = splitMix64(&state)
    }

    /// Writes the signature into `output` (`output.count` bins, normally `bins`). Values are
    /// below `UInt32.max`; a signature of all `UInt32.max` means the set was empty.
    func signature(hashes: UnsafeBufferPointer<UInt64>, output: UnsafeMutableBufferPointer<UInt32>) {
        guard start(output) else { return }
        for h in hashes { add(h, to: output) }
        finish(output)
    }

    /// Empties every bin: the first step of a signature built one hash at a time
    /// (`start`, `add` for each hash, `finish`). False when there are no bins.
    func start(_ output: UnsafeMutableBufferPointer<UInt32>) -> Bool {
        guard !output.isEmpty else { return false }
        output.update(repeating: .max)
        return true
    }

    /// Puts one hash into its bin.
    ///
    /// The hashes are avalanched already (the shingler finalises each with fmix64), so the
    /// seed's permutation needs only one multiply: a second fmix64 here was 9 of the ≈ 40
    /// instructions a shingle costs. Multiplying by an odd constant is a bijection; its high
    /// half depends on every input bit, and folding it into the low half makes the value
    /// depend on every bit too (`MinHashStatisticsTests` checks the estimates on hashes with
    /// structure as well as on random ones).
    @inline(__always)
    func add(_ h: UInt64, to output: UnsafeMutableBufferPointer<UInt32>) {
        add(h, to: output, bins: output.count)
    }

    /// `add` with the number of bins given: a caller that passes a constant lets the range
    /// reduction become a shift.
    @inline(__always)
    func add(_ h: UInt64, to output: UnsafeMutableBufferPointer<UInt32>, bins: Int) {
        let product = (h ^ mixKey) &* 0x9e37_79b9_7f4a_7c15
        let g = product ^ (product >> 32)
        // Lemire's multiply-shift range reduction of the high half; the low half's top 31
        // bits are the value, below UInt32.max so that UInt32.max can mean "empty".
        let bin = Int(truncatingIfNeeded: ((g >> 32) &* UInt64(truncatingIfNeeded: bins)) >> 32)
        let value = UInt32(truncatingIfNeeded: g) >> 1
        // Branch-free: which element lowers a bin is unpredictable, and a mispredicted
        // branch per bin update cost more than the store.
        output[bin] = min(output[bin], value)
    }

    /// Fills the bins no hash reached.
    func finish(_ output: UnsafeMutableBufferPointer<UInt32>) {
        densify(output)
    }

    private func densify(_ output: UnsafeMutableBufferPointer<UInt32>) {
        let k = output.count
        // An article's thousand-odd hashes leave a bin of 128 empty about once in 200
        // articles: a count the compiler vectorises settles the usual case before the bitmap.
        var filledBins = 0
        for v in output { filledBins &+= Int(bit: v != .max) }
        guard filledBins > 0, filledBins < k else { return }
        let words = (k + 63) / 64
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { occupied in
            occupied.initialize(repeating: 0)
            var filled = 0
            for i in 0..<k where output[i] != .max {
                occupied[i >> 6] |= 1 << UInt64(i & 63)
                filled += 1
            }
            guard filled > 0, filled < k else { return }
            let k64 = UInt64(k)
            for i in 0..<k where occupied[i >> 6] & (1 << UInt64(i & 63)) == 0 {
                var donor = -1
                var attempt: UInt32 = 1
                while attempt <= Self.probeLimit {
                    let r = Self.mix(probeKey &+ (UInt64(i) << 32 | UInt64(attempt)))
                    let j = Int(truncatingIfNeeded: ((r >> 32) &* k64) >> 32)
                    if occupied[j >> 6] & (1 << UInt64(j & 63)) != 0 { donor = j; break }
                    attempt += 1
                }
                if donor < 0 {
                    donor = (i + 1) % k
                    while occupied[donor >> 6] & (1 << UInt64(donor & 63)) == 0 { donor = (donor + 1) % k }
                }
                output[i] = output[donor]
            }
        }
    }

    /// MurmurHash3's 64-bit finaliser: a bijection whose output bits each depend on every
    /// input bit, so the bin (high half) and value (low half) behave as independent.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return z ^ (z >> 33)
    }
}
