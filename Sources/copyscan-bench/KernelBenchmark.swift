import Fingerprinting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `copyscan-bench kernels [--shingles N] [--permutations K] [--runs R] [--min-time S]`
/// times each k-permutation kernel and one-permutation hashing on pre-hashed random shingle
/// sets and prints the median of R runs with min and max, and the ratio to the scalar
/// reference timed in the same invocation.
///
/// `--callgrind KERNEL --signatures M` instead computes M signatures with one kernel
/// (`scalar`, `portable`, `avx2`, `oph`) inside `callgrindRegion`, for `Scripts/callgrind-kernels`.
enum KernelBenchmark {
    struct Options {
        var shingles = 1_590
        var permutations = 128
        var runs = 7
        var minimumSeconds = 0.2
        var callgrindKernel: String?
        var signatures = 100
    }

    static func main(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            printError("usage: copyscan-bench kernels [--shingles N] [--permutations K] [--runs R] [--min-time SECONDS] [--callgrind scalar|portable|avx2|oph --signatures M]\n")
            return 2
        }
        let sets = makeSets(count: 16, size: options.shingles)
        if let name = options.callgrindKernel {
            guard let variant = Variant.all(options.permutations).first(where: { $0.name == name }) else {
                printError("unknown kernel \(name)\n")
                return 2
            }
            guard variant.kernel.isSupported else {
                printError("kernel \(name) is not supported on this CPU (under valgrind: not advertised by its CPUID)\n")
                return 1
            }
            let checksum = callgrindRegion(variant, sets, options.signatures)
            print("kernel=\(name) signatures=\(options.signatures) shingles=\(options.shingles) permutations=\(options.permutations) checksum=\(checksum)")
            return 0
        }
        run(options, sets)
        return 0
    }

    /// One way of computing a signature.
    struct Variant {
        let name: String
        let hasher: MinHasher
        let kernel: MinHashKernel

        static func all(_ k: Int) -> [Variant] {
            let kPerm = MinHasher(permutations: k, scheme: .kPermutations)
            let oph = MinHasher(permutations: k, scheme: .onePermutation)
            return [
                Variant(name: "scalar", hasher: kPerm, kernel: .scalar),
                Variant(name: "portable", hasher: kPerm, kernel: .portable),
                Variant(name: "avx2", hasher: kPerm, kernel: .avx2),
                Variant(name: "oph", hasher: oph, kernel: .portable),
            ]
        }

        @inline(never)
        func compute(_ sets: [[UInt64]], _ count: Int, _ output: UnsafeMutableBufferPointer<UInt32>) -> UInt64 {
            var checksum: UInt64 = 0
            for i in 0..<count {
                sets[i % sets.count].withUnsafeBufferPointer { hasher.signature($0, into: output, kernel: kernel) }
                checksum &+= UInt64(output[i % output.count])
            }
            return checksum
        }
    }

    @inline(never)
    static func callgrindRegion(_ variant: Variant, _ sets: [[UInt64]], _ count: Int) -> UInt64 {
        let output = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: variant.hasher.permutations)
        defer { output.deallocate() }
        return variant.compute(sets, count, output)
    }

    static func run(_ options: Options, _ sets: [[UInt64]]) {
        let k = options.permutations
        print("MinHash kernels: \(options.shingles) distinct random 64-bit shingle hashes per set, k = \(k), median of \(options.runs) runs (min–max)")
        print("CPU has AVX2: \(MinHashKernel.avx2.isSupported); kernel MinHasher selects: \(MinHashKernel.selected.rawValue)")
        let output = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: k)
        defer { output.deallocate() }
        var scalarMedian: Double?
        var sink: UInt64 = 0
        let header = ["kernel", "ns/shingle/perm", "ns/shingle", "µs/signature", "signatures/s", "vs scalar"]
        print(header.map { pad($0, 16) }.joined())
        for variant in Variant.all(k) {
            if variant.kernel == .avx2 && !variant.kernel.isSupported {
                print(pad(variant.name, 16) + "(CPU has no AVX2)")
                continue
            }
            // Size a run to take about min-time, from a short calibration.
            var count = 8
            while true {
                let start = now()
                sink &+= variant.compute(sets, count, output)
                let elapsed = now() - start
                if elapsed >= options.minimumSeconds * 0.25 || count >= 1 << 30 {
                    count = max(1, Int(Double(count) * options.minimumSeconds / max(elapsed, 1e-9)))
                    break
                }
                count *= 4
            }
            var perSignature: [Double] = []
            for _ in 0..<options.runs {
                let start = now()
                sink &+= variant.compute(sets, count, output)
                perSignature.append((now() - start) / Double(count))
            }
            perSignature.sort()
            let median = perSignature[perSignature.count / 2]
            if variant.kernel == .scalar && variant.hasher.scheme == .kPermutations { scalarMedian = median }
            let n = Double(options.shingles)
            func perm(_ s: Double) -> String { format(s * 1e9 / n / Double(k), 4) }
            let cells = [
                variant.name,
                "\(perm(median)) (\(perm(perSignature[0]))–\(perm(perSignature[perSignature.count - 1])))",
                format(median * 1e9 / n, 3),
                format(median * 1e6, 2),
                format(1 / median, 0),
                scalarMedian.map { format($0 / median, 1) + "×" } ?? "-",
            ]
            print(cells.enumerated().map { $0.offset == 1 ? pad($0.element, 30) : pad($0.element, 16) }.joined())
        }
        print("checksum \(sink)")
    }

    /// Distinct pseudo-random hashes (SplitMix64 outputs never repeat within one stream).
    static func makeSets(count: Int, size: Int) -> [[UInt64]] {
        var state: UInt64 = 2026
        return (0..<count).map { _ in (0..<size).map { _ in splitMix64(&state) } }
    }

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var i = 0
        while i < arguments.count {
            guard i + 1 < arguments.count else { return nil }
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--shingles": guard let v = Int(value), v >= 0 else { return nil }; options.shingles = v
            case "--permutations": guard let v = Int(value), v >= 1 else { return nil }; options.permutations = v
            case "--runs": guard let v = Int(value), v >= 1 else { return nil }; options.runs = v
            case "--min-time": guard let v = Double(value), v > 0 else { return nil }; options.minimumSeconds = v
            case "--signatures": guard let v = Int(value), v >= 1 else { return nil }; options.signatures = v
            case "--callgrind": options.callgrindKernel = value
            default: return nil
            }
            i += 2
        }
        return options
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func format(_ x: Double, _ decimals: Int) -> String {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        let r = (x * p).rounded() / p
        if decimals == 0 { return String(Int(r)) }
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let have = s.distance(from: dot, to: s.endIndex) - 1
            if have < decimals { s += String(repeating: "0", count: decimals - have) }
        }
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
