import Articles
import CorpusIndex
import Extraction
import Fingerprinting
import Foundation

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
        var summary = IndexingSummary()
        if rebuild { try? FileManager.default.removeItem(atPath: indexPath) }
        let index = try CorpusIndex.openOrCreate(at: indexPath, parameters: parameters)
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
        var pending: [(path: String, absolute: String, bytes: [UInt8], hash: String)] = []
        var pendingBytes = 0

        func flush() throws {
            let items = pending
            pending = []
            pendingBytes = 0
            let fingerprinter = Fingerprinter(parameters)
            let results = try parallelMap(count: items.count, jobs: jobs, makeWorker: { () }) { _, i in
                let item = items[i]
                let articles = ArticleReader.read(bytes: item.bytes, path: item.path)
                var documents: [(article: Article, keys: [UInt64])] = []
                var problems: [InputError] = []
                for result in articles {
                    switch result {
                    case .success(var article):
                        article.source = item.absolute + String(article.source.dropFirst(item.path.count))
                        let spans = article.excluded.map { TextSpan(start: $0.start, end: $0.end) }
                        let fp = fingerprinter.fingerprint(article.body, excluding: spans)
                        documents.append((article, fp.allKeys))
                    case .failure(let e): problems.append(e)
                    }
                }
                progress.advance()
                return (IndexBatch.File(file: item.absolute, contentHash: item.hash, documents: documents), problems)
            }
            for (file, problems) in results {
                summary.problems += problems
                summary.documents += file.documents.count
                batch.additions.append(file)
            }
            try index.apply(batch)
            batch = IndexBatch()
        }

        for path in collected.files {
            let absolute = InputCollector.absolute(path)
            let bytes: [UInt8]
            do { bytes = try ArticleReader.readBytes(path) } catch {
                summary.problems.append(error)
                progress.advance()
                continue
            }
            let hash = ContentHash.hex(bytes: bytes)
            if known[absolute] == hash {
                summary.unchanged += 1
                progress.advance()
                continue
            }
            if known[absolute] == nil { summary.added += 1 } else { summary.updated += 1 }
            pending.append((path, absolute, bytes, hash))
            pendingBytes += bytes.count
            if pendingBytes >= chunkBytes { try flush() }
        }
        try flush()
        if stale { try index.setExtractionVersion(ArticleReader.version) }
        summary.indexDocuments = index.documentCount
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
