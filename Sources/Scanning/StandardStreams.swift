import Foundation

/// Writes to standard output and error with write(2), retrying on EINTR and short writes:
/// Foundation's FileHandle.write traps when a signal interrupts it, which would lose a report.
public enum StandardStreams {
    public static func write(_ text: String, to fd: Int32 = STDOUT_FILENO) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
    }

    public static func write(bytes: [UInt8], to fd: Int32 = STDOUT_FILENO) {
        bytes.withUnsafeBytes { write($0, to: fd) }
    }

    /// The bytes themselves, never a copy (a report runs to megabytes).
    private static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                return   // the reader went away (EPIPE): nothing more can be written
            }
        }
    }

    public static func error(_ text: String) { write(text, to: STDERR_FILENO) }
}
