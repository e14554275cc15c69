/// Everything that decides which keys an article gets. An index stores these and refuses to be
/// queried with others, so signatures from different versions are never mixed.
public struct FingerprintParameters: Codable, Sendable, Hashable {
    /// Shingle length in normalised characters (syllables for Korean).
    public var shingleLength: Int = 5
    /// MinHash values in a whole-document signature.
    public var permutations: Int = 128
    public var seed: UInt64 = 0x5eed_c0de_2026
    public var scheme: MinHashScheme = MinHasher.defaultScheme
    /// Whole-document LSH is tuned to find pairs at this Jaccard similarity…
    public var documentThreshold: Double = 0.5
    /// …with at least this probability.
    public var documentRecall: Double = 0.99
    /// Windows catch partial copies: length and stride in normalised characters.
    public var windowLength: Int = 100
    public var windowStride: Int = 50
    /// MinHash values per window; one band per value (a window pair at Jaccard s shares a key
    /// with probability 1 − (1 − s)ᵇ).
    public var windowPermutations: Int = 4

    public init() {}

    public var documentBanding: LSHBanding {
        LSHBanding.choose(permutations: permutations, threshold: documentThreshold, recall: documentRecall)
    }

    public var windowBanding: LSHBanding { LSHBanding(bands: windowPermutations, rows: 1) }

    /// What the index compares on open: versions of the normaliser and hash families included.
    public var identifier: String {
        let mh = MinHasher(permutations: permutations, seed: seed, scheme: scheme)
        let b = documentBanding
        return [
            "normalizer=\(TextNormalizer.version)",
            "shingle=\(Shingler.hashFamily)/k=\(shingleLength)",
            "minhash=\(mh.familyIdentifier)",
            "bands=\(b.bands)x\(b.rows)",
            "windows=\(windowLength)/\(windowStride)/\(MinHasher(permutations: windowPermutations, seed: seed ^ 0xa5a5_a5a5, scheme: .kPermutations).familyIdentifier)",
        ].joined(separator: ";")
    }
}
