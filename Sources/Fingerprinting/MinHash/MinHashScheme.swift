/// How a MinHash signature is computed from 64-bit shingle hashes.
public enum MinHashScheme: String, Codable, Sendable, CaseIterable {
    /// k independent hash functions, the minimum of each: O(n·k), computed by the SIMD kernel.
    case kPermutations
    /// One hash split into k bins, the minimum of each, empty bins filled by optimal
    /// densification (Shrivastava 2017): O(n + k).
    case onePermutation
}
