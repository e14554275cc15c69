import Testing
import Fingerprinting

@Suite("MinHasher behaviour")
struct MinHasherTests {
    static func randomHashes(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in splitMix64(&state) }
    }

    @Test("a set's signature ignores order and duplicates", arguments: MinHashScheme.allCases)
    func setSemantics(scheme: MinHashScheme) {
        let hasher = MinHasher(permutations: 64, seed: 3, scheme: scheme)
        let hashes = Self.randomHashes(300, seed: 11)
        let shuffledWithDuplicates = (hashes + hashes.prefix(100)).reversed() + hashes.suffix(7)
        #expect(hasher.signature(hashes) == hasher.signature(Array(shuffledWithDuplicates)))
    }

    @Test("the empty set's signature is all UInt32.max and resembles nothing", arguments: MinHashScheme.allCases)
    func emptySet(scheme: MinHashScheme) {
        let hasher = MinHasher(permutations: 16, scheme: scheme)
        let empty = hasher.signature([UInt64]())
        #expect(empty == [UInt32](repeating: .max, count: 16))
        let other = hasher.signature(Self.randomHashes(10, seed: 1))
        #expect(other != empty)
        #expect(MinHasher.estimateJaccard(empty, empty) == 0)
        #expect(MinHasher.estimateJaccard(empty, other) == 0)
        #expect(MinHasher.estimateJaccard(other, other) == 1)
    }

    @Test("estimateJaccard counts equal positions and refuses mismatched lengths")
    func estimateJaccardArithmetic() {
        #expect(MinHasher.estimateJaccard([1, 2, 3, 4], [1, 2, 9, 9]) == 0.5)
        #expect(MinHasher.estimateJaccard([1, 2, 3, 4], [5, 6, 7, 8]) == 0)
        // A single UInt32.max position is an ordinary value; only all-max means empty.
        #expect(MinHasher.estimateJaccard([.max, 2], [.max, 3]) == 0.5)
        #expect(MinHasher.estimateJaccard([1, 2, 3], [1, 2]) == 0)
        #expect(MinHasher.estimateJaccard([], []) == 0)
    }

    @Test("one-permutation values stay below UInt32.max and a single element fills every bin")
    func onePermutationDensification() {
        let hasher = MinHasher(permutations: 128, seed: 9, scheme: .onePermutation)
        let single = hasher.signature([0xdead_beef_cafe_f00d])
        #expect(Set(single).count == 1)
        #expect(single[0] != .max)
        let many = hasher.signature(Self.randomHashes(50, seed: 4))
        #expect(many.allSatisfy { $0 != .max })
        // 50 elements in 128 bins leave most bins to densification; they copy real values.
        #expect(Set(many).count <= 50)
    }

    @Test("k-permutation signatures use the full value range per permutation")
    func kPermutationValuesDiffer() {
        let hasher = MinHasher(permutations: 128, seed: 9, scheme: .kPermutations)
        let signature = hasher.signature(Self.randomHashes(1, seed: 4))
        // One element under 128 different permutations: 128 different values, almost surely.
        #expect(Set(signature).count > 120)
    }

    @Test("seed, k and scheme change the signature and the family identifier", arguments: MinHashScheme.allCases)
    func configurationMatters(scheme: MinHashScheme) {
        let hashes = Self.randomHashes(500, seed: 8)
        let base = MinHasher(permutations: 32, seed: 1, scheme: scheme)
        let reseeded = MinHasher(permutations: 32, seed: 2, scheme: scheme)
        let other = MinHasher(permutations: 32, seed: 1, scheme: scheme == .kPermutations ? .onePermutation : .kPermutations)
        #expect(base.signature(hashes) == MinHasher(permutations: 32, seed: 1, scheme: scheme).signature(hashes))
        #expect(base.signature(hashes) != reseeded.signature(hashes))
        #expect(base.signature(hashes) != other.signature(hashes))
        let identifiers = Set([base, reseeded, other, MinHasher(permutations: 33, seed: 1, scheme: scheme)].map(\.familyIdentifier))
        #expect(identifiers.count == 4)
        #expect(base.familyIdentifier.contains("v1"))
        #expect(base.familyIdentifier.contains("k=32"))
        #expect(base.familyIdentifier.contains(scheme.rawValue))
        #expect(base == MinHasher(permutations: 32, seed: 1, scheme: scheme))
        #expect(base != reseeded)
    }

    @Test("the default scheme is the one the benchmark found faster")
    func defaults() {
        let hasher = MinHasher()
        #expect(hasher.permutations == 128)
        #expect(hasher.scheme == MinHasher.defaultScheme)
        #expect(hasher.signature(Self.randomHashes(10, seed: 1)).count == 128)
    }

    @Test("out-of-range permutation counts are clamped, not fatal")
    func clamping() {
        #expect(MinHasher(permutations: 0).permutations == 1)
        #expect(MinHasher(permutations: -5).permutations == 1)
        #expect(MinHasher(permutations: Int.max).permutations == MinHasher.supportedPermutations.upperBound)
        #expect(MinHasher(permutations: 0, scheme: .kPermutations).signature([1, 2, 3]).count == 1)
    }

    @Test("signature(_:into:) writes the same values as signature(_:)", arguments: MinHashScheme.allCases)
    func intoBuffer(scheme: MinHashScheme) {
        let hasher = MinHasher(permutations: 24, seed: 6, scheme: scheme)
        let hashes = Self.randomHashes(77, seed: 6)
        var out = [UInt32](repeating: 0, count: 24)
        out.withUnsafeMutableBufferPointer { buffer in
            hashes.withUnsafeBufferPointer { hasher.signature($0, into: buffer) }
        }
        #expect(out == hasher.signature(hashes))
    }

    @Test("splitMix64 matches the published reference sequence")
    func splitMixReference() {
        // First outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var state: UInt64 = 0
        #expect(splitMix64(&state) == 0xe220_a839_7b1d_cdaf)
        #expect(splitMix64(&state) == 0x6e78_9e6a_a1b9_65f4)
    }

    @Test("shingles and signature in one pass equal the shingler's hashes and their signature",
          arguments: MinHashScheme.allCases)
    func shinglesAndSignatureInOnePass(scheme: MinHashScheme) {
        var state: UInt64 = 0x0F0F
        for length in [1, 3, 5, 8] {
            let shingler = Shingler(length: length)
            for k in [1, 4, 128] {
                let hasher = MinHasher(permutations: k, seed: 0x51 &+ UInt64(k), scheme: scheme)
                for n in [0, 1, length - 1, length, length + 1, 40, 1_500] where n >= 0 {
                    let scalars = (0..<n).map { _ in 0xAC00 + UInt32(truncatingIfNeeded: splitMix64(&state) % 40) }
                    let (shingles, signature) = scalars.withUnsafeBufferPointer { hasher.shinglesAndSignature(of: $0, shingler: shingler) }
                    let expected = shingler.hashes(scalars)
                    #expect(shingles == expected, "length \(length), k \(k), \(n) scalars")
                    #expect(signature == hasher.signature(expected), "length \(length), k \(k), \(n) scalars")
                }
            }
        }
    }
}
