/// The k-permutation MinHash kernel compiled for x86-64-v3 (AVX2): the same source as the
/// portable kernel in `Fingerprinting` (`KPermutationKernel.swift` is a symbolic link to it).
///
/// Call it only after `copyscan_cpu_has_avx2()` returned 1: every instruction in this module
/// may be AVX2. `Fingerprinting.MinHasher` makes that choice at run time.
public enum MinHashAVX2 {
    /// Writes the MinHash of `hashes` under the permutations in `parameters` (a, b, c per
    /// block of eight) into `output`.
    // Never inlined: Swift's optimiser inlines across modules before LLVM sees target
    // flags, and an inlined copy would silently be compiled with the caller's portable ones.
    @inline(never)
    public static func kPermutationSignature(
        hashes: UnsafeBufferPointer<UInt64>,
        parameters: UnsafeBufferPointer<SIMD8<UInt32>>,
        output: UnsafeMutableBufferPointer<UInt32>
    ) {
        kPermutationKernel(hashes: hashes, parameters: parameters, output: output)
    }
}

extension MinHashAVX2 {
    /// The k-permutation signatures of `windows` of `hashes`, one after another in `output`.
    // Never inlined, like `kPermutationSignature`.
    @inline(never)
    public static func kPermutationWindowSignatures(
        hashes: UnsafeBufferPointer<UInt64>,
        parameters: UnsafeBufferPointer<SIMD8<UInt32>>,
        permutations: Int,
        windows: UnsafeBufferPointer<Range<Int>>,
        output: UnsafeMutableBufferPointer<UInt32>
    ) {
        kPermutationWindowSignaturesKernel(hashes: hashes, parameters: parameters, permutations: permutations,
                                           windows: windows, output: output)
    }
}
