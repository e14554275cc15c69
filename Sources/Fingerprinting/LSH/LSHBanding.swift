/// Locality-sensitive hashing by banding: a signature of `bands × rows` values is cut into
/// bands, and two signatures become candidates when any band is equal.
///
/// The chance that a pair of Jaccard similarity `s` becomes a candidate is 1 − (1 − sʳ)ᵇ. The
/// shape is chosen from the recall wanted at a threshold (`choose`), not from a
/// false-positive/false-negative area, which at 128 permutations and 0.8 finds only ≈ 40% of
/// the pairs at similarity 0.8.
public struct LSHBanding: Sendable, Hashable, Codable {
    public let bands: Int
    public let rows: Int

    public init(bands: Int, rows: Int) {
        self.bands = max(1, bands)
        self.rows = max(1, rows)
    }

    /// Probability that a pair with Jaccard similarity `s` shares at least one band.
    public func candidateProbability(_ s: Double) -> Double {
        1 - pow(1 - pow(s, Double(rows)), Double(bands))
    }

    /// The shape with the most rows per band (fewest false candidates) whose recall at
    /// `threshold` is at least `recall`, using at most `permutations` values.
    public static func choose(permutations: Int, threshold: Double, recall: Double) -> LSHBanding {
        var best = LSHBanding(bands: permutations, rows: 1)
        for rows in 1...max(1, permutations) {
            let shape = LSHBanding(bands: permutations / rows, rows: rows)
            if shape.bands >= 1 && shape.candidateProbability(threshold) >= recall { best = shape }
        }
        return best
    }

    /// One key per band, salted with the band number and `salt` so bands and kinds of
    /// signature never collide by construction.
    public func keys(_ signature: [UInt32], salt: UInt64 = 0) -> [UInt64] {
        signature.withUnsafeBufferPointer { values in
            [UInt64](unsafeUninitializedCapacity: bands) { keys, count in
                for band in 0..<bands { keys[band] = key(band: band, of: values, salt: salt) }
                count = bands
            }
        }
    }

    /// The key of one band of `signature` (rows past its end are left out).
    @inline(__always)
    func key(band: Int, of signature: UnsafeBufferPointer<UInt32>, salt: UInt64) -> UInt64 {
        var h = salt &+ UInt64(band) &* 0x9e37_79b9_7f4a_7c15
        let start = band * rows
        for r in 0..<rows where start + r < signature.count {
            h = Shingler.finalize(h ^ UInt64(signature[start + r]))
        }
        return Shingler.finalize(h)
    }
}

@inline(__always)
private func pow(_ x: Double, _ y: Double) -> Double {
    var result = 1.0
    var n = Int(y)
    var b = x
    while n > 0 {
        if n & 1 == 1 { result *= b }
        b *= b
        n >>= 1
    }
    return result
}
