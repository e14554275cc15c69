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
    /// MinHash values per window, cut into bands of `windowRows` values (a window pair at
    /// Jaccard s shares a key with probability 1 − (1 − sʳ)ᵇ). With one value per band (4×1,
    /// the first design) a key was shared whenever one common 5-gram happened to be a window's
    /// minimum, and on the 100k benchmark corpus every suspect shared keys with ≈ 13,000
    /// articles; 4 bands of 2 rows cut that to ≈ 3,700 and the bucket reads by two thirds, with
    /// the evaluation's results unchanged (Scripts/eval, seeds 1–4) and J ≥ 0.5 recall 1.000.
    public var windowPermutations: Int = 8
    public var windowRows: Int = 2

    public init() {}

    /// Parameters stored by an older copyscan lack the newer fields; they decode to the values
    /// that older copyscan used, so the identifier check reports a clean mismatch.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        shingleLength = try c.decode(Int.self, forKey: .shingleLength)
        permutations = try c.decode(Int.self, forKey: .permutations)
        seed = try c.decode(UInt64.self, forKey: .seed)
        scheme = try c.decode(MinHashScheme.self, forKey: .scheme)
        documentThreshold = try c.decode(Double.self, forKey: .documentThreshold)
        documentRecall = try c.decode(Double.self, forKey: .documentRecall)
        windowLength = try c.decode(Int.self, forKey: .windowLength)
        windowStride = try c.decode(Int.self, forKey: .windowStride)
        windowPermutations = try c.decode(Int.self, forKey: .windowPermutations)
        windowRows = try c.decodeIfPresent(Int.self, forKey: .windowRows) ?? 1
    }

    public var documentBanding: LSHBanding {
        LSHBanding.choose(permutations: permutations, threshold: documentThreshold, recall: documentRecall)
    }

    public var windowBanding: LSHBanding { LSHBanding(bands: windowPermutations / max(1, windowRows), rows: windowRows) }

    /// What the index compares on open: versions of the normaliser and hash families included.
    public var identifier: String {
        let mh = MinHasher(permutations: permutations, seed: seed, scheme: scheme)
        let b = documentBanding
        return [
            "normalizer=\(TextNormalizer.version)",
            "shingle=\(Shingler.hashFamily)/k=\(shingleLength)",
            "minhash=\(mh.familyIdentifier)",
            "bands=\(b.bands)x\(b.rows)/\(LSHBanding.keyFamily)",
            "windows=\(windowLength)/\(windowStride)/\(windowBanding.bands)x\(windowBanding.rows)/\(MinHasher(permutations: windowPermutations, seed: seed ^ 0xa5a5_a5a5, scheme: .kPermutations).familyIdentifier)",
        ].joined(separator: ";")
    }
}
