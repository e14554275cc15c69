import Foundation

/// Progress on standard error, only when it is a terminal: a line redrawn in place with the
/// count, rate and time left.
public final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private var done = 0
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let lock = NSLock()
    private let enabled: Bool

    public init(_ label: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = total
        self.enabled = enabled && total > 0
    }

    public func advance(by n: Int = 1) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += n
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 28
        let filled = total > 0 ? width * done / total : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(label) \(bar) \(done)/\(total)  \(Int(rate))/s  \(Int(left.rounded()))s left "
        StandardStreams.error(line)
    }

    public func finish() {
        guard enabled else { return }
        StandardStreams.error("\r\u{1B}[K")
    }
}
