import Articles
import Foundation
import Testing
@testable import Scanning

@Suite("Report files: replaced whole, or written into when they are not regular files")
struct ReportFileTests {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "copyscan-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func mode(_ path: String, following: Bool = true) -> mode_t? {
        var info = stat()
        return (following ? stat(path, &info) : lstat(path, &info)) == 0 ? info.st_mode : nil
    }

    static func inode(_ path: String) -> ino_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_ino : nil
    }

    let chunks: [[UInt8]] = [Array("{\n  \"가\" : 1".utf8), [], Array(",\n".utf8), Array(repeating: 0x41, count: 100_000), Array("\n}\n".utf8)]
    var joined: [UInt8] { Array(chunks.joined()) }

    /// Whether `path` holds the chunks (a Bool: a failed comparison of the arrays would print
    /// 100,000 bytes).
    func holdsChunks(_ path: String) -> Bool { FileManager.default.contents(atPath: path).map(Array.init) == joined }

    @Test("a new file holds the chunks one after another, and no temporary file is left")
    func newFile() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try ReportFile.write(chunks, to: dir + "/out.json")
        #expect(holdsChunks(dir + "/out.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
    }

    @Test("an existing file is replaced by a new one (never rewritten in place) with its permissions")
    func replaced() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.json"
        try Data(repeating: 0x7A, count: 500_000).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o640) == 0)
        let before = try #require(Self.inode(path))
        try ReportFile.write(chunks, to: path)
        #expect(holdsChunks(path))
        #expect(Self.inode(path) != before)
        #expect(Self.mode(path).map { $0 & 0o7777 } == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
    }

    @Test("a symbolic link stays a link; the file it names is replaced, or created when it is missing")
    func links() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: dir + "/target.json"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: dir + "/target.json")
        try ReportFile.write(chunks, to: dir + "/link.json")
        #expect(Self.mode(dir + "/link.json", following: false).map { $0 & S_IFMT } == S_IFLNK)
        #expect(holdsChunks(dir + "/target.json"))

        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.json", withDestinationPath: dir + "/made.json")
        try ReportFile.write(chunks, to: dir + "/dangling.json")
        #expect(Self.mode(dir + "/dangling.json", following: false).map { $0 & S_IFMT } == S_IFLNK)
        #expect(holdsChunks(dir + "/made.json"))
    }

    @Test("a named pipe is written into and stays a pipe (as /dev/null stays a device)")
    func pipe() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let received = ReceivedBytes()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: path) {
                received.set(Array(handle.readDataToEndOfFile()))
            }
            received.done.signal()
        }
        reader.start()
        try ReportFile.write(chunks, to: path)
        // Replaced by a file, the pipe would never see a writer and its reader would wait on:
        // the test then fails instead of hanging.
        #expect(Self.mode(path).map { $0 & S_IFMT } == S_IFIFO)
        #expect(received.done.wait(timeout: .now() + 30) == .success)
        let same = received.bytes == joined
        #expect(same, "the pipe's reader got \(received.bytes.count) of \(joined.count) bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["pipe"])
    }

    @Test("a directory, a directory that does not exist or an empty path is refused with the path and the reason")
    func refused() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: InputError(path: dir, "cannot write the report: it is a directory")) {
            try ReportFile.write(chunks, to: dir)
        }
        #expect(throws: InputError(path: "", "cannot write the report: no file name was given")) {
            try ReportFile.write(chunks, to: "")
        }
        let missing = dir + "/no/such/out.json"
        do {
            try ReportFile.write(chunks, to: missing, what: "baseline")
            Issue.record("a file in a missing directory was written")
        } catch {
            #expect(error.path == missing)
            #expect(error.problem == "cannot write the baseline: cannot create a file in its directory (No such file or directory)")
        }
    }

    @Test("a device that takes no bytes (/dev/full) fails the write with the device and its reason")
    func fullDevice() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full is missing")
        #expect(throws: InputError(path: "/dev/full", "cannot write the report: cannot write it (No space left on device)")) {
            try ReportFile.write(chunks, to: "/dev/full")
        }
    }
}

/// What the pipe's reader thread read. Unchecked Sendable: written once before `done` is
/// signalled, read after waiting on it.
private final class ReceivedBytes: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private(set) var bytes: [UInt8] = []
    func set(_ value: [UInt8]) { bytes = value }
}
