/// The reference k-permutation MinHash: one permutation at a time, one hash at a time, in
/// plain integer arithmetic. The SIMD kernels must give bit-identical signatures.
enum ScalarKPermutation {
    static func signature(
        hashes: UnsafeBufferPointer<UInt64>,
        parameters: KPermutationParameters,
        output: UnsafeMutableBufferPointer<UInt32>
    ) {
        for i in 0..<min(output.count, parameters.permutations) {
            let (a, b, c) = parameters.scalar(i)
            var m = UInt32.max
            for h in hashes {
                let v = a &* UInt32(truncatingIfNeeded: h) &+ b &* UInt32(truncatingIfNeeded: h >> 32) &+ c
                if v < m { m = v }
            }
            output[i] = m
        }
    }
}
