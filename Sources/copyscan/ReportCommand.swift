import ArgumentParser
import Foundation
import Reporting

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a saved JSON report in another format, without rescanning.",
        discussion: """
            Example:
              copyscan scan --against Corpus/archive --format json -o scan.json Corpus/incoming
              copyscan report scan.json --format html -o evidence.html

            Run it from the directory the scan ran in, so that SARIF can find the suspect files
            for line and column regions.
            """)

    @Argument(help: "A report written by `copyscan scan --format json`.")
    var saved: String

    @OptionGroup var report: ReportOptions

    func run() throws {
        do {
            guard let data = FileManager.default.contents(atPath: saved) else {
                throw ValidationError("\(saved): cannot be read (no such file?)")
            }
            let parsed: ScanReport
            do { parsed = try JSONReport.parse(data) } catch {
                throw ValidationError("\(saved): not a copyscan JSON report")
            }
            guard parsed.schemaVersion <= ScanReport.currentSchemaVersion else {
                throw ValidationError("\(saved): report schema version \(parsed.schemaVersion) is newer than this copyscan reads (\(ScanReport.currentSchemaVersion))")
            }
            try render(parsed, report)
        } catch {
            throw ExitStatus.fail(error)
        }
    }
}
