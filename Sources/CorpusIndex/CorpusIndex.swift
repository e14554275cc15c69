import Articles
import Fingerprinting
import Foundation

/// The persistent corpus: articles, their bodies and the LSH buckets that find them again, in
/// one SQLite file.
///
/// Buckets are grouped by the top 16 bits of the band key: row `prefix` holds the sorted
/// (low 32 key bits, document) pairs of that prefix as one blob. A query reads only the rows of
/// its own keys, so opening an index for one article never loads the corpus. Every change is one
/// transaction; a new index is created under a temporary name and renamed into place.
public final class CorpusIndex {
    public static let formatVersion = 1
    static let formatName = "copyscan-index"

    public let path: String
    public let parameters: FingerprintParameters
    public let fingerprinter: Fingerprinter
    let db: SQLiteDatabase
    private var bucketStatement: SQLiteStatement?
    private var documentStatement: SQLiteStatement?
    private let decoder = JSONDecoder()

    private init(path: String, db: SQLiteDatabase, parameters: FingerprintParameters) {
        self.path = path
        self.db = db
        self.parameters = parameters
        fingerprinter = Fingerprinter(parameters)
    }

    /// Opens an existing index. With `parameters`, they must be those the index was built with.
    public static func open(at path: String, parameters: FingerprintParameters? = nil, readOnly: Bool = true) throws(IndexError) -> CorpusIndex {
        guard FileManager.default.fileExists(atPath: path) else {
            throw IndexError(path: path, .cannotOpen("no such file (build one with `copyscan index --index \(path) ARCHIVE`)"))
        }
        let db = try SQLiteDatabase(path: path, readOnly: readOnly)
        let stored = try readMeta(db)
        if let parameters, parameters.identifier != stored.identifier {
            throw IndexError(path: path, .parameterMismatch(stored: stored.identifier, requested: parameters.identifier))
        }
        return CorpusIndex(path: path, db: db, parameters: stored)
    }

    /// Opens the index at `path` for writing, creating it when it does not exist.
    public static func openOrCreate(at path: String, parameters: FingerprintParameters) throws(IndexError) -> CorpusIndex {
        if FileManager.default.fileExists(atPath: path) {
            return try open(at: path, parameters: parameters, readOnly: false)
        }
        try create(at: path, parameters: parameters)
        return try open(at: path, parameters: parameters, readOnly: false)
    }

    /// Writes an empty index to a temporary file and renames it to `path`.
    public static func create(at path: String, parameters: FingerprintParameters) throws(IndexError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw IndexError(path: path, .cannotOpen("cannot create directory \(directory): \(error.localizedDescription)"))
            }
        }
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let db = try SQLiteDatabase(path: temporary, readOnly: false)
            try db.transaction { () throws(IndexError) in
                try db.execute("""
                    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE files(path TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
                    CREATE TABLE documents(doc INTEGER PRIMARY KEY, file TEXT NOT NULL, meta BLOB NOT NULL, body TEXT NOT NULL);
                    CREATE INDEX documents_file ON documents(file);
                    CREATE TABLE buckets(prefix INTEGER PRIMARY KEY, entries BLOB NOT NULL);
                    """)
                let insert = try db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)")
                let encoded = (try? JSONEncoder().encode(parameters)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
                for (k, v) in [("format", formatName), ("formatVersion", String(formatVersion)),
                               ("parameters", encoded), ("identifier", parameters.identifier)] {
                    insert.bind(1, k)
                    insert.bind(2, v)
                    try insert.run()
                }
            }
        }
        if rename(temporary, path) != 0 {
            throw IndexError(path: path, .storage("cannot move the new index into place: \(String(cString: strerror(errno)))"))
        }
    }

    private static func readMeta(_ db: SQLiteDatabase) throws(IndexError) -> FingerprintParameters {
        var meta: [String: String] = [:]
        do {
            let statement = try db.prepare("SELECT key, value FROM meta")
            while try statement.step() { meta[statement.text(0)] = statement.text(1) }
        } catch {
            throw IndexError(path: db.path, .notAnIndex)
        }
        guard meta["format"] == formatName else { throw IndexError(path: db.path, .notAnIndex) }
        let version = Int(meta["formatVersion"] ?? "") ?? -1
        guard version == formatVersion else {
            throw IndexError(path: db.path, .formatVersion(found: version, supported: formatVersion))
        }
        guard let json = meta["parameters"]?.data(using: .utf8),
              let parameters = try? JSONDecoder().decode(FingerprintParameters.self, from: json) else {
            throw IndexError(path: db.path, .corrupt("unreadable fingerprint parameters"))
        }
        // The stored identifier names the code versions the index was built with; a copyscan
        // whose normaliser or hash families changed computes another one for the same parameters.
        if let identifier = meta["identifier"], identifier != parameters.identifier {
            throw IndexError(path: db.path, .parameterMismatch(stored: identifier, requested: parameters.identifier))
        }
        return parameters
    }

    // MARK: Reading

    public var documentCount: Int {
        (try? scalar("SELECT COUNT(*) FROM documents")) ?? 0
    }

    public var fileCount: Int {
        (try? scalar("SELECT COUNT(*) FROM files")) ?? 0
    }

    private func scalar(_ sql: String) throws(IndexError) -> Int {
        let statement = try db.prepare(sql)
        return try statement.step() ? Int(statement.int(0)) : 0
    }

    /// The version of the article reader that extracted the stored articles (nil when unknown).
    /// Notices, credits and boilerplate ranges come from it, so a newer reader must re-read
    /// every file even when the files did not change.
    public func extractionVersion() throws(IndexError) -> String? {
        let statement = try db.prepare("SELECT value FROM meta WHERE key = 'extractionVersion'")
        return try statement.step() ? statement.text(0) : nil
    }

    public func setExtractionVersion(_ version: String) throws(IndexError) {
        let statement = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('extractionVersion', ?)")
        statement.bind(1, version)
        try statement.run()
    }

    /// Content hash of every indexed file.
    public func fileHashes() throws(IndexError) -> [String: String] {
        var out: [String: String] = [:]
        let statement = try db.prepare("SELECT path, content_hash FROM files")
        while try statement.step() { out[statement.text(0)] = statement.text(1) }
        return out
    }

    /// Documents sharing at least one band key with `keys`, with the number of keys shared,
    /// most first. Buckets with more than `maxBucketSize` documents are skipped as too common
    /// to be evidence; keys from buckets of at most `rareBucketSize` documents are also counted
    /// apart (`Candidate.rareKeys`), since text few articles share is stronger evidence.
    public func candidates(for keys: [UInt64], maxBucketSize: Int = 2_000, rareBucketSize: Int = 20,
                           limit: Int = .max) throws(IndexError) -> [Candidate] {
        let statement: SQLiteStatement
        if let s = bucketStatement {
            statement = s
        } else {
            statement = try db.prepare("SELECT entries FROM buckets WHERE prefix = ?")
            bucketStatement = statement
        }
        var hits: [UInt32: Int] = [:]   // shared keys + rare shared keys << 32
        var byPrefix: [Int64: [UInt32]] = [:]
        for key in keys { byPrefix[Int64(key >> 48), default: []].append(PostingKey.low(key)) }
        // Rows in key order: the reads walk the table's B-tree in one direction.
        for prefix in byPrefix.keys.sorted() {
            guard let lows = byPrefix[prefix] else { continue }
            statement.reset()
            statement.bind(1, prefix)
            guard try statement.step() else { continue }
            statement.withBlob(0) { blob in
                let postings = PostingBlob(blob)
                for low in Set(lows) {
                    let range = postings.range(of: low)
                    guard range.count <= maxBucketSize else { continue }
                    let increment = range.count <= rareBucketSize ? 1 + 1 << 32 : 1
                    // Within a key the entries are sorted by document: repeats are neighbours.
                    var previous: UInt32?
                    for i in range {
                        let doc = postings.document(at: i)
                        if doc != previous { hits[doc, default: 0] += increment }
                        previous = doc
                    }
                }
            }
        }
        statement.reset()
        // Ranked by shared keys with rare ones counted twice. Only the best `limit` are wanted:
        // find the smallest score that still makes the cut from a histogram, and sort just those.
        func score(_ count: Int) -> Int { (count & 0xFFFF_FFFF) + count >> 32 }
        var cut = 1
        if hits.count > limit {
            var histogram: [Int: Int] = [:]
            for count in hits.values { histogram[score(count), default: 0] += 1 }
            var taken = 0
            for count in histogram.keys.sorted(by: >) {
                taken += histogram[count] ?? 0
                cut = count
                if taken >= limit { break }
            }
        }
        var out: [Candidate] = []
        for (doc, count) in hits where score(count) >= cut {
            out.append(Candidate(document: Int(doc), sharedKeys: count & 0xFFFF_FFFF, rareKeys: count >> 32))
        }
        out.sort { ($0.score, -$0.document) > ($1.score, -$1.document) }
        return Array(out.prefix(limit))
    }

    /// One stored document.
    public func document(_ doc: Int) throws(IndexError) -> IndexedDocument {
        let statement: SQLiteStatement
        if let s = documentStatement {
            statement = s
        } else {
            statement = try db.prepare("SELECT file, meta, body FROM documents WHERE doc = ?")
            documentStatement = statement
        }
        defer { statement.reset() }
        statement.reset()
        statement.bind(1, Int64(doc))
        guard try statement.step() else { throw IndexError(path: path, .corrupt("document \(doc) is missing")) }
        let file = statement.text(0)
        let meta = Data(statement.blob(1))
        guard var article = try? decoder.decode(Article.self, from: meta) else {
            throw IndexError(path: path, .corrupt("document \(doc) has unreadable metadata"))
        }
        article.body = statement.text(2)
        return IndexedDocument(document: doc, file: file, article: article)
    }

    // MARK: Writing

    /// Applies a batch in one transaction: files are removed (with their documents) and added.
    public func apply(_ batch: IndexBatch) throws(IndexError) {
        guard !batch.isEmpty else { return }
        try db.transaction { () throws(IndexError) in
            var touchedPrefixes = Set<UInt16>()   // bucket rows that lose a removed document's postings
            var removedDocs = Set<UInt32>()
            for file in batch.removals + batch.additions.map(\.file) {
                let select = try db.prepare("SELECT doc, meta, body FROM documents WHERE file = ?")
                select.bind(1, file)
                while try select.step() {
                    let doc = UInt32(truncatingIfNeeded: select.int(0))
                    removedDocs.insert(doc)
                    guard var article = try? JSONDecoder().decode(Article.self, from: Data(select.blob(1))) else { continue }
                    article.body = select.text(2)
                    for key in keys(of: article) { touchedPrefixes.insert(UInt16(truncatingIfNeeded: key >> 48)) }
                }
                let delete = try db.prepare("DELETE FROM documents WHERE file = ?")
                delete.bind(1, file)
                try delete.run()
                let deleteFile = try db.prepare("DELETE FROM files WHERE path = ?")
                deleteFile.bind(1, file)
                try deleteFile.run()
            }

            var next = Int64(try scalar("SELECT COALESCE(MAX(doc), 0) FROM documents")) + 1
            let insertDoc = try db.prepare("INSERT INTO documents(doc, file, meta, body) VALUES(?, ?, ?, ?)")
            let insertFile = try db.prepare("INSERT INTO files(path, content_hash) VALUES(?, ?)")
            let encoder = JSONEncoder()
            var added = PostingList()
            for file in batch.additions {
                insertFile.bind(1, file.file)
                insertFile.bind(2, file.contentHash)
                try insertFile.run()
                for entry in file.documents {
                    let doc = next
                    next += 1
                    guard doc <= Int64(UInt32.max) else { throw IndexError(path: path, .storage("too many documents")) }
                    var meta = entry.article
                    meta.body = ""
                    meta.paragraphs = []   // not needed to verify or report, and costly to encode
                    guard let encoded = try? encoder.encode(meta) else {
                        throw IndexError(path: path, .storage("cannot encode \(entry.article.source)"))
                    }
                    insertDoc.bind(1, doc)
                    insertDoc.bind(2, file.file)
                    insertDoc.bind(3, [UInt8](encoded))
                    insertDoc.bind(4, entry.article.body)
                    try insertDoc.run()
                    added.append(keys: entry.keys, document: UInt32(doc))
                }
            }
            try mergeBuckets(added: added.groupedByPrefix(), touched: touchedPrefixes, removedDocs: removedDocs)
        }
    }

    /// Band keys of a stored article, recomputed exactly as when it was added.
    func keys(of article: Article) -> [UInt64] {
        fingerprinter.fingerprint(article.body, excluding: article.excluded.map { TextSpan(start: $0.start, end: $0.end) }).allKeys
    }

    /// Rewrites the bucket rows that gain or lose postings: each row's (low key, document) pairs
    /// stay sorted and unique.
    private func mergeBuckets(added: PostingList.Grouped, touched: Set<UInt16>, removedDocs: Set<UInt32>) throws(IndexError) {
        let select = try db.prepare("SELECT entries FROM buckets WHERE prefix = ?")
        let upsert = try db.prepare("INSERT OR REPLACE INTO buckets(prefix, entries) VALUES(?, ?)")
        let delete = try db.prepare("DELETE FROM buckets WHERE prefix = ?")
        for p in 0..<PostingList.prefixCount {
            let prefix = UInt16(p)
            let new = added.entries(prefix)
            guard !new.isEmpty || touched.contains(prefix) else { continue }
            var pairs: [UInt64] = []   // (low << 32) | doc, sortable as one number
            select.reset()
            select.bind(1, Int64(p))
            if try select.step() {
                select.withBlob(0) { blob in
                    let postings = PostingBlob(blob)
                    pairs.reserveCapacity(postings.count + new.count)
                    for i in 0..<postings.count {
                        let doc = postings.document(at: i)
                        if !removedDocs.isEmpty && removedDocs.contains(doc) { continue }
                        pairs.append(UInt64(postings.low(at: i)) << 32 | UInt64(doc))
                    }
                }
            }
            select.reset()
            pairs.append(contentsOf: new)
            if pairs.isEmpty {
                delete.bind(1, Int64(p))
                try delete.run()
                continue
            }
            pairs.sort()
            let bytes = PostingBlob.encode(pairs)
            upsert.bind(1, Int64(p))
            upsert.bind(2, bytes)
            try upsert.run()
        }
    }
}

/// A document that shares band keys with a query.
public struct Candidate: Sendable, Hashable {
    public var document: Int
    public var sharedKeys: Int
    /// Shared keys whose bucket is rare (see `candidates(for:maxBucketSize:rareBucketSize:limit:)`).
    public var rareKeys: Int

    /// The rank of a candidate: rare keys count twice.
    public var score: Int { sharedKeys + rareKeys }

    public init(document: Int, sharedKeys: Int, rareKeys: Int = 0) {
        self.document = document
        self.sharedKeys = sharedKeys
        self.rareKeys = rareKeys
    }
}

public struct IndexedDocument: Sendable {
    public var document: Int
    public var file: String
    public var article: Article
}

/// Files to remove and files to (re)add, applied in one transaction.
public struct IndexBatch: Sendable {
    public struct File: Sendable {
        public var file: String
        public var contentHash: String
        public var documents: [(article: Article, keys: [UInt64])]
        public init(file: String, contentHash: String, documents: [(article: Article, keys: [UInt64])]) {
            self.file = file
            self.contentHash = contentHash
            self.documents = documents
        }
    }

    public var removals: [String] = []
    public var additions: [File] = []
    public init() {}
    public var isEmpty: Bool { removals.isEmpty && additions.isEmpty }
}

enum PostingKey {
    static func low(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key >> 16) }
}

/// Postings of a batch, grouped by bucket row in linear time (a counting sort on the top 16
/// bits), so even a batch of a million articles is never sorted as a whole.
struct PostingList {
    static let prefixCount = 1 << 16
    private var keys: [UInt64] = []
    private var documents: [UInt32] = []

    mutating func append(keys new: [UInt64], document: UInt32) {
        keys.append(contentsOf: new)
        documents.append(contentsOf: repeatElement(document, count: new.count))
    }

    struct Grouped {
        var offsets: [Int]
        var pairs: [UInt64]
        func entries(_ prefix: UInt16) -> ArraySlice<UInt64> {
            pairs[offsets[Int(prefix)]..<offsets[Int(prefix) + 1]]
        }
    }

    func groupedByPrefix() -> Grouped {
        var offsets = [Int](repeating: 0, count: PostingList.prefixCount + 1)
        for key in keys { offsets[Int(key >> 48) + 1] += 1 }
        for p in 0..<PostingList.prefixCount { offsets[p + 1] += offsets[p] }
        var cursor = offsets
        var pairs = [UInt64](repeating: 0, count: keys.count)
        for (i, key) in keys.enumerated() {
            let p = Int(key >> 48)
            pairs[cursor[p]] = UInt64(PostingKey.low(key)) << 32 | UInt64(documents[i])
            cursor[p] += 1
        }
        return Grouped(offsets: offsets, pairs: pairs)
    }
}

/// A bucket row: little-endian (low key, document) pairs sorted by key then document.
struct PostingBlob {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var count: Int { bytes.count / 8 }
    func low(at i: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt32.self)) }
    func document(at i: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8 + 4, as: UInt32.self)) }

    /// Sorted (low << 32 | doc) pairs as a blob, repeats dropped.
    static func encode(_ sortedPairs: [UInt64]) -> [UInt8] {
        var unique = 0
        var previous: UInt64?
        for p in sortedPairs where p != previous { unique += 1; previous = p }
        return [UInt8](unsafeUninitializedCapacity: unique * 8) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var offset = 0
            var last: UInt64?
            for p in sortedPairs where p != last {
                last = p
                raw.storeBytes(of: UInt32(truncatingIfNeeded: p >> 32).littleEndian, toByteOffset: offset, as: UInt32.self)
                raw.storeBytes(of: UInt32(truncatingIfNeeded: p).littleEndian, toByteOffset: offset + 4, as: UInt32.self)
                offset += 8
            }
            initialized = offset
        }
    }

    /// The entries whose low key equals `low` (binary search).
    func range(of low: UInt32) -> Range<Int> {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.low(at: mid) < low { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < count && self.low(at: end) == low { end += 1 }
        return lo..<end
    }
}
