/// How a MinHash signature is computed from 64-bit shingle hashes.
public enum MinHashScheme: String, Codable, Sendable, CaseIterable {
    /// k independent hash permutations, the minimum of each (the SIMD kernel).
    case kPermutations
    /// One permutation split into k bins, empty bins filled by densification: O(n + k).
    case onePermutation
}

/// Computes MinHash signatures. PLACEHOLDER: scalar k-permutation only; the SIMD kernels,
/// one-permutation hashing and run-time kernel choice replace it.
public struct MinHasher: Sendable, Hashable {
    public let permutations: Int
    public let seed: UInt64
    public let scheme: MinHashScheme
    private let a: [UInt64]
    private let b: [UInt64]

    public static let defaultScheme = MinHashScheme.kPermutations

    public init(permutations: Int = 128, seed: UInt64 = 0x5eed_c0de_2026, scheme: MinHashScheme = .kPermutations) {
        self.permutations = permutations
        self.seed = seed
        self.scheme = scheme
        var state = seed
        var a: [UInt64] = []
        var b: [UInt64] = []
        for _ in 0..<permutations {
            a.append(splitMix64(&state) | 1)
            b.append(splitMix64(&state))
        }
        self.a = a
        self.b = b
    }

    /// Identifies the hash family, seed and size; stored with every signature.
    public var familyIdentifier: String { "minhash-\(scheme.rawValue)-ms64-v0/k=\(permutations)/seed=\(seed)" }

    /// The signature of a set of shingle hashes. All values are `UInt32.max` for an empty set.
    public func signature(_ hashes: UnsafeBufferPointer<UInt64>) -> [UInt32] {
        var sig = [UInt32](repeating: .max, count: permutations)
        for h in hashes {
            for i in 0..<permutations {
                let v = UInt32(truncatingIfNeeded: (a[i] &* h &+ b[i]) >> 32)
                if v < sig[i] { sig[i] = v }
            }
        }
        return sig
    }

    public func signature(_ hashes: [UInt64]) -> [UInt32] {
        hashes.withUnsafeBufferPointer { signature($0) }
    }

    /// The share of equal positions: an unbiased estimate of the Jaccard similarity.
    public static func estimateJaccard(_ x: [UInt32], _ y: [UInt32]) -> Double {
        let n = min(x.count, y.count)
        guard n > 0 else { return 0 }
        var equal = 0
        for i in 0..<n where x[i] == y[i] && x[i] != .max { equal += 1 }
        return Double(equal) / Double(n)
    }
}

/// SplitMix64: the seed expander for hash parameters.
@inlinable
public func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
}
