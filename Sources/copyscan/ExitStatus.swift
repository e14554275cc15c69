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

/// Writes text to a file atomically (temporary file, then rename), or to standard output.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            StandardStreams.write(text)
            return
        }
        let url = URL(fileURLWithPath: path)
        do {
            // The text's own bytes, not a copy of them (a scan's JSON report runs to megabytes).
            var text = text
            try text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return try Data().write(to: url, options: .atomic) }
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
                    .write(to: url, options: .atomic)
            }
        } catch {
            throw InputError(path: path, "cannot write the report: \(error.localizedDescription)")
        }
    }

    static func note(_ text: String) {
        StandardStreams.error(text + "\n")
    }
}
