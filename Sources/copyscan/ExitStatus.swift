import ArgumentParser
import Articles
import CorpusIndex
import Foundation
import Reporting
import Scanning

/// copyscan's exit codes, as documented in `--help` and README.md.
enum ExitStatus: Int32 {
    case nothingFlagged = 0
    case flagged = 1
    case usage = 2
    case internalError = 3

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// Prints `error` on standard error and gives the exit code it deserves.
    static func fail(_ error: Error) -> ExitCode {
        let message: String
        let status: ExitStatus
        switch error {
        case let e as InputError:
            message = "error: \(e)"
            status = .usage
        case let e as IndexError:
            message = "error: \(e)"
            switch e.kind {
            case .cannotOpen, .notAnIndex, .formatVersion, .parameterMismatch: status = .usage
            case .storage, .corrupt: status = .internalError
            }
        case let e as ValidationError:
            message = "error: \(e.message)"
            status = .usage
        default:
            message = "internal error: \(error)"
            status = .internalError
        }
        StandardStreams.error(message + "\n")
        return status.exitCode
    }

    /// 1 when the report holds a finding at the `failOn` level (not accepted by a baseline),
    /// else 2 when inputs could not be read, else 0.
    static func of(_ report: ScanReport, failOn: Configuration.FailOn = .violation) -> ExitCode {
        let worst = report.worstUnacceptedVerdict
        switch failOn {
        case .violation where worst == .violation: return ExitStatus.flagged.exitCode
        case .reuse where worst.isUnexplainedReuse: return ExitStatus.flagged.exitCode
        default: break
        }
        if !report.errors.isEmpty { return ExitStatus.usage.exitCode }
        return ExitStatus.nothingFlagged.exitCode
    }
}

/// Writes a report to a file (`ReportFile`: replaced whole, or written into when it is a
/// device or a pipe) or to standard output.
enum Output {
    static func write(chunks: [[UInt8]], to path: String?) throws {
        guard let path else {
            for chunk in chunks { StandardStreams.write(bytes: chunk) }
            return
        }
        try ReportFile.write(chunks, to: path)
    }

    static func note(_ text: String) {
        StandardStreams.error(text + "\n")
    }
}
