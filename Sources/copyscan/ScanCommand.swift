import ArgumentParser
import CorpusIndex
import Extraction
import Foundation
import Policy
import Reporting
import Scanning

/// Where the archive to scan against comes from.
struct ArchiveOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A persistent index built by `copyscan index` (default: \(Defaults.indexPath)).", valueName: "DB"))
    var index: String?

    @Option(help: ArgumentHelp("Scan against this archive directory; its index is built or updated and cached.", valueName: "ARCHIVE"))
    var against: String?

    @OptionGroup var fingerprint: FingerprintOptions

    func validate() throws {
        if index != nil && against != nil { throw ValidationError("give --index or --against, not both") }
    }

    /// The index to query, building the cached one for `--against` first.
    func resolveIndex(jobs: Int) throws -> String {
        guard let archive = against else { return index ?? Defaults.indexPath }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: archive, isDirectory: &isDirectory) else {
            throw ValidationError("--against \(archive): no such file or directory")
        }
        let path = Defaults.cachedIndex(for: archive, parameters: fingerprint.parameters)
        let summary = try Indexer(parameters: fingerprint.parameters, jobs: jobs).index(paths: [archive], into: path)
        for p in summary.problems { Output.note("warning: archive article skipped: \(p)") }
        if summary.added + summary.updated + summary.removed > 0 {
            Output.note("indexed \(archive): \(summary.indexDocuments) articles (cache: \(path))")
        }
        return path
    }
}

/// Configuration file, CI behaviour and baseline, shared by `scan` and `check`.
struct GateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Configuration file (default: ./copyscan.toml when present).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Exit 1 on: violation (default), reuse (any unexplained reuse), never.", valueName: "LEVEL"))
    var failOn: Configuration.FailOn?

    @Option(help: ArgumentHelp("Accepted findings (JSON written by --write-baseline): reported, but they do not fail.", valueName: "FILE"))
    var baseline: String?

    @Option(help: ArgumentHelp("Write the current findings as a baseline to FILE.", valueName: "FILE"))
    var writeBaseline: String?
}

extension Configuration.FailOn: ExpressibleByArgument {}

func render(_ report: ScanReport, _ options: ReportOptions) throws {
    try Output.write(chunks: format(report, as: options.format, showClean: options.showClean, toTerminal: options.output == nil),
                     to: options.output)
}

/// The report in one format, as UTF-8 chunks to be written one after the other: the JSON
/// report comes in the pieces the cores wrote, never joined into one text. Locations in SARIF
/// resolve against the working directory.
func format(_ report: ScanReport, as format: OutputFormat, showClean: Bool = false, toTerminal: Bool = false) throws -> [[UInt8]] {
    let text: String
    switch format {
    case .text:
        let color = toTerminal && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        text = TextReport.render(report, showClean: showClean, color: color)
    case .json: return try JSONReport.renderChunks(report)
    case .html: text = HTMLReport.render(report)
    case .sarif: text = SARIFReport.render(report, locator: .fileSystem())
    case .csv: text = CSVReport.render(report)
    case .md: text = MarkdownReport.render(report)
    }
    return [Array(text.utf8)]
}

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan articles for text reused from an archive.",
        discussion: """
            Every article in PATH... is compared with the archive: candidates from the LSH index,
            then exact verification and passage alignment, then a verdict per article:
              violation  substantial reuse of a source whose notice forbids it
              reuse      substantial reuse of a source without such a notice
              clean      nothing substantial reused
            Reuse is substantial at --min-chars copied characters or --min-coverage of the source.

            Examples:
              copyscan scan --against Corpus/archive Corpus/incoming
              copyscan scan --index archive.sqlite --format json --output report.json crawled/
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var jobs: JobsOption

    @Argument(help: "Article files or directories to scan.")
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or directory to scan") }
    }

    func run() throws {
        try scanAndReport(archive: archive, report: report, policy: policy, gate: gate, jobs: jobs.jobs, paths: paths, publishToCI: false)
    }
}

/// Runs a scan with the configuration file, command-line overrides and baseline applied, and
/// returns the report with the exit code it deserves.
func runScan(archive: ArchiveOptions, policy: PolicyOptions, gate: GateOptions, jobs: Int, paths: [String]) throws -> (ScanReport, ExitCode) {
    do {
        let configuration = try Configuration.load(explicit: gate.config)
        let indexPath = try archive.resolveIndex(jobs: jobs)
        if let stored = try? CorpusIndex.open(at: indexPath).extractionVersion(), stored != ArticleReader.version {
            Output.note("warning: \(indexPath) holds articles read by another version of copyscan (\(stored)); run `copyscan index` on the archive again so notices and boilerplate are current")
        }
        var options = ScanOptions(configuration)
        options.policy = policy.apply(to: configuration.policy)
        options.jobs = jobs
        var report = try Scanner(indexPath: indexPath, options: options).scan(paths: paths)
        if let path = gate.baseline {
            let accepted = try Baseline.load(path: path).apply(to: &report)
            if accepted > 0 { Output.note("\(accepted) finding\(accepted == 1 ? "" : "s") accepted by the baseline \(path)") }
        }
        if let path = gate.writeBaseline {
            try Baseline(from: report).write(to: path)
            Output.note("baseline written to \(path)")
        }
        return (report, ExitStatus.of(report, failOn: gate.failOn ?? configuration.failOn))
    } catch let e as ConfigurationError {
        throw ExitStatus.fail(ValidationError(e.description))
    } catch {
        throw ExitStatus.fail(error)
    }
}

/// What `scan` and `check` do: scan, render, publish to CI when asked, report unreadable inputs,
/// and exit with the code the findings deserve.
func scanAndReport(archive: ArchiveOptions, report: ReportOptions, policy: PolicyOptions, gate: GateOptions, jobs: Int,
                   paths: [String], publishToCI: Bool) throws {
    let (result, code) = try runScan(archive: archive, policy: policy, gate: gate, jobs: jobs, paths: paths)
    do {
        try render(result, report)
        if publishToCI { try ContinuousIntegration.publish(result) }
    } catch {
        throw ExitStatus.fail(error)
    }
    for e in result.errors { Output.note("error: \(e.path): \(e.problem)") }
    throw code
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check articles before publication: exit 1 when a violation is found.",
        discussion: """
            The same scan as `copyscan scan`, for CI pipelines: the text report lists only what is
            flagged, and the exit code says what was found (0 nothing flagged, 1 a finding at the
            --fail-on level, 2 usage or input error, 3 internal error).

            On GitHub Actions (GITHUB_ACTIONS=true) it also writes workflow annotations
            (::error for violations, ::warning for reuse; 10 of each, then a summary) and, when
            GITHUB_STEP_SUMMARY is set, a Markdown summary there. Settled cases go in a baseline
            (--write-baseline, then --baseline) so they do not fail every run.

            Example: copyscan check --against Corpus/archive drafts/new-article.txt
            """)

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var jobs: JobsOption

    @Argument(help: "Articles to check.")
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one article to check") }
    }

    func run() throws {
        try scanAndReport(archive: archive, report: report, policy: policy, gate: gate, jobs: jobs.jobs, paths: paths, publishToCI: true)
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare one suspect article with one source, passages shown.",
        discussion: "Example: copyscan compare Corpus/incoming/copy.txt Corpus/archive/original.txt")

    @OptionGroup var report: ReportOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var fingerprint: FingerprintOptions

    @Argument(help: "The article that may have copied.")
    var suspect: String
    @Argument(help: "The article it may have copied from.")
    var source: String

    func run() throws {
        var comparer = Comparer()
        comparer.parameters = fingerprint.parameters
        comparer.options.policy = policy.apply(to: PolicyConfiguration())
        let result: ScanReport
        do { result = try comparer.compare(suspectPath: suspect, sourcePath: source) } catch { throw ExitStatus.fail(error) }
        var options = report
        options.showClean = true
        do { try render(result, options) } catch { throw ExitStatus.fail(error) }
        throw ExitStatus.of(result)
    }
}
