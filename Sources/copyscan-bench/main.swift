// copyscan-bench: release micro-benchmarks. Each subcommand lives in its own file; this file
// only dispatches, so new benchmarks add a file and a line here.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let benchmarks: [(name: String, summary: String, run: ([String]) -> Int32)] = [
    ("kernels", "MinHash kernels in isolation: ns per shingle per permutation", KernelBenchmark.main),
    ("fingerprint", "text in memory → fingerprint / signature / window hashes: articles/s, MB/s", FingerprintBenchmark.main),
    ("profile", "the index build pipeline stage by stage on one thread", ProfileBenchmark.main),
    ("scan-profile", "a scan stage by stage on one thread, with candidate counts", ScanProfile.main),
]

let arguments = Array(CommandLine.arguments.dropFirst())
if let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) {
    exit(benchmark.run(Array(arguments.dropFirst())))
}
var usage = "usage: copyscan-bench <benchmark> [options]\n"
for benchmark in benchmarks { usage += "  \(benchmark.name)\t\(benchmark.summary)\n" }
printError(usage)
exit(2)
