import Testing
import Fingerprinting

/// MinHash is only useful if its estimate of Jaccard similarity is unbiased with the
/// binomial spread √(J(1−J)/k). Every trial uses a fixed seed, so these tests are
/// deterministic; the bounds are wide enough that a correct hasher passes for any seeds
/// (4 standard errors for the mean) and narrow enough that a bias of a few hundredths, or a
/// family with correlated permutations, fails.
@Suite("MinHash estimates Jaccard similarity without bias")
struct MinHashStatisticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let scheme: MinHashScheme
        let permutations: Int
        let jaccard: Double
        let unionSize: Int
        var testDescription: String { "\(scheme.rawValue) k=\(permutations) J=\(jaccard) |A∪B|=\(unionSize)" }
    }

    static let jaccards = [0.1, 0.3, 0.5, 0.8, 0.95]
    static let trials = 400

    static let documentCases: [Case] = MinHashScheme.allCases.flatMap { scheme in
        [64, 128].flatMap { k in jaccards.map { Case(scheme: scheme, permutations: k, jaccard: $0, unionSize: 400) } }
    }

    /// Window-sized sets: about as many elements as bins, so densification does real work.
    static let windowCases: [Case] = [4, 8, 16, 64, 128].flatMap { k in
        jaccards.map { Case(scheme: .onePermutation, permutations: k, jaccard: $0, unionSize: 150) }
    }

    @Test("mean and spread over many trials", arguments: documentCases + windowCases)
    func unbiased(_ c: Case) {
        let (mean, sd, trueJaccard) = Self.run(c)
        let binomialSD = (trueJaccard * (1 - trueJaccard) / Double(c.permutations)).squareRoot()
        let standardError = binomialSD / Double(Self.trials).squareRoot()
        #expect(abs(mean - trueJaccard) <= 4 * standardError, "mean \(mean) vs J \(trueJaccard) (standard error \(standardError))")
        #expect(sd <= 1.25 * binomialSD, "sd \(sd) vs binomial \(binomialSD)")
        // Far below the binomial spread would mean the estimate does not come from k
        // samples at all (for instance, signatures that ignore most of the set).
        #expect(sd >= 0.5 * binomialSD, "sd \(sd) vs binomial \(binomialSD)")
    }

    /// One-permutation hashing mixes its input with one multiply, trusting the shingler's
    /// avalanche; hashes with structure (consecutive numbers, here) must still give unbiased
    /// estimates, or a caller with weaker hashes would get wrong similarities silently.
    @Test("one-permutation estimates stay unbiased on consecutive numbers", arguments: [64, 128].flatMap { k in
        jaccards.map { Case(scheme: .onePermutation, permutations: k, jaccard: $0, unionSize: 400) }
    })
    func unbiasedOnStructuredHashes(_ c: Case) {
        let (mean, sd, trueJaccard) = Self.run(c, structured: true)
        let binomialSD = (trueJaccard * (1 - trueJaccard) / Double(c.permutations)).squareRoot()
        let standardError = binomialSD / Double(Self.trials).squareRoot()
        #expect(abs(mean - trueJaccard) <= 4 * standardError, "mean \(mean) vs J \(trueJaccard) (standard error \(standardError))")
        #expect(sd <= 1.25 * binomialSD, "sd \(sd) vs binomial \(binomialSD)")
        #expect(sd >= 0.5 * binomialSD, "sd \(sd) vs binomial \(binomialSD)")
    }

    /// Builds, per trial, two fresh random sets with exactly `round(J·U)` shared elements
    /// out of `U`, hashes them with a hasher of a trial-specific seed, and returns the mean
    /// and standard deviation of the estimates, and the exact Jaccard similarity.
    /// `structured`: the elements are consecutive numbers from a random start, in a random
    /// split between the shared and the unshared parts, instead of random 64-bit values.
    static func run(_ c: Case, structured: Bool = false) -> (mean: Double, sd: Double, jaccard: Double) {
        let shared = Int((c.jaccard * Double(c.unionSize)).rounded())
        let onlyA = (c.unionSize - shared) / 2
        var estimates: [Double] = []
        var state: UInt64 = 0x5747_0000 ^ UInt64(c.permutations) << 8 ^ UInt64(c.jaccard * 100)
        for trial in 0..<trials {
            let hasher = MinHasher(permutations: c.permutations, seed: 1_000 + UInt64(trial), scheme: c.scheme)
            let elements: [UInt64]
            if structured {
                let start = splitMix64(&state) >> 16
                var numbers = (0..<UInt64(c.unionSize)).map { start + $0 }
                // Fisher–Yates with the test's own stream, so the split stays deterministic.
                for i in stride(from: numbers.count - 1, to: 0, by: -1) {
                    numbers.swapAt(i, Int(splitMix64(&state) % UInt64(i + 1)))
                }
                elements = numbers
            } else {
                // SplitMix64 never repeats within a stream, so the parts are disjoint.
                elements = (0..<c.unionSize).map { _ in splitMix64(&state) }
            }
            let common = Array(elements[0..<shared])
            let a = common + elements[shared..<(shared + onlyA)]
            let b = Array(elements[(shared + onlyA)...]) + common
            estimates.append(MinHasher.estimateJaccard(signature(hasher, a), signature(hasher, b)))
        }
        let mean = estimates.reduce(0, +) / Double(trials)
        let variance = estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(trials - 1)
        return (mean, variance.squareRoot(), Double(shared) / Double(c.unionSize))
    }

    /// The statistics belong to the hash family, not the kernel (the kernel tests prove all
    /// kernels bit-identical), and in a debug build the scalar kernel is the fastest by 3×.
    static func signature(_ hasher: MinHasher, _ hashes: [UInt64]) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: hasher.permutations)
        out.withUnsafeMutableBufferPointer { buffer in
            hashes.withUnsafeBufferPointer { hasher.signature($0, into: buffer, kernel: .scalar) }
        }
        return out
    }
}
