import Testing
@testable import Fingerprinting

/// The SIMD kernels must reproduce the scalar reference bit for bit: signatures computed on
/// one machine are compared with signatures stored by another that may have chosen another
/// kernel.
@Suite("MinHash kernels agree with the scalar reference")
struct MinHashKernelTests {
    static let sizes = [0, 1, 7, 8, 9, 1000]
    static let permutationCounts = [1, 4, 8, 16, 128, 129]

    @Test("bit-identical signatures", arguments: permutationCounts)
    func kernelsMatchScalar(permutations: Int) {
        let hasher = MinHasher(permutations: permutations, seed: 0xfeed_0000 + UInt64(permutations), scheme: .kPermutations)
        var state: UInt64 = 77 &* UInt64(permutations)
        for size in Self.sizes {
            let hashes = (0..<size).map { _ in splitMix64(&state) }
            let reference = signature(hasher, hashes, .scalar)
            #expect(reference.count == permutations)
            for kernel in [MinHashKernel.portable, .avx2] where kernel.isSupported {
                let result = signature(hasher, hashes, kernel)
                #expect(result == reference, "kernel \(kernel.rawValue), \(size) hashes, k = \(permutations)")
            }
        }
    }

    @Test("the reference is the minimum of a·lo + b·hi + c over the set, per permutation")
    func scalarMatchesDefinition() {
        // An independent, deliberately naive statement of the family, so that a bug shared
        // by the reference and the kernels (say, swapped halves) is caught too.
        let hasher = MinHasher(permutations: 9, seed: 5, scheme: .kPermutations)
        let parameters = KPermutationParameters(permutations: 9, seed: 5)
        let hashes: [UInt64] = [0x0123_4567_89ab_cdef, 0xffff_ffff_0000_0001, 42, 0x8000_0000_0000_0000]
        for i in 0..<9 {
            let (a, b, c) = parameters.scalar(i)
            #expect(a & 1 == 1 && b & 1 == 1)
            var expected = UInt64(UInt32.max)
            for h in hashes {
                let v = (UInt64(a) * (h & 0xffff_ffff) + UInt64(b) * (h >> 32) + UInt64(c)) % (1 << 32)
                expected = min(expected, v)
            }
            for kernel in MinHashKernel.allCases where kernel.isSupported {
                #expect(UInt64(signature(hasher, hashes, kernel)[i]) == expected, "kernel \(kernel.rawValue), permutation \(i)")
            }
        }
    }

    @Test("the empty set gives all UInt32.max in every kernel")
    func emptyInput() {
        let hasher = MinHasher(permutations: 20, scheme: .kPermutations)
        for kernel in MinHashKernel.allCases where kernel.isSupported {
            #expect(signature(hasher, [], kernel) == [UInt32](repeating: .max, count: 20))
        }
    }

    @Test("writing into a buffer touches only the signature's positions")
    func bufferBounds() {
        let hasher = MinHasher(permutations: 13, scheme: .kPermutations)
        let hashes: [UInt64] = (1...50).map { $0 &* 0x9e37_79b9_7f4a_7c15 }
        let expected = hasher.signature(hashes)
        for kernel in MinHashKernel.allCases where kernel.isSupported {
            // A longer buffer keeps its tail; a shorter one receives a prefix.
            var long = [UInt32](repeating: 7, count: 20)
            long.withUnsafeMutableBufferPointer { out in
                hashes.withUnsafeBufferPointer { hasher.signature($0, into: out, kernel: kernel) }
            }
            #expect(Array(long[..<13]) == expected)
            #expect(long[13...].allSatisfy { $0 == 7 })
            var short = [UInt32](repeating: 7, count: 5)
            short.withUnsafeMutableBufferPointer { out in
                hashes.withUnsafeBufferPointer { hasher.signature($0, into: out, kernel: kernel) }
            }
            #expect(short == Array(expected[..<5]))
        }
    }

    @Test("COPYSCAN_KERNEL picks a supported kernel and ignores anything else")
    func kernelChoice() {
        let best: MinHashKernel = MinHashKernel.avx2.isSupported ? .avx2 : .portable
        #expect(MinHashKernel.choose(forced: nil) == best)
        #expect(MinHashKernel.choose(forced: "scalar") == .scalar)
        #expect(MinHashKernel.choose(forced: "Portable") == .portable)
        #expect(MinHashKernel.choose(forced: "avx2") == best)
        #expect(MinHashKernel.choose(forced: "sse9") == best)
        #expect(MinHashKernel.choose(forced: "") == best)
    }

    private func signature(_ hasher: MinHasher, _ hashes: [UInt64], _ kernel: MinHashKernel) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: hasher.permutations)
        out.withUnsafeMutableBufferPointer { buffer in
            hashes.withUnsafeBufferPointer { hasher.signature($0, into: buffer, kernel: kernel) }
        }
        return out
    }
}
