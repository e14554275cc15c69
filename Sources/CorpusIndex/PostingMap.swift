import Articles
import Foundation

/// Every posting of an index in a file of its own beside it, `INDEX.postings`, laid out as a
/// `PostingSnapshot` holds them in memory, so a reader maps it instead of loading it.
///
/// Reading every posting out of SQLite (`CorpusIndex.postingSnapshot`) costs ≈ 35–45 ns a
/// posting — 0.44 s for 100,000 articles, and 5.6 s for 1,000,000 on the machine of an earlier
/// round — before the first suspect is scanned; reading each suspect's own rows instead cost
/// 1.4 ms a suspect at 100,000 and 5.3 ms at 1,000,000 there. A mapped file
/// costs neither: a query touches only the pages of its keys' groups, and a scan's threads
/// share the pages through the page cache.
///
/// The file is derived data. The indexer writes it at the end of every run that changed the
/// postings (to a temporary name, synced, then renamed: never half-written); every transaction
/// that changes a segment gives the index a new random `postingsToken` in `meta`, and a file
/// whose token is not the index's is stale and ignored, so an index changed by anything that
/// did not rewrite the file (an interrupted run, an older copyscan) falls back to SQLite.
///
/// Layout (8-byte words in the machine's order; a map moved to a machine of the other order fails
/// the magic and is ignored): magic, token, document limit, posting count, directory
/// bits (20); then the 2²⁰ + 1 offsets of `PostingDirectory`; then the (low, document) pairs,
/// each group sorted. Opening checks the size and that the offsets ascend within the pairs, so
/// no damaged file can make a lookup read outside it; a damaged pair can only yield a wrong
/// candidate, which exact verification then rejects.
public enum PostingMap {
    static let magic: UInt64 = 0x3230_5041_4D50_5343   // "CSPMAP02"
    static let headerWords = 5

    /// Where a written map's postings came from.
    public enum Source: Sendable { case memory, segments }

    /// Where the map of the index at `indexPath` lives.
    public static func path(forIndex indexPath: String) -> String { indexPath + ".postings" }

    /// Writes a map prefix by prefix, so a map of any size is written holding one prefix's
    /// postings at a time (at 1,000,000 articles, reading all 128 M into memory first took the
    /// build's peak memory from 0.66 to 2.3 GB): the pairs go out as they come, the header and
    /// directory, known only at the end, are written before them last; then the file is
    /// synced and renamed into place.
    final class Writer {
        private let fd: Int32
        private let temporary: String
        private let path: String
        private let indexPath: String
        private var directory = PostingDirectory.Builder()
        private var written = 0
        private var pending: Chunk
        private let writes: SerialStage<Chunk, Int32>
        private var done = false
        private let bufferPairs: Int
        private static let pairsStart = (PostingMap.headerWords + PostingDirectory.entries) * 8

        /// For the index's one writer (it holds the index lock): temporary maps left by a run
        /// that was killed while writing one (as large as the map) are removed first. Pairs go
        /// out in buffers of `bufferPairs` (8 MB by default).
        init(path: String, indexPath: String, bufferPairs: Int = 1 << 20) throws(IndexError) {
            self.path = path
            self.indexPath = indexPath
            self.bufferPairs = max(1, bufferPairs)
            let directory = (path as NSString).deletingLastPathComponent
            let stem = (path as NSString).lastPathComponent + ".tmp-"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
            where name.hasPrefix(stem) {
                unlink(directory.isEmpty ? name : directory + "/" + name)
            }
            temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            fd = Foundation.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw IndexError(path: indexPath, .storage("cannot write the posting map \(temporary): \(String(cString: strerror(errno)))"))
            }
            writes = PostingMap.writes(into: fd, capacity: self.bufferPairs)
            pending = writes.item()
        }

        private func fail(_ what: String, _ code: Int32) -> IndexError {
            abandon()
            return IndexError(path: indexPath, .storage("cannot write the posting map \(temporary): \(what): \(String(cString: strerror(code)))"))
        }

        /// Removes the temporary file unless the map was finished.
        func abandon() {
            guard !done else { return }
            done = true
            _ = writes.wait()
            close(fd)
            unlink(temporary)
        }

        /// The postings of `prefix`, sorted by (low, document); prefixes in ascending order.
        func append(prefix: Int, _ pairs: UnsafeBufferPointer<UInt64>) throws(IndexError) {
            directory.add(prefix: prefix, pairs)
            pending.words.append(contentsOf: pairs)
            if pending.words.count >= bufferPairs { try flush() }
        }

        /// Hands the pending pairs to the writing thread and takes a free buffer.
        private func flush() throws(IndexError) {
            if let code = writes.firstFailure { throw fail("write", code) }
            guard !pending.words.isEmpty else { return }
            pending.offset = Self.pairsStart + written * 8
            written += pending.words.count
            writes.submit(&pending)
        }

        func finish(token: UInt64, documentLimit: Int) throws(IndexError) {
            try flush()
            if let code = writes.wait() { throw fail("write", code) }
            let header: [UInt64] = [PostingMap.magic, token, UInt64(max(0, documentLimit)), UInt64(written), UInt64(PostingDirectory.bits)]
            let code = (header + directory.finish()).withUnsafeBytes { FullWrite.write($0, to: fd, at: 0) }
            guard code == 0 else { throw fail("write", code) }
            // Synced before the rename: after a crash the name holds the whole file or the old one.
            guard fsync(fd) == 0 else { throw fail("fsync", errno) }
            done = true
            guard close(fd) == 0 else { let code = errno; unlink(temporary); throw fail("close", code) }
            guard rename(temporary, path) == 0 else { let code = errno; unlink(temporary); throw fail("rename to \(path)", code) }
        }
    }

    /// Pairs to write at a byte offset of the map file.
    struct Chunk {
        var words: [UInt64] = []
        var offset = 0
    }

    /// Writes chunks into `fd` on a thread of its own (a failure is the write's errno), so that
    /// the map's writer merges the next prefixes while the kernel copies the last ones into the
    /// page cache: at 1,000,000 articles that copy of the 1 GB map took 2.3 of the map's 5.3 s
    /// on the benchmark machine. Buffers hold `capacity` pairs.
    static func writes(into fd: Int32, capacity: Int) -> SerialStage<Chunk, Int32> {
        SerialStage(label: "copyscan.posting-map.write",
                    make: {
                        var chunk = Chunk()
                        chunk.words.reserveCapacity(capacity)
                        return chunk
                    },
                    empty: { $0.words.removeAll(keepingCapacity: true) },
                    work: { chunk in
                        let code = chunk.words.withUnsafeBytes { FullWrite.write($0, to: fd, at: chunk.offset) }
                        return code == 0 ? nil : code
                    })
    }

    /// The mapped postings at `path` if the file is there, whole, and made for `token`; nil
    /// otherwise (absent, stale or damaged: the caller reads SQLite instead).
    static func open(_ path: String, token: UInt64) -> PostingMemory? {
        let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let fixed = (headerWords + PostingDirectory.entries) * 8
        guard size >= fixed, size % 8 == 0 else { return nil }
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), base != MAP_FAILED else { return nil }
        let words = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt64.self), count: size / 8)
        let memory = PostingMemory(mapped: base, length: size, words: words, documentLimit: Int(min(words[2], UInt64(UInt32.max) + 1)))
        let pairCount = words[3]
        guard words[0] == magic, words[1] == token, words[4] == UInt64(PostingDirectory.bits),
              pairCount == UInt64(words.count - headerWords - PostingDirectory.entries),
              words[2] <= UInt64(UInt32.max) + 1 else { return nil }
        // The 8 MB directory is read once per open, not per lookup.
        let offsets = memory.offsets
        guard offsets[0] == 0, offsets[PostingDirectory.entries - 1] == pairCount else { return nil }
        var previous: UInt64 = 0
        for o in offsets {
            guard o >= previous else { return nil }
            previous = o
        }
        return memory
    }
}

/// Where each key's group of postings begins, by the key's top 20 bits: 2²⁰ + 1 ascending
/// offsets, the last the posting count.
///
/// The index's rows group postings by the top 16 bits (≈ 200 postings a group at 100,000
/// articles, ten times as many at 1,000,000), and a lookup's binary search in a group of a 100 MB array
/// missed the cache at nearly every step: perf put a third of the candidate lookup on those
/// compares. Groups of the top 20 bits hold 16 times fewer, usually a cache line or two.
enum PostingDirectory {
    static let bits = 20
    static let entries = (1 << bits) + 1

    @inline(__always) static func group(_ key: UInt64) -> Int { Int(key >> UInt64(64 - bits)) }

    /// The directory of pairs grouped by 16-bit prefix (`offsets`, as `PostingGroups` keeps
    /// them), each group sorted by (low, document): a pair's next 4 bits are the top of its low.
    static func build(_ offsets: [Int], _ pairs: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        var builder = Builder()
        for p in 0..<PostingKey.prefixCount {
            let lo = max(0, min(offsets[p], pairs.count)), hi = max(lo, min(offsets[p + 1], pairs.count))
            builder.add(prefix: p, UnsafeBufferPointer(rebasing: pairs[lo..<hi]))
        }
        return builder.finish()
    }

    /// A directory made from pairs met in order, prefix after prefix (the map writer streams
    /// them): a group's offset is the position of its first pair, or of the next group's.
    struct Builder {
        private var directory = [UInt64](repeating: 0, count: entries)
        private var next = 0
        private(set) var count = 0

        /// The sorted pairs of `prefix`, which follow every pair added before.
        mutating func add(prefix: Int, _ pairs: UnsafeBufferPointer<UInt64>) {
            let extra = bits - 16
            var next = self.next
            let base = count
            directory.withUnsafeMutableBufferPointer { directory in
                for (i, pair) in pairs.enumerated() {
                    let group = prefix << extra | Int(pair >> UInt64(64 - extra))
                    while next <= group && next < directory.count {
                        directory[next] = UInt64(base + i)
                        next += 1
                    }
                }
            }
            self.next = next
            count += pairs.count
        }

        /// The directory, the groups after the last pair starting at the end.
        mutating func finish() -> [UInt64] {
            while next < entries {
                directory[next] = UInt64(count)
                next += 1
            }
            return directory
        }
    }
}

/// The memory a `PostingSnapshot` reads: a mapped `PostingMap` file, or postings loaded from
/// SQLite. Read-only once made, so any number of threads may share it.
final class PostingMemory: @unchecked Sendable {
    /// `PostingDirectory.entries` ascending offsets into `pairs`, the last equal to its count.
    let offsets: UnsafeBufferPointer<UInt64>
    let pairs: UnsafeBufferPointer<UInt64>
    let documentLimit: Int
    private let mapped: (base: UnsafeMutableRawPointer, length: Int)?
    private let allocated: UnsafeMutableBufferPointer<UInt64>?

    fileprivate init(mapped base: UnsafeMutableRawPointer, length: Int, words: UnsafeBufferPointer<UInt64>, documentLimit: Int) {
        mapped = (base, length)
        self.documentLimit = documentLimit
        allocated = nil
        let start = PostingMap.headerWords
        let end = min(words.count, start + PostingDirectory.entries)
        offsets = UnsafeBufferPointer(rebasing: words[start..<end])
        pairs = UnsafeBufferPointer(rebasing: words[end...])
    }

    /// Copies groups made in memory (offsets as `PostingGroups` keeps them).
    init(_ groups: PostingGroups, documentLimit: Int) {
        let n = PostingDirectory.entries
        let words = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n + groups.pairs.count)
        let directory = groups.pairs.withUnsafeBufferPointer { PostingDirectory.build(groups.offsets, $0) }
        _ = UnsafeMutableBufferPointer(rebasing: words[..<n]).initialize(from: directory)
        _ = UnsafeMutableBufferPointer(rebasing: words[n...]).initialize(from: groups.pairs)
        allocated = words
        mapped = nil
        offsets = UnsafeBufferPointer(rebasing: words[..<n])
        pairs = UnsafeBufferPointer(rebasing: words[n...])
        self.documentLimit = documentLimit
    }

    var isMapped: Bool { mapped != nil }

    deinit {
        if let mapped { munmap(mapped.base, mapped.length) }
        allocated?.deallocate()
    }
}
