import MinHashAVX2

/// Computes MinHash signatures of sets of 64-bit shingle hashes.
///
/// The input is a set: duplicates and order do not change the signature. Two signatures are
/// comparable only when their hashers have the same `familyIdentifier`.
///
/// ```swift
/// let hasher = MinHasher()                       // 128 values, one-permutation hashing
/// let s1 = hasher.signature(hashesOfArticle1)
/// let s2 = hasher.signature(hashesOfArticle2)
/// let j = MinHasher.estimateJaccard(s1, s2)      // ≈ |A ∩ B| / |A ∪ B|
/// ```
///
/// The empty set's signature is `permutations` copies of `UInt32.max`, which no non-empty
/// set produces under `onePermutation` (and under `kPermutations` only with probability
/// 2⁻³²ⁿ for n hashes per position).
public struct MinHasher: Sendable, Hashable {
    /// The signature length k (number of permutations, or bins).
    public let permutations: Int
    public let seed: UInt64
    public let scheme: MinHashScheme

    /// The signature lengths `init` accepts; other values are clamped into it.
    public static let supportedPermutations: ClosedRange<Int> = 1...65_536
    public static let defaultSeed: UInt64 = 0x5eed_c0de_2026
    /// One-permutation hashing: on 1,590-hash sets at k = 128 it measured about 8× faster
    /// than the AVX2 k-permutation kernel (≈ 3 µs against ≈ 24 µs a signature,
    /// `copyscan-bench kernels`) with the same accuracy (`MinHashStatisticsTests`). For small
    /// k on small sets (window sketches, k = 8) the AVX2 k-permutation kernel is as fast or
    /// faster: its cost is n·k, while one-permutation hashing pays its hash per element and
    /// its densification whatever k is.
    public static let defaultScheme: MinHashScheme = .onePermutation

    private let kPermutation: KPermutationParameters?
    private let onePermutation: OnePermutationHashing?

    /// - Parameter permutations: the signature length; clamped into `supportedPermutations`
    ///   so that a bad value read from a file cannot crash or exhaust memory.
    public init(permutations: Int = 128, seed: UInt64 = MinHasher.defaultSeed, scheme: MinHashScheme = MinHasher.defaultScheme) {
        let k = min(max(permutations, Self.supportedPermutations.lowerBound), Self.supportedPermutations.upperBound)
        self.permutations = k
        self.seed = seed
        self.scheme = scheme
        switch scheme {
        case .kPermutations:
            kPermutation = KPermutationParameters(permutations: k, seed: seed)
            onePermutation = nil
        case .onePermutation:
            kPermutation = nil
            onePermutation = OnePermutationHashing(bins: k, seed: seed)
        }
    }

    /// Names the hash family, its version, the scheme, k and the seed. Store it with every
    /// signature: signatures with different identifiers must never be compared. Bump the
    /// version whenever any signature value for the same input could change.
    public var familyIdentifier: String {
        let family: String
        switch scheme {
        case .kPermutations: family = "mul32-lo-hi-splitmix64"
        case .onePermutation: family = "mul64-fold-fastrange-31bit-optimal-densification"
        }
        let hexSeed = String(seed, radix: 16)
        return "copyscan-minhash/v1/\(scheme.rawValue)/\(family)/k=\(permutations)/seed=0x\(hexSeed)"
    }

    /// The signature of a set of shingle hashes.
    public func signature(_ hashes: UnsafeBufferPointer<UInt64>) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: permutations) { buffer, count in
            signature(hashes, into: buffer)
            count = permutations
        }
    }

    public func signature(_ hashes: [UInt64]) -> [UInt32] {
        hashes.withUnsafeBufferPointer { signature($0) }
    }

    /// Writes the signature into the caller's buffer without allocating: the hot path for
    /// many signatures. Only the first `permutations` elements of `output` are written; a
    /// shorter buffer receives a prefix of the signature (the first `output.count` values).
    public func signature(_ hashes: UnsafeBufferPointer<UInt64>, into output: UnsafeMutableBufferPointer<UInt32>) {
        signature(hashes, into: output, kernel: .selected)
    }

    /// `signature(_:into:)` with a chosen k-permutation kernel; an unsupported kernel falls
    /// back to the portable one. One-permutation hashing has a single implementation.
    package func signature(_ hashes: UnsafeBufferPointer<UInt64>, into output: UnsafeMutableBufferPointer<UInt32>, kernel: MinHashKernel) {
        let out = UnsafeMutableBufferPointer(rebasing: output[..<min(output.count, permutations)])
        if let onePermutation {
            onePermutation.signature(hashes: hashes, output: out)
        } else if let kPermutation {
            kPermutation.blocks.withUnsafeBufferPointer { parameters in
                switch kernel {
                case .scalar:
                    ScalarKPermutation.signature(hashes: hashes, parameters: kPermutation, output: out)
                case .avx2 where kernel.isSupported:
                    MinHashAVX2.kPermutationSignature(hashes: hashes, parameters: parameters, output: out)
                case .portable, .avx2:
                    kPermutationKernel(hashes: hashes, parameters: parameters, output: out)
                }
            }
        }
    }

    /// The shingle hashes of `scalars` and the signature of their set, as `shingler.hashes`
    /// and `signature` give them. One-permutation hashing takes each hash as the shingler
    /// computes it, in the same pass; k-permutation hashing needs all hashes first.
    package func shinglesAndSignature(of scalars: UnsafeBufferPointer<UInt32>, shingler: Shingler) -> (shingles: [UInt64], signature: [UInt32]) {
        guard let onePermutation else {
            let shingles = shingler.hashes(scalars)
            return (shingles, signature(shingles))
        }
        var shingles: [UInt64] = []
        let signature = [UInt32](unsafeUninitializedCapacity: permutations) { output, count in
            count = permutations
            guard onePermutation.start(output) else { return }
            // The default 128 bins as a constant: the bin is then a shift, not a multiply, in
            // a loop short of registers (with the 31-bit value and the one-multiply mix, the
            // loop went from 44 instructions a shingle to 36; this part was not measured alone).
            if permutations == 128 {
                shingles = shingler.hashes(scalars) { onePermutation.add($0, to: output, bins: 128) }
            } else {
                shingles = shingler.hashes(scalars) { onePermutation.add($0, to: output) }
            }
            onePermutation.finish(output)
        }
        return (shingles, signature)
    }

    /// The signatures of `windows` of `hashes`, one after another in `output` (`permutations`
    /// values per window): the values `signature` gives for each window alone. Under
    /// k-permutation hashing, windows that overlap share the work: every hash is permuted
    /// once, into the minimum of its stretch between window bounds, and a window's signature
    /// is the minimum of its stretches. Ranges are clamped to `hashes`; a window that does not
    /// fit in `output` is left out.
    package func signatures(ofWindows windows: [Range<Int>], in hashes: UnsafeBufferPointer<UInt64>,
                            into output: UnsafeMutableBufferPointer<UInt32>, kernel: MinHashKernel = .selected) {
        let k = permutations
        let rows = min(windows.count, output.count / k)
        guard rows > 0 else { return }
        guard let kPermutation, kernel != .scalar else {
            // One-permutation hashing, and the scalar reference: each window on its own.
            for w in 0..<rows {
                let lower = min(max(0, windows[w].lowerBound), hashes.count)
                let window = lower..<min(max(lower, windows[w].upperBound), hashes.count)
                signature(UnsafeBufferPointer(rebasing: hashes[window]),
                          into: UnsafeMutableBufferPointer(rebasing: output[w * k ..< (w + 1) * k]), kernel: kernel)
            }
            return
        }
        kPermutation.blocks.withUnsafeBufferPointer { parameters in
            windows.withUnsafeBufferPointer { all in
                let windows = UnsafeBufferPointer(rebasing: all[..<rows])
                if kernel == .avx2 && kernel.isSupported {
                    MinHashAVX2.kPermutationWindowSignatures(hashes: hashes, parameters: parameters, permutations: k,
                                                             windows: windows, output: output)
                } else {
                    kPermutationWindowSignaturesKernel(hashes: hashes, parameters: parameters, permutations: k,
                                                       windows: windows, output: output)
                }
            }
        }
    }

    /// The share of positions where the two signatures agree: an unbiased estimate of the
    /// Jaccard similarity of the two sets, for signatures from the same `familyIdentifier`.
    ///
    /// Returns 0 when either signature is empty (no values, or the empty set's all-`UInt32.max`
    /// signature): an empty text resembles nothing, not even another empty text. Returns 0
    /// when the lengths differ, since such signatures come from different hashers.
    public static func estimateJaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        var aEmpty = true, bEmpty = true
        for i in a.indices {
            if a[i] == b[i] { equal += 1 }
            if a[i] != .max { aEmpty = false }
            if b[i] != .max { bEmpty = false }
        }
        guard !aEmpty, !bEmpty else { return 0 }
        return Double(equal) / Double(a.count)
    }
}

extension MinHasher {
    // Equality and hashing by configuration: the parameters follow from it.
    public static func == (lhs: MinHasher, rhs: MinHasher) -> Bool {
        lhs.permutations == rhs.permutations && lhs.seed == rhs.seed && lhs.scheme == rhs.scheme
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(permutations)
        hasher.combine(seed)
        hasher.combine(scheme)
    }
}
