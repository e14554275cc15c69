import Foundation
import Reporting
import Scanning

/// What `check` adds on a CI runner: GitHub workflow annotations on standard output and a
/// Markdown job summary.
enum ContinuousIntegration {
    static func publish(_ report: ScanReport, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if environment["GITHUB_ACTIONS"] == "true" {
            StandardStreams.write(GitHubAnnotations.render(report, locator: .fileSystem()))
        }
        if let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
            // The summary file is shared by all steps of a job: append, never replace.
            let text = MarkdownReport.render(report) + "\n"
            if let handle = FileHandle(forWritingAtPath: path) {
                defer { try? handle.close() }
                handle.seekToEndOfFile()
                handle.write(Data(text.utf8))
            } else {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
    }
}
