// swift-tools-version: 6.0
import PackageDescription

// The AVX2 copy of the MinHash kernel is compiled for x86-64-v3 only on x86-64 hosts;
// the rest of the binary stays portable and picks the kernel at run time.
#if arch(x86_64)
let avx2Flags: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-march=x86-64-v3"])]
#else
let avx2Flags: [SwiftSetting] = []
#endif

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

// Release executables link the Swift runtime and Foundation statically on Linux: loading and
// resolving the shared libraries was a third of a cold `copyscan check` (30 interleaved runs on
// the 100k benchmark index: 21.3 → 13.3 ms; `--version` 11.7 → 5.8 ms; a scan of the
// benchmark's 2,000 suspects, 15 alternations: CPU 0.92 → 0.90 s). The binary grows from 15 to
// 85 MB. lld, shipped with the toolchain, links them: gold prints glibc's link-time warning for
// the `mktemp` inside static Foundation. Debug builds stay dynamic: they link faster, and the
// tests run them.
let staticRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release))]
// The executable's own module is compiled against the static runtime too: its object then
// names the static libraries Foundation depends on (ICU, collections, shims) for the linker.
let staticRuntimeCompile: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "copyscan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "copyscan", targets: ["copyscan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CPUFeatures"),
        .target(name: "NormalizerAVX2"),
        .target(name: "Articles", swiftSettings: strict),
        .target(name: "Extraction", dependencies: ["Articles", "CLibXML2"], swiftSettings: strict),
        .target(name: "MinHashAVX2", swiftSettings: strict + avx2Flags),
        .target(name: "Fingerprinting", dependencies: ["MinHashAVX2", "NormalizerAVX2", "CPUFeatures"], swiftSettings: strict),
        .target(name: "CorpusIndex", dependencies: ["Articles", "Fingerprinting", "CSQLite"], swiftSettings: strict),
        .target(name: "Alignment", dependencies: ["Fingerprinting"], swiftSettings: strict),
        .target(name: "Policy", dependencies: ["Articles", "Alignment"], swiftSettings: strict),
        .target(name: "Reporting", dependencies: ["Articles", "Alignment", "Policy"], swiftSettings: strict),
        .target(name: "Scanning", dependencies: [
            "Articles", "Extraction", "Fingerprinting", "CorpusIndex", "Alignment", "Policy", "Reporting",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], swiftSettings: strict),
        .executableTarget(name: "copyscan", dependencies: [
            "Scanning", "Reporting", "Extraction", "CorpusIndex",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: strict + staticRuntimeCompile, linkerSettings: staticRuntime),
        .target(name: "Evaluation", dependencies: ["Scanning", "Reporting", "Policy", "Alignment", "Fingerprinting", "Articles"], swiftSettings: strict),
        .executableTarget(name: "copyscan-eval", dependencies: [
            "Evaluation", "Fingerprinting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Sources/copyscan-eval", swiftSettings: strict),
        .executableTarget(name: "copyscan-bench", dependencies: ["Scanning", "Fingerprinting", "Extraction", "CorpusIndex", "Articles", "Alignment", "Policy", "Reporting"], path: "Sources/copyscan-bench", swiftSettings: strict + staticRuntimeCompile,
                          linkerSettings: staticRuntime),

        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Articles", "Fingerprinting"], swiftSettings: strict),
        .testTarget(name: "FingerprintingTests", dependencies: ["Fingerprinting", "MinHashAVX2", "NormalizerAVX2", "CPUFeatures"], swiftSettings: strict),
        .testTarget(name: "CorpusIndexTests", dependencies: ["CorpusIndex", "Fingerprinting", "Articles"], swiftSettings: strict),
        .testTarget(name: "AlignmentTests", dependencies: ["Alignment", "Fingerprinting"], swiftSettings: strict),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Alignment", "Articles"], swiftSettings: strict),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Policy", "Alignment", "Articles", "Fingerprinting"], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["Scanning", "Articles", "copyscan"], swiftSettings: strict),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Articles"], swiftSettings: strict),
        .testTarget(name: "ScanningTests", dependencies: ["Scanning", "Policy", "Articles", "Reporting", "Fingerprinting"], swiftSettings: strict),
    ]
)
