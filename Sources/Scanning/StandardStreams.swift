import Foundation

/// Writes to standard output and error with write(2), retrying on EINTR and short writes:
/// Foundation's FileHandle.write traps when a signal interrupts it, which would lose a report.
public enum StandardStreams {
    /// Nothing more is written once the reader went away (EPIPE).
    public static func write(_ text: String, to fd: Int32 = STDOUT_FILENO) {
        var text = text
        _ = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: fd) }
    }

    public static func write(bytes: [UInt8], to fd: Int32 = STDOUT_FILENO) {
        _ = bytes.withUnsafeBytes { writeAll($0, to: fd) }
    }

    /// Writes every byte (the bytes themselves, never a copy: a report runs to megabytes),
    /// through short writes and interrupted ones. Returns 0, or the errno of the write that
    /// failed.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            if n > 0 {
                offset += n
            } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                return n < 0 ? errno : EIO
            }
        }
        return 0
    }

    public static func error(_ text: String) { write(text, to: STDERR_FILENO) }
}
