import Articles
import CorpusIndex
import Extraction
import Fingerprinting
import Dispatch
import Foundation

/// An exclusive `flock` on `INDEX.lock`, beside the index, for as long as an index is written.
/// Readers do not take it: SQLite keeps them consistent, and a new index appears by a rename.
final class IndexLock {
    private let descriptor: Int32

    init(_ indexPath: String) throws {
        let path = indexPath + ".lock"
        let directory = (indexPath as NSString).deletingLastPathComponent
        if !directory.isEmpty { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IndexError(path: indexPath, .storage("cannot open the lock file \(path): \(String(cString: strerror(errno)))"))
        }
        var status: Int32
        repeat { status = flock(descriptor, LOCK_EX) } while status != 0 && errno == EINTR
        guard status == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw IndexError(path: indexPath, .storage("cannot lock \(path): \(reason)"))
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// What an `index` run did.
public struct IndexingSummary: Sendable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var removed = 0
    public var documents = 0
    public var problems: [InputError] = []
    public var indexDocuments = 0
    public var seconds = 0.0
    /// Where the posting map written by the run came from; nil when the map was current.
    public var postingMap: PostingMap.Source?
}

/// Adds files to an index incrementally: a file whose content hash is unchanged is skipped, a
/// changed file replaces its old documents, and a file that vanished from an indexed directory
/// is removed. Work is committed in transactions of about `chunkBytes` of input, so a crash
/// loses at most the chunk in progress and never leaves a half-written index.
public struct Indexer: Sendable {
    public var parameters: FingerprintParameters
    public var jobs: Int
    public var chunkBytes = 64 << 20
    public var showProgress = true

    public init(parameters: FingerprintParameters = FingerprintParameters(), jobs: Int = availableCores) {
        self.parameters = parameters
        self.jobs = jobs
    }

    public func index(paths: [String], into indexPath: String, rebuild: Bool = false) throws -> IndexingSummary {
        let started = Date()
        // One writer at a time: two runs on one index (two `scan --against` of the same archive,
        // sharing the cache) would otherwise both write `.building`, or both add the same files.
        // The second waits, then finds the index up to date.
        let lock = try IndexLock(indexPath)
        defer { lock.release() }
        // A new index is built beside the target and moved into place when complete: until then
        // readers keep the old one, and a crash leaves it untouched.
        let fresh = rebuild || !FileManager.default.fileExists(atPath: indexPath)
        let buildPath = fresh ? indexPath + ".building" : indexPath
        if fresh { Self.removeBuild(buildPath) }
        var summary: IndexingSummary
        do {
            summary = try run(paths: paths, into: buildPath, fresh: fresh)
            if fresh {
                // The map first: until the index is renamed, readers of the old one find a map
                // whose token is not theirs, and ignore it.
                if rename(PostingMap.path(forIndex: buildPath), PostingMap.path(forIndex: indexPath)) != 0 {
                    throw IndexError(path: indexPath, .storage("cannot move the new posting map into place: \(String(cString: strerror(errno)))"))
                }
                if rename(buildPath, indexPath) != 0 {
                    throw IndexError(path: indexPath, .storage("cannot move the new index into place: \(String(cString: strerror(errno)))"))
                }
            }
        } catch {
            // A build that failed (a full disk, most often) leaves neither the half-built index
            // nor its map taking up the room; the old index, if any, is as it was.
            if fresh { Self.removeBuild(buildPath) }
            throw error
        }
        if fresh { summary.indexDocuments = try CorpusIndex.open(at: indexPath).documentCount }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Removes a new index being built and the files SQLite and the map writer keep beside it.
    private static func removeBuild(_ buildPath: String) {
        for path in [buildPath, buildPath + "-journal", PostingMap.path(forIndex: buildPath)] {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Indexes into `indexPath`; a `fresh` index gathers its postings in memory (see
    /// `CorpusIndex.deferPostings`). The index is closed on return.
    private func run(paths: [String], into indexPath: String, fresh: Bool) throws -> IndexingSummary {
        var summary = IndexingSummary()
        let index = try CorpusIndex.openOrCreate(at: indexPath, parameters: parameters)
        if fresh { index.deferPostings() }
        let collected = InputCollector.collect(paths)
        summary.problems = collected.problems
        // Articles read by another version of the reader are read again, changed or not.
        let stale = try index.extractionVersion() != ArticleReader.version
        let known = stale ? [:] : try index.fileHashes()

        // Files gone from an indexed directory leave the index too.
        var batch = IndexBatch()
        let present = Set(collected.files.map(InputCollector.absolute))
        let indexed = stale ? try index.fileHashes() : known
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let prefix = InputCollector.absolute(path) + "/"
            for file in indexed.keys where file.hasPrefix(prefix) && !present.contains(file) {
                batch.removals.append(file)
                summary.removed += 1
            }
        }

        let progress = Progress("indexing", total: collected.files.count, enabled: showProgress && isatty(STDERR_FILENO) == 1)
        defer { progress.finish() }
        let writer = BatchWriter(index)
        let fingerprinter = Fingerprinter(parameters)
        let chunkList = chunks(collected.files)
        for (k, chunk) in chunkList.enumerated() {
            // Reading, hashing, parsing and fingerprinting run on every core while the writer
            // applies the previous chunk.
            let results = try parallelMap(count: chunk.count, jobs: jobs, makeWorker: { () }) { _, i in
                defer { progress.advance() }
                return FileOutcome.read(chunk[i], known: known, fingerprinter: fingerprinter)
            }
            for outcome in results {
                switch outcome {
                case .unreadable(let problem): summary.problems.append(problem)
                case .unchanged: summary.unchanged += 1
                case .read(let file, let problems, let isNew):
                    if isNew { summary.added += 1 } else { summary.updated += 1 }
                    summary.problems += problems
                    summary.documents += file.documents.count
                    batch.additions.append(file)
                }
            }
            try writer.submit(batch)
            batch = IndexBatch()
            // The postings gathered so far are written while the last chunk is parsed, rather
            // than by one thread after it: a new index ends with a large and a small segment.
            if fresh && chunkList.count >= 3 && k == chunkList.count - 2 { try writer.writeDeferredPostings() }
        }
        try writer.submit(batch)
        try writer.finish()
        if fresh { try index.finishDeferredPostings() }
        // Small segments merge when a tier of similar ones has filled up; a new index's full
        // batches are settled segments and stay as they are.
        try index.compact()
        if stale { try index.setExtractionVersion(ArticleReader.version) }
        // Readers map the postings instead of loading them (`PostingMap`): rewritten whenever
        // this run changed them, or the map is missing or stale.
        if fresh || !index.postingMapIsCurrent { summary.postingMap = try index.writePostingMap() }
        summary.indexDocuments = index.documentCount
        return summary
    }

    /// Files in groups of about `chunkBytes` (by size on disk): one transaction each.
    private func chunks(_ files: [String]) -> [[String]] {
        var out: [[String]] = []
        var current: [String] = []
        var bytes = 0
        for path in files {
            current.append(path)
            bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if bytes >= chunkBytes {
                out.append(current)
                current = []
                bytes = 0
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

/// What became of one input file in an indexing run.
private enum FileOutcome: Sendable {
    case unreadable(InputError)
    case unchanged
    case read(IndexBatch.File, problems: [InputError], isNew: Bool)

    static func read(_ path: String, known: [String: String], fingerprinter: Fingerprinter) -> FileOutcome {
        let absolute = InputCollector.absolute(path)
        let bytes: [UInt8]
        do { bytes = try ArticleReader.readBytes(path) } catch { return .unreadable(error) }
        let hash = ContentHash.hex(bytes: bytes)
        if known[absolute] == hash { return .unchanged }
        var documents: [(article: Article, keys: [UInt64])] = []
        var problems: [InputError] = []
        for result in ArticleReader.read(bytes: bytes, path: path) {
            switch result {
            case .success(var article):
                article.source = absolute + String(article.source.dropFirst(path.count))
                let spans = article.excluded.map { TextSpan(start: $0.start, end: $0.end) }
                documents.append((article, fingerprinter.fingerprint(article.body, excluding: spans).allKeys))
            case .failure(let e): problems.append(e)
            }
        }
        return .read(IndexBatch.File(file: absolute, contentHash: hash, documents: documents), problems: problems,
                     isNew: known[absolute] == nil)
    }
}

/// Applies batches to the index on a thread of its own, one at a time, so that writing one
/// chunk overlaps reading the next.
///
/// Unchecked Sendable: the index is touched only by the batch in flight on `queue`, and the
/// caller waits for that batch (`submit`, `finish`) before anything else reads `error` or
/// submits the next one.
private final class BatchWriter: @unchecked Sendable {
    private let index: CorpusIndex
    private let queue = DispatchQueue(label: "copyscan.index-writer")
    private let inFlight = DispatchGroup()
    private var error: Error?

    init(_ index: CorpusIndex) { self.index = index }

    /// Waits for the batch before, then starts this one. Throws the error of the batch before.
    func submit(_ batch: IndexBatch) throws {
        try finish()
        guard !batch.isEmpty else { return }
        queue.async(group: inFlight) { [self] in
            do { try index.apply(batch) } catch { self.error = error }
        }
    }

    /// Waits for the batch before, then writes the postings the index has deferred.
    func writeDeferredPostings() throws {
        try finish()
        queue.async(group: inFlight) { [self] in
            do { try index.finishDeferredPostings() } catch { self.error = error }
        }
    }

    /// Waits for the batch in flight; throws its error.
    func finish() throws {
        inFlight.wait()
        if let error { throw error }
    }
}
