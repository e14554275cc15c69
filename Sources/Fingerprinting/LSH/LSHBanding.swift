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
                self.keys(ofSignatures: values, length: values.count, salt: salt, into: keys)
                count = bands
            }
        }
    }

    /// The keys of signatures laid out one after another, `length` values each, `bands` keys
    /// per signature into `keys`, for as many signatures as both buffers hold. A band's rows
    /// past the end of its signature are left out.
    func keys(ofSignatures signatures: UnsafeBufferPointer<UInt32>, length: Int, salt: UInt64,
              into keys: UnsafeMutableBufferPointer<UInt64>) {
        guard let values = signatures.baseAddress, let out = keys.baseAddress, length > 0 else {
            // No values: every band hashes only its salt.
            for band in 0..<(length == 0 ? min(bands, keys.count) : 0) {
                keys[band] = Shingler.finalize(salt &+ UInt64(band) &* 0x9e37_79b9_7f4a_7c15)
            }
            return
        }
        let count = min(signatures.count / length, keys.count / bands)
        if rows == 1 && bands <= length {
            // One value per band (window signatures): a flat loop over every key.
            for s in 0..<count {
                let signature = values + s &* length, keysOut = out + s &* bands
                var h = salt
                for band in 0..<bands {
                    keysOut[band] = Shingler.finalize(Shingler.finalize(h ^ UInt64(signature[band])))
                    h &+= 0x9e37_79b9_7f4a_7c15
                }
            }
            return
        }
        // Every index below stays inside the buffers: s < count, band < bands, and a row is read
        // only while it is below `length`.
        for s in 0..<count {
            let signature = values + s &* length
            for band in 0..<bands {
                var h = salt &+ UInt64(band) &* 0x9e37_79b9_7f4a_7c15
                let start = band &* rows
                var r = 0
                while r < rows && start &+ r < length {
                    h = Shingler.finalize(h ^ UInt64(signature[start &+ r]))
                    r &+= 1
                }
                out[s &* bands &+ band] = Shingler.finalize(h)
            }
        }
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
