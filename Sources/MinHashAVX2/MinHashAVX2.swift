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
    /// Every hash under every permutation, a row per permutation (permutations rounded up to a
    /// multiple of four), into `values`.
    // Never inlined, like `kPermutationSignature`.
    @inline(never)
    public static func kPermutationValues(
        hashes: UnsafeBufferPointer<UInt64>,
        parameters: UnsafeBufferPointer<SIMD8<UInt32>>,
        permutations: Int,
        values: UnsafeMutableBufferPointer<UInt32>
    ) {
        kPermutationValuesKernel(hashes: hashes, parameters: parameters, permutations: permutations, values: values)
    }

    /// The minimum of each permutation's row of `values` over each window, into `output`.
    @inline(never)
    public static func kPermutationWindowMinima(
        values: UnsafeBufferPointer<UInt32>,
        count: Int,
        permutations: Int,
        windows: UnsafeBufferPointer<Range<Int>>,
        output: UnsafeMutableBufferPointer<UInt32>
    ) {
        kPermutationWindowMinimaKernel(values: values, count: count, permutations: permutations, windows: windows, output: output)
    }
}
