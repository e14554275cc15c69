import ArgumentParser
import Foundation
import Scanning

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update a persistent index of archive articles.",
        discussion: """
            Adds every article under PATH... to the index. Unchanged files (same content hash) are
            skipped, changed files replace their old articles, and files gone from an indexed
            directory are removed. Each batch is written in one transaction.

            Example: copyscan index --index archive.sqlite Corpus/archive
            """)

    @Option(help: ArgumentHelp("The index file (created when missing).", valueName: "DB"))
    var index: String = Defaults.indexPath

    @Flag(help: "Build the index anew; the old one is replaced only when the new one is complete.")
    var rebuild = false

    @OptionGroup var fingerprint: FingerprintOptions
    @OptionGroup var jobs: JobsOption

    @Argument(help: "Article files or directories to index.")
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or directory to index") }
    }

    func run() throws {
        do {
            var indexer = Indexer(parameters: fingerprint.parameters, jobs: jobs.jobs)
            indexer.showProgress = true
            let s = try indexer.index(paths: paths, into: index, rebuild: rebuild)
            for p in s.problems { Output.note("error: \(p)") }
            let banding = fingerprint.parameters.documentBanding
            let p = fingerprint.parameters
            Output.note("""
                \(index): \(s.indexDocuments) articles (\(s.added) files added, \(s.updated) updated, \(s.unchanged) unchanged, \(s.removed) removed; \(s.documents) articles read) in \(String(format: "%.2f", s.seconds)) s
                LSH: \(banding.bands) bands × \(banding.rows) rows; expected recall \(String(format: "%.3f", banding.candidateProbability(p.documentThreshold))) at Jaccard \(p.documentThreshold), \(String(format: "%.3f", banding.candidateProbability(0.8))) at 0.8
                """)
            if !s.problems.isEmpty { throw ExitStatus.usage.exitCode }
        } catch let e as ExitCode {
            throw e
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
