import Articles
import Foundation

/// Writes to standard output and error with write(2), retrying on EINTR and short writes:
/// Foundation's FileHandle.write traps when a signal interrupts it, which would lose a report.
public enum StandardStreams {
    /// Nothing more is written once the reader went away (EPIPE).
    public static func write(_ text: String, to fd: Int32 = STDOUT_FILENO) {
        var text = text
        _ = text.withUTF8 { FullWrite.write(UnsafeRawBufferPointer($0), to: fd) }
    }

    public static func write(bytes: [UInt8], to fd: Int32 = STDOUT_FILENO) {
        _ = bytes.withUnsafeBytes { FullWrite.write($0, to: fd) }
    }

    public static func error(_ text: String) { write(text, to: STDERR_FILENO) }
}
