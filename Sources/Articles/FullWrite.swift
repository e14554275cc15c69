import Foundation

/// Every byte of a buffer written to a file descriptor, through short writes and interrupted
/// ones: reports, the standard streams and the posting map all need it, and a half-written
/// report or map must not pass for a whole one.
public enum FullWrite {
    /// Writes `bytes` at byte `offset` of `fd` (pwrite), or at its current position when
    /// `offset` is nil (write: pipes, terminals, devices). Returns 0, or the errno of the write
    /// that failed — EIO for one that wrote nothing without saying why, so that a caller never
    /// reports an errno left over from some earlier call.
    public static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32, at offset: Int? = nil) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var done = 0
        while done < bytes.count {
            // At most 1 GB a call: Linux writes no more than ≈ 2 GB at once anyway.
            let length = min(bytes.count - done, 1 << 30)
            let n = if let offset { pwrite(fd, base + done, length, off_t(offset + done)) } else { systemWrite(fd, base + done, length) }
            if n > 0 {
                done += n
            } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                return n < 0 ? errno : EIO
            }
        }
        return 0
    }
}

/// write(2), by a name that the static method above does not shadow.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
