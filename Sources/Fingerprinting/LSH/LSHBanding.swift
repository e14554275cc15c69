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
    ///
    /// Rows go into the key two at a time, as the two halves of one 64-bit word mixed by
    /// fmix64 (a bijection): a band of two rows is one mix, and two bands with different
    /// values never share a key. Mixing each row alone and the result once more (the first
    /// design) cost three mixes a band of two rows: 6.5% of a fingerprint's instructions.
    func keys(ofSignatures signatures: UnsafeBufferPointer<UInt32>, length: Int, salt: UInt64,
              into keys: UnsafeMutableBufferPointer<UInt64>) {
        guard let values = signatures.baseAddress, let out = keys.baseAddress, length > 0 else {
            // No values: every band hashes only its salt.
            for band in 0..<(length == 0 ? min(bands, keys.count) : 0) {
                keys[band] = Shingler.finalize(Self.bandSalt(salt, band))
            }
            return
        }
        let count = min(signatures.count / length, keys.count / bands)
        if rows == 2 && bands &* 2 <= length {
            // The window signatures' shape: every band whole, one mix a key, without the
            // general loop's row tests (callgrind: 1.53 M → 1.13 M instructions over 200
            // articles; same keys, which the formula test checks for both paths).
            for s in 0..<count {
                let signature = UnsafeRawPointer(values + s &* length), keysOut = out + s &* bands
                for band in 0..<bands {
                    let pair = UInt64(signature.loadUnaligned(fromByteOffset: band &* 8, as: UInt32.self))
                        | UInt64(signature.loadUnaligned(fromByteOffset: band &* 8 &+ 4, as: UInt32.self)) << 32
                    keysOut[band] = Shingler.finalize(Self.bandSalt(salt, band) ^ pair)
                }
            }
            return
        }
        // Every index below stays inside the buffers: s < count, band < bands, and a row is read
        // only while it is below `length`.
        for s in 0..<count {
            let signature = values + s &* length
            for band in 0..<bands {
                var h = Self.bandSalt(salt, band)
                let start = band &* rows
                let end = min(start &+ rows, length)
                var r = start
                repeat {
                    // An odd last row (or a band cut off by the signature's end) mixes alone.
                    let low = r < end ? UInt64(signature[r]) : 0
                    let high = r &+ 1 < end ? UInt64(signature[r &+ 1]) << 32 : 0
                    h = Shingler.finalize(h ^ low ^ high)
                    r &+= 2
                } while r < end
                out[s &* bands &+ band] = h
            }
        }
    }

    /// Keeps bands (and kinds of signature, through `salt`) apart.
    @inline(__always)
    private static func bandSalt(_ salt: UInt64, _ band: Int) -> UInt64 {
        salt &+ UInt64(truncatingIfNeeded: band) &* 0x9e37_79b9_7f4a_7c15
    }

    /// Names how keys are made from band values: part of the index's parameter identifier.
    public static let keyFamily = "pairs-fmix64-v2"
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
