import CPUFeatures
import MinHashAVX2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which implementation computes k-permutation signatures. All give bit-identical results;
/// they differ only in speed and in the CPUs they run on.
package enum MinHashKernel: String, Sendable, CaseIterable {
    /// `ScalarKPermutation`: the reference, one lane at a time.
    case scalar
    /// The SIMD kernel compiled for the build's baseline CPU (SSE2 on x86-64).
    case portable
    /// The same SIMD kernel compiled for x86-64-v3, in module `MinHashAVX2`.
    case avx2

    /// The environment variable that forces a kernel, for tests and benchmarks.
    package static let environmentVariable = "COPYSCAN_KERNEL"

    /// Whether this CPU can run the kernel.
    package var isSupported: Bool {
        switch self {
        case .scalar, .portable: return true
        case .avx2: return Self.cpuHasAVX2
        }
    }

    private static let cpuHasAVX2: Bool = {
        #if arch(x86_64)
        return copyscan_cpu_has_avx2() == 1
        #else
        return false
        #endif
    }()

    /// The kernel used by `MinHasher`: `COPYSCAN_KERNEL` when it names a kernel this CPU
    /// supports, else AVX2 when the CPU has it, else the portable kernel. Decided once.
    package static let selected: MinHashKernel = choose(forced: readEnvironment())

    package static func choose(forced: String?) -> MinHashKernel {
        if let forced, let kernel = MinHashKernel(rawValue: forced.lowercased()), kernel.isSupported {
            return kernel
        }
        return MinHashKernel.avx2.isSupported ? .avx2 : .portable
    }

    private static func readEnvironment() -> String? {
        guard let value = getenv(environmentVariable) else { return nil }
        return String(cString: value)
    }
}
