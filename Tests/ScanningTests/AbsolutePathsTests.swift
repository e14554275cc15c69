import Foundation
import Testing
@testable import Scanning

@Suite("Absolute paths resolved a directory at a time")
struct AbsolutePathsTests {
    /// A tree with a linked directory, a linked file and a JSON Lines file, and the paths a scan
    /// sees for its suspects: whole files, pieces (`file#id`), relative and with `.`/`..`.
    @Test("the same answers as resolving every path whole, for files that exist")
    func sameAsWhole() throws {
        let root = NSTemporaryDirectory() + "copyscan-paths-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/real/sub", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: root) }
        try "x".write(toFile: root + "/real/a.txt", atomically: true, encoding: .utf8)
        try "{}".write(toFile: root + "/real/sub/b.jsonl", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/real")
        try fm.createSymbolicLink(atPath: root + "/real/alias.txt", withDestinationPath: root + "/real/a.txt")
        let paths = [
            root + "/real/a.txt", root + "/linked/a.txt", root + "/linked/sub/b.jsonl", root + "/real/./sub/../a.txt",
            root + "/real/alias.txt", root + "/linked/alias.txt", root + "//real//a.txt", root + "/real/sub/b.jsonl",
        ]
        var cache = InputCollector.AbsolutePaths()
        for path in paths + paths {
            #expect(cache.absolute(path) == InputCollector.absolute(path), "\(path)")
        }
        // Resolved like the file it came from: what the indexer stores for a piece.
        #expect(cache.absolute(root + "/linked/sub/b.jsonl#p0003") == InputCollector.absolute(root + "/linked/sub/b.jsonl") + "#p0003")
        // Links are resolved, not taken from the cache by name.
        #expect(cache.absolute(root + "/linked/alias.txt") == InputCollector.absolute(root + "/real/a.txt"))
        // Relative paths (against the working directory, which tests must not change).
        var fresh = InputCollector.AbsolutePaths()
        for path in ["Package.swift", "./Package.swift", "no-such-file.jsonl#p1", "Sources/../Package.swift", "Sources/", "Sources//",
                     ".", "..", "Sources/..", "Sources/.", "/", "/usr", "/usr/", "//usr//bin", "~", "~/x", "a#b/c#d", ""] {
            #expect(fresh.absolute(path) == InputCollector.absolute(path), "\(path)")
        }
    }

    @Test("paths under the working directory are shown relative to it, others whole, asked once or many times")
    func display() {
        let cwd = InputCollector.absolute(".")
        for _ in 0..<3 {
            #expect(InputCollector.display(cwd + "/Corpus/a.txt") == "Corpus/a.txt")
            #expect(InputCollector.display("/nonexistent-root-\(UUID().uuidString)/a.txt").hasPrefix("/nonexistent-root-"))
            // A sibling whose name starts like the working directory is not under it.
            #expect(InputCollector.display(cwd + "-other/a.txt") == cwd + "-other/a.txt")
        }
    }
}
