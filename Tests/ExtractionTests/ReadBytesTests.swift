import Articles
import Foundation
import Testing
@testable import Extraction

@Suite("A file's bytes")
struct ReadBytesTests {
    static func temporary(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("readbytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name)
    }

    /// The error reading `path` raises; an issue is recorded when it reads instead.
    static func failure(reading path: String) -> InputError? {
        do {
            _ = try ArticleReader.readBytes(path)
            Issue.record("\(path) was read")
            return nil
        } catch {
            return error
        }
    }

    @Test("every byte, whatever the size: empty, one page and one more, megabytes (huge pages from 4 MB), binary",
          arguments: [0, 1, 4_095, 4_096, 4_097, 1_048_577, 4 << 20, (4 << 20) + 1, 9_000_001])
    func exactBytes(size: Int) throws {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<(size + 7) / 8).map { _ in generator.next() }
        let bytes = Array(words.withUnsafeBytes { $0.prefix(size) })
        let url = try Self.temporary("x.bin")
        try Data(bytes).write(to: url)
        #expect(try ArticleReader.readBytes(url.path) == bytes)
    }

    @Test("a file that is missing or a directory is an error naming it")
    func errors() throws {
        let url = try Self.temporary("missing.txt")
        let missing = Self.failure(reading: url.path)
        #expect(missing?.path == url.path)
        #expect(missing?.problem.contains("no such file or directory") == true)
        let dir = url.deletingLastPathComponent().path
        let directory = Self.failure(reading: dir)
        #expect(directory?.path == dir)
        #expect(directory?.problem.contains("is a directory") == true)
    }

    @Test("a file that cannot be opened says why, in the system's words (a socket cannot be opened)")
    func unopenable() throws {
        let url = try Self.temporary("sock")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(url.path.utf8)
        try #require(path.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (k, b) in path.enumerated() { raw[k] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let error = Self.failure(reading: url.path)
        #expect(error?.path == url.path)
        #expect(error?.problem.hasPrefix("cannot be read: ") == true)
        #expect((error?.problem.count ?? 0) > "cannot be read: ".count)
    }

    @Test("a stream without a size (a pipe) is read to its end")
    func pipe() throws {
        let url = try Self.temporary("fifo")
        #expect(mkfifo(url.path, 0o600) == 0)
        let bytes = Array(String(repeating: "가나다라 ", count: 5_000).utf8)
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: url.path) {
                handle.write(Data(bytes))
                try? handle.close()
            }
        }
        writer.start()
        #expect(try ArticleReader.readBytes(url.path) == bytes)
    }
}
