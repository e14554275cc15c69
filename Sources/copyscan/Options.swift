import ArgumentParser
import Fingerprinting
import Foundation
import Policy
import Reporting
import Scanning

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, sarif, csv, md
}

struct ReportOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Report format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE instead of standard output. A regular FILE is replaced whole (never left half-written); a device or pipe is written into.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Also list clean articles in the text report.")
    var showClean = false
}

struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Copied characters that make reuse substantial (default \(PolicyConfiguration().minCopiedCharacters)).", valueName: "N"))
    var minChars: Int?

    @Option(help: ArgumentHelp("Share of the source (0–1) that makes reuse substantial however short (default \(PolicyConfiguration().minCoverage)).", valueName: "SHARE"))
    var minCoverage: Double?

    func validate() throws {
        if let minChars, minChars < 1 { throw ValidationError("--min-chars must be at least 1") }
        if let minCoverage, !(minCoverage > 0 && minCoverage <= 1) { throw ValidationError("--min-coverage must be in (0, 1]") }
    }

    /// The configuration with the flags given on the command line taking precedence.
    func apply(to base: PolicyConfiguration) -> PolicyConfiguration {
        var c = base
        if let minChars { c.minCopiedCharacters = minChars }
        if let minCoverage { c.minCoverage = minCoverage }
        return c
    }
}

struct FingerprintOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Shingle length in characters (syllables), for a new index.", valueName: "K"))
    var shingleLength: Int = FingerprintParameters().shingleLength

    func validate() throws {
        guard (2...16).contains(shingleLength) else { throw ValidationError("--shingle-length must be between 2 and 16") }
    }

    var parameters: FingerprintParameters {
        var p = FingerprintParameters()
        p.shingleLength = shingleLength
        return p
    }
}

struct JobsOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Threads to use (default: all cores).", valueName: "N"))
    var jobs: Int = availableCores

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

enum Defaults {
    static let indexPath = ".copyscan/index.sqlite"

    /// Where `--against ARCHIVE` keeps its index: one file per archive directory and parameters.
    static func cachedIndex(for archive: String, parameters: FingerprintParameters) -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["COPYSCAN_CACHE_DIR"]
            ?? env["XDG_CACHE_HOME"].map { $0 + "/copyscan" }
            ?? env["HOME"].map { $0 + "/.cache/copyscan" }
            ?? NSTemporaryDirectory() + "copyscan"
        let key = InputCollector.absolute(archive) + "|" + parameters.identifier
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let name = (InputCollector.absolute(archive) as NSString).lastPathComponent
        return "\(base)/\(name)-\(String(h, radix: 16)).sqlite"
    }
}
