import ArgumentParser
import Evaluation
import Fingerprinting
import Foundation

/// `copyscan-eval --set DIR`: indexes the set's sources, scans its suspects, prints the PAN
/// table and exits 1 when a quality target is missed. `--sweep` runs one-parameter-at-a-time
/// variants instead and prints (or writes) their table.
@main
struct CopyscanEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copyscan-eval",
        abstract: "Measure copyscan's detection quality on an evaluation set (PAN text-alignment measures and verdicts).",
        discussion: """
            Build a set with Scripts/eval (which also runs this). Exit codes: 0 every target met,
            1 a target missed (each is printed), 2 usage or input error, 3 internal error.
            """)

    @Option(help: ArgumentHelp("The evaluation set's folder (truth.json, sources/, suspects/).", valueName: "DIR"))
    var set: String

    @Option(help: ArgumentHelp("Folder for the index files (default: a new temporary folder, removed afterwards).", valueName: "DIR"))
    var work: String?

    @Option(help: "Which reported passages are detections: all (every listed match) or substantial (matches judged beyond clean).")
    var detections: String = DetectionScope.allMatches.rawValue

    @Flag(help: "Run the one-parameter-at-a-time sweep around the given configuration.")
    var sweep = false

    @Option(help: ArgumentHelp("With --sweep: only variants whose name starts with one of these (comma-separated).", valueName: "PREFIXES"))
    var only: String?

    @Option(help: ArgumentHelp("Write the table (or the sweep's) as Markdown to FILE as well.", valueName: "FILE"))
    var markdown: String?

    @Option(help: ArgumentHelp("Write the scorecard as JSON to FILE.", valueName: "FILE"))
    var json: String?

    @Flag(help: "List the cases whose verdict was not the expected one, or whose passages were found poorly.")
    var showCases = false

    @Option(help: "Threads for indexing and scanning (default: all cores).")
    var jobs: Int?

    @OptionGroup(title: "Parameters (default: copyscan's defaults)")
    var parameters: ParameterOptions

    mutating func run() throws {
        guard let scope = DetectionScope(rawValue: detections) else {
            throw ValidationError("--detections must be one of \(DetectionScope.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let evaluationSet: EvaluationSet
        do { evaluationSet = try EvaluationSet.load(folder: set) } catch {
            FileHandle.standardError.write(Data("copyscan-eval: \(error)\n".utf8))
            throw ExitCode(2)
        }
        var base = EvaluationConfiguration()
        base.detections = scope
        if let jobs { base.options.jobs = max(1, jobs) }
        parameters.apply(to: &base)

        let folder = work ?? NSTemporaryDirectory() + "copyscan-eval-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(atPath: folder) } }

        print("evaluation set \(set): seed \(evaluationSet.seed), size \(evaluationSet.size), \(evaluationSet.cases.count) cases, \(evaluationSet.indexedDocuments) indexed documents")
        for note in evaluationSet.notes { print("  texts: \(note)") }
        if sweep {
            try runSweep(evaluationSet, base: base, folder: folder)
            return
        }
        print("parameters: \(describe(base))")
        let runner = EvaluationRunner(configuration: base)
        let run: EvaluationRun
        do { run = try runner.run(evaluationSet, index: (folder as NSString).appendingPathComponent("index.sqlite")) } catch {
            FileHandle.standardError.write(Data("copyscan-eval: \(error)\n".utf8))
            throw ExitCode(3)
        }
        let card = Scorecard(set: evaluationSet, run: run)
        for note in card.notes { print("note: \(note)") }
        print("")
        print(card.render(), terminator: "")
        print(String(format: "indexing %.2f s, scanning %.2f s (%d suspects)", run.indexSeconds, run.scanSeconds,
                     run.outcomes.filter { $0.verdict != nil }.count))
        if showCases { print(CaseListing.render(run.outcomes)) }
        if let markdown { try card.render(markdown: true).write(toFile: markdown, atomically: true, encoding: .utf8) }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(card).write(to: URL(fileURLWithPath: json))
        }
        if card.meetsTargets {
            print("all targets met")
        } else {
            print("TARGETS MISSED:")
            for miss in card.misses { print("  - \(miss)") }
            throw ExitCode(1)
        }
    }

    func runSweep(_ set: EvaluationSet, base: EvaluationConfiguration, folder: String) throws {
        let prefixes = only.map { $0.split(separator: ",").map(String.init) }
        let variants = SweepVariant.oneAtATime.filter { v in prefixes.map { $0.contains { v.name.hasPrefix($0) } || v.name == "base" } ?? true }
        print("base parameters: \(describe(base))")
        var results: [SweepResult] = []
        var indexes: [String: String] = [:]
        for variant in variants {
            var configuration = base
            variant.apply(&configuration)
            let key = configuration.parameters.identifier
            let index = indexes[key] ?? (folder as NSString).appendingPathComponent("index-\(indexes.count).sqlite")
            let fresh = indexes[key] == nil
            indexes[key] = index
            let runner = EvaluationRunner(configuration: configuration)
            let run = try runner.run(set, index: index, reuseIndex: !fresh)
            let result = SweepResult(name: variant.name, scorecard: Scorecard(set: set, run: run),
                                     indexSeconds: run.indexSeconds, scanSeconds: run.scanSeconds)
            results.append(result)
            print(result.cells.joined(separator: " | "))
        }
        let table = markdownTable([SweepResult.header] + results.map(\.cells))
        print("")
        print(table, terminator: "")
        if let markdown { try table.write(toFile: markdown, atomically: true, encoding: .utf8) }
    }

    func markdownTable(_ rows: [[String]]) -> String {
        var out = ""
        for (n, row) in rows.enumerated() {
            out += "| " + row.joined(separator: " | ") + " |\n"
            if n == 0 { out += "|" + row.map { _ in "---" }.joined(separator: "|") + "|\n" }
        }
        return out
    }

    func describe(_ c: EvaluationConfiguration) -> String {
        let p = c.parameters, a = c.options.aligner
        return "k=\(p.shingleLength) window=\(p.windowLength)/\(p.windowStride)×\(p.windowPermutations)/\(p.windowRows) query stride=\(c.options.queryWindowStride) "
            + "doc LSH \(p.documentBanding.bands)×\(p.documentBanding.rows) at \(p.documentThreshold); "
            + "aligner maxGap=\(a.maxGap) maxDrift=\(a.maxDrift) minPassage=\(a.minPassageLength) minFragment=\(a.minFragmentLength) "
            + "minDensity=\(a.minDensity) reorderReach=\(a.reorderReach); policy minChars=\(c.options.policy.minCopiedCharacters) "
            + "minCoverage=\(c.options.policy.minCoverage); candidates=\(c.options.maxCandidates); detections=\(c.detections.rawValue)"
    }
}

/// Flags that override one parameter each.
struct ParameterOptions: ParsableArguments {
    @Option(help: "Shingle length k.") var k: Int?
    @Option(help: "Window length (normalised characters).") var windowLength: Int?
    @Option(help: "Window stride in the index.") var windowStride: Int?
    @Option(help: "MinHash values per window.") var windowPermutations: Int?
    @Option(help: "MinHash values per window band.") var windowRows: Int?
    @Option(help: "Whole-document LSH threshold (Jaccard).") var documentThreshold: Double?
    @Option(help: "Whole-document LSH recall at the threshold.") var documentRecall: Double?
    @Option(help: "Window stride of queries.") var queryStride: Int?
    @Option(help: "Aligner: largest gap inside a chain.") var maxGap: Int?
    @Option(help: "Aligner: largest drift between the two sides of a chain.") var maxDrift: Int?
    @Option(help: "Aligner: shortest passage.") var minPassage: Int?
    @Option(help: "Aligner: shortest fragment.") var minFragment: Int?
    @Option(help: "Aligner: least share of a chain covered by seeds.") var minDensity: Double?
    @Option(help: "Aligner: how far apart in the source fragments may be and stay one passage.") var reorderReach: Int?
    @Option(help: "Policy: copied characters that make reuse substantial.") var minChars: Int?
    @Option(help: "Policy: share of the source that makes reuse substantial.") var minCoverage: Double?
    @Option(help: "Candidates verified per suspect.") var maxCandidates: Int?
    @Option(help: "Band keys a candidate must share with the suspect to be verified.") var minSharedKeys: Int?
    @Option(help: "Rare band keys that are enough to verify a candidate.") var minRareKeys: Int?
    @Option(help: "Query windows sharing two band keys with a candidate that its shared keys need to count.") var minCloseWindows: Int?

    func apply(to c: inout EvaluationConfiguration) {
        if let k { c.parameters.shingleLength = k }
        if let windowLength { c.parameters.windowLength = windowLength }
        if let windowStride { c.parameters.windowStride = windowStride }
        if let windowPermutations { c.parameters.windowPermutations = windowPermutations }
        if let windowRows { c.parameters.windowRows = windowRows }
        if let documentThreshold { c.parameters.documentThreshold = documentThreshold }
        if let documentRecall { c.parameters.documentRecall = documentRecall }
        if let queryStride { c.options.queryWindowStride = queryStride }
        if let maxGap { c.options.aligner.maxGap = maxGap }
        if let maxDrift { c.options.aligner.maxDrift = maxDrift }
        if let minPassage { c.options.aligner.minPassageLength = minPassage }
        if let minFragment { c.options.aligner.minFragmentLength = minFragment }
        if let minDensity { c.options.aligner.minDensity = minDensity }
        if let reorderReach { c.options.aligner.reorderReach = reorderReach }
        if let minChars { c.options.policy.minCopiedCharacters = minChars }
        if let minCoverage { c.options.policy.minCoverage = minCoverage }
        if let maxCandidates { c.options.maxCandidates = maxCandidates }
        if let minSharedKeys { c.options.minSharedKeys = minSharedKeys }
        if let minRareKeys { c.options.minRareKeys = minRareKeys }
        if let minCloseWindows { c.options.minCloseWindows = minCloseWindows }
    }
}
