import Foundation

/// Writes to standard output and error with write(2), retrying on EINTR and short writes:
/// Foundation's FileHandle.write traps when a signal interrupts it, which would lose a report.
public enum StandardStreams {
    public static func write(_ text: String, to fd: Int32 = STDOUT_FILENO) {
        write(bytes: Array(text.utf8), to: fd)
    }

    public static func write(bytes: [UInt8], to fd: Int32 = STDOUT_FILENO) {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
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
