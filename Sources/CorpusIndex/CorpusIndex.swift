import Articles
import Fingerprinting
import Foundation

/// The persistent corpus: articles, their bodies and the LSH postings that find them again, in
/// one SQLite file.
///
/// Postings live in append-only *segments* (`Segment`): every batch of new articles writes one
/// new segment, and segments of similar size are merged into one now and then (`compact`), so
/// each posting is rewritten a few times in the life of an index rather than on every batch.
/// Inside a segment, rows hold the postings of one key range (`Segment.bits`), sized so that a
/// query reads one small row per key and segment: opening an index for one article never loads
/// the corpus, and its cost does not grow with the corpus. Every change is one transaction; a
/// new index is created under a temporary name and renamed into place.
public final class CorpusIndex {
    /// 2: binary article records (`ArticleRecord`) and segmented postings. Version 1 indexes
    /// (JSON records, one row per 16-bit prefix) are converted in place when opened for writing.
    public static let formatVersion = 2
    static let formatName = "copyscan-index"

    public let path: String
    public let parameters: FingerprintParameters
    public let fingerprinter: Fingerprinter
    let db: SQLiteDatabase
    /// A statement per segment, so that the rows of one key in every segment can be read at once.
    private var rowStatements: [Int64: SQLiteStatement] = [:]
    private var documentStatement: SQLiteStatement?
    private let tally = TallyScratch()
    /// Set by `deferPostings` while a new index is built.
    var postingBuffer: PostingBuffer?
    /// A new index's postings as its segments were written (from `deferPostings` on), kept for
    /// its posting map rather than read back out of SQLite and sorted again (on the 100,000
    /// benchmark index an update run that rewrote the map took 0.67–1.2 s, 0.2 s without).
    /// Dropped when a removal changes the postings, or beyond `mapPostingsLimit`.
    var mapPostings: [PostingGroups]?

    private init(path: String, db: SQLiteDatabase, parameters: FingerprintParameters) {
        self.path = path
        self.db = db
        self.parameters = parameters
        fingerprinter = Fingerprinter(parameters)
    }

    /// Opens an existing index. With `parameters`, they must be those the index was built with.
    /// An index of an older format is converted when opened for writing, and refused with a
    /// message saying how to convert it when opened read-only.
    public static func open(at path: String, parameters: FingerprintParameters? = nil, readOnly: Bool = true) throws(IndexError) -> CorpusIndex {
        guard FileManager.default.fileExists(atPath: path) else {
            throw IndexError(path: path, .cannotOpen("no such file (build one with `copyscan index --index \(path) ARCHIVE`)"))
        }
        let db = try SQLiteDatabase(path: path, readOnly: readOnly)
        let meta = try readMeta(db)
        if meta.version != formatVersion {
            guard !readOnly, IndexMigration.canMigrate(from: meta.version) else {
                throw IndexError(path: path, .formatVersion(found: meta.version, supported: formatVersion))
            }
        }
        let stored = try storedParameters(meta.values, db)
        if let parameters, parameters.identifier != stored.identifier {
            throw IndexError(path: path, .parameterMismatch(stored: stored.identifier, requested: parameters.identifier))
        }
        let index = CorpusIndex(path: path, db: db, parameters: stored)
        if !readOnly {
            try db.execute("PRAGMA cache_size = -65536")   // 64 MB: merges and batch writes revisit pages
            if meta.version != formatVersion { try IndexMigration.migrate(index, from: meta.version) }
        }
        return index
    }

    /// Opens the index at `path` for writing, creating it when it does not exist.
    public static func openOrCreate(at path: String, parameters: FingerprintParameters) throws(IndexError) -> CorpusIndex {
        if FileManager.default.fileExists(atPath: path) {
            return try open(at: path, parameters: parameters, readOnly: false)
        }
        try create(at: path, parameters: parameters)
        return try open(at: path, parameters: parameters, readOnly: false)
    }

    static let schema = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE files(path TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
        CREATE TABLE documents(doc INTEGER PRIMARY KEY, file TEXT NOT NULL, meta BLOB NOT NULL, body TEXT NOT NULL);
        CREATE INDEX documents_file ON documents(file);
        """
    /// Segment `id`'s rows are in their own table, `postings_<id>` (`Segment.table`).
    static let postingSchema = """
        CREATE TABLE segments(segment INTEGER PRIMARY KEY, bits INTEGER NOT NULL, postings INTEGER NOT NULL);
        """

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
                try db.execute(schema + postingSchema)
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

    private static func readMeta(_ db: SQLiteDatabase) throws(IndexError) -> (version: Int, values: [String: String]) {
        var meta: [String: String] = [:]
        do {
            let statement = try db.prepare("SELECT key, value FROM meta")
            while try statement.step() { meta[statement.text(0)] = statement.text(1) }
        } catch {
            throw IndexError(path: db.path, .notAnIndex)
        }
        guard meta["format"] == formatName else { throw IndexError(path: db.path, .notAnIndex) }
        return (Int(meta["formatVersion"] ?? "") ?? -1, meta)
    }

    private static func storedParameters(_ meta: [String: String], _ db: SQLiteDatabase) throws(IndexError) -> FingerprintParameters {
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

    /// Kept in `meta` by every update: counting the rows would read an index of all documents,
    /// a cost that grows with the corpus, on every check.
    public var documentCount: Int {
        (try? storedDocumentCount()) ?? 0
    }

    func storedDocumentCount() throws(IndexError) -> Int {
        let statement = try db.prepare("SELECT value FROM meta WHERE key = 'documents'")
        if try statement.step(), let count = Int(statement.text(0)) { return count }
        return try scalar("SELECT COUNT(*) FROM documents")
    }

    func setStoredDocumentCount(_ count: Int) throws(IndexError) {
        let statement = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('documents', ?)")
        statement.bind(1, String(count))
        try statement.run()
    }

    public var fileCount: Int {
        (try? scalar("SELECT COUNT(*) FROM files")) ?? 0
    }

    /// Postings stored (one per document and distinct band key): what a `PostingSnapshot`
    /// holds, at 8 bytes each.
    public var postingCount: Int {
        (try? scalar("SELECT COALESCE(SUM(postings), 0) FROM segments")) ?? 0
    }

    /// Posting segments: 1 after a bulk build, a few after incremental updates.
    public var segmentCount: Int {
        (try? scalar("SELECT COUNT(*) FROM segments")) ?? 0
    }

    func scalar(_ sql: String) throws(IndexError) -> Int {
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

    func segments() throws(IndexError) -> [Segment] {
        var out: [Segment] = []
        let statement = try db.prepare("SELECT segment, bits, postings FROM segments ORDER BY segment")
        while try statement.step() {
            let bits = Int(statement.int(1))
            guard Segment.bitRange.contains(bits) else { throw IndexError(path: path, .corrupt("segment \(statement.int(0)) has \(bits)-bit rows")) }
            out.append(Segment(id: statement.int(0), bits: bits, postings: Int(statement.int(2))))
        }
        return out
    }

    /// Documents sharing at least one band key with `keys`, ranked by the keys shared, those
    /// from buckets of at most `rareBucketSize` documents counted twice (text few articles share
    /// is stronger evidence; `Candidate.rareKeys`), then by document number. Keys whose bucket
    /// holds more than `maxBucketSize` documents are skipped as too common to be evidence, and
    /// documents scoring below `minScore` are left out.
    ///
    /// Reads only the rows of these keys (one per key and segment). A scan of many suspects is
    /// faster with a `PostingSnapshot`, which gives the same answers.
    public func candidates(for keys: [UInt64], maxBucketSize: Int = 2_000, rareBucketSize: Int = 20,
                           limit: Int = .max) throws(IndexError) -> [Candidate] {
        try candidates(for: QueryKeys(keys), maxBucketSize: maxBucketSize, rareBucketSize: rareBucketSize, limit: limit)
    }

    public func candidates(for query: QueryKeys, maxBucketSize: Int = 2_000, rareBucketSize: Int = 20,
                           limit: Int = .max, minScore: Int = 1) throws(IndexError) -> [Candidate] {
        try db.readTransaction { () throws(IndexError) in
            let segments = try self.segments()
            let statements = try rowStatements(for: segments)
            tally.start(documentLimit: try scalar("SELECT COALESCE(MAX(doc), 0) FROM documents") + 1, minScore: minScore)
            var current = [Int64](repeating: -1, count: segments.count)
            var present = [Bool](repeating: false, count: segments.count)
            defer { for s in statements { s.reset() } }
            var ranges = [Range<Int>](repeating: 0..<0, count: segments.count)
            for (key, windows) in zip(query.keys, query.windows) {
                // Keys ascend, so each segment's rows are met in order and a row shared by
                // several keys is read once.
                for (i, segment) in segments.enumerated() {
                    let row = segment.row(of: key)
                    guard row != current[i] else { continue }
                    current[i] = row
                    statements[i].reset()
                    statements[i].bind(1, row)
                    present[i] = try statements[i].step()
                }
                let prefix = PostingKey.prefix(key)
                let low = PostingKey.low(key)
                var total = 0
                for (i, segment) in segments.enumerated() {
                    ranges[i] = 0..<0
                    guard present[i] else { continue }
                    let range = statements[i].withBlob(0) { blob in
                        PostingRow(segment: segment, row: current[i], bytes: blob).postings(prefix: prefix).map { $0.range(of: low) }
                    }
                    guard let range else { throw IndexError(path: path, .corrupt("posting row \(current[i]) of segment \(segment.id) is damaged")) }
                    ranges[i] = range
                    total += range.count
                }
                guard total > 0, total <= maxBucketSize else { continue }
                let rare = total <= rareBucketSize
                for (i, segment) in segments.enumerated() where !ranges[i].isEmpty {
                    statements[i].withBlob(0) { blob in
                        guard let postings = PostingRow(segment: segment, row: current[i], bytes: blob).postings(prefix: prefix) else { return }
                        for j in ranges[i] { tally.add(postings.document(at: j), rare: rare, windows: windows) }
                    }
                }
            }
            return tally.ranked(limit: limit)
        }
    }

    /// A row statement for each segment, in the order of `segments`.
    private func rowStatements(for segments: [Segment]) throws(IndexError) -> [SQLiteStatement] {
        let live = Set(segments.map(\.id))
        for id in rowStatements.keys where !live.contains(id) { rowStatements[id] = nil }
        var out: [SQLiteStatement] = []
        for segment in segments {
            if let s = rowStatements[segment.id] {
                out.append(s)
            } else {
                let s = try db.prepare("SELECT entries FROM \(segment.table) WHERE row = ?")
                rowStatements[segment.id] = s
                out.append(s)
            }
        }
        return out
    }

    /// Every posting, read once into memory (see `PostingSnapshot`).
    public func postingSnapshot() throws(IndexError) -> PostingSnapshot {
        let (groups, documentLimit) = try postingGroups()
        return PostingSnapshot(PostingMemory(groups, documentLimit: documentLimit))
    }

    /// The mapped `PostingMap` file beside the index when it is current (its token is the
    /// index's); nil when it is absent, stale or damaged.
    public func postingMap() -> PostingSnapshot? {
        guard let token = try? postingsToken(), let memory = PostingMap.open(PostingMap.path(forIndex: path), token: token) else {
            return nil
        }
        return PostingSnapshot(memory)
    }

    /// Every posting of every segment, grouped by prefix as a snapshot holds them, and the
    /// document numbers' bound, read in one transaction.
    func postingGroups() throws(IndexError) -> (PostingGroups, documentLimit: Int) {
        try db.readTransaction { () throws(IndexError) in
            let list = try self.segments()
            var pairs: [UInt64] = []
            pairs.reserveCapacity(list.reduce(0) { $0 + max(0, $1.postings) })
            var offsets = [Int](repeating: 0, count: PostingKey.prefixCount + 1)
            let segments = try MergedSegments(db, list, path: path)
            defer { segments.finish() }
            for p in 0..<PostingKey.prefixCount {
                offsets[p] = pairs.count
                try segments.append(prefix: p, to: &pairs)
            }
            offsets[PostingKey.prefixCount] = pairs.count
            let documentLimit = try scalar("SELECT COALESCE(MAX(doc), 0) FROM documents") + 1
            return (PostingGroups(offsets: offsets, pairs: pairs, sorted: true), documentLimit)
        }
    }

    /// The token of the index's current postings (see `PostingMap`); nil for an index that
    /// never had one.
    func postingsToken() throws(IndexError) -> UInt64? {
        let statement = try db.prepare("SELECT value FROM meta WHERE key = 'postingsToken'")
        return try statement.step() ? UInt64(statement.text(0)) : nil
    }

    /// One stored document.
    public func document(_ doc: Int) throws(IndexError) -> IndexedDocument {
        try storedDocument(doc).resolved().document
    }

    /// One stored document with its body still the stored bytes.
    /// Runs `body` in one read transaction: its reads see one state of the index and share one
    /// lock. A scan worker reads each suspect's candidates in one (perf: taking and dropping the
    /// file lock for every fetched document was ≈ 2% of a scan's time in `fcntl`); short, so a
    /// writer waits at most one suspect's verification.
    public func reading<T>(_ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        try db.readTransaction(body)
    }

    public func storedDocument(_ doc: Int) throws(IndexError) -> StoredDocument {
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
        guard let skimmed = statement.withBlob(1, ArticleRecord.skim) else {
            throw StoredDocument.unreadable(doc, path)
        }
        return StoredDocument(document: doc, file: statement.text(0), source: skimmed.source, excluded: skimmed.excluded,
                              body: statement.blob(2), record: statement.blob(1), indexPath: path)
    }
}

/// A stored document whose body is the UTF-8 bytes the index holds: verification shingles them
/// directly (`Fingerprinter.shingled(utf8:)`), and only a source with a passage to report
/// becomes an `IndexedDocument`, whose String costs a validation of the bytes (on the benchmark
/// scan, ≈ 5% of the instructions and ≈ 6% of the time when every candidate's body became a String).
///
/// Of the article's metadata only what verification needs is decoded up front (its source path
/// and excluded ranges, `ArticleRecord.skim`); the rest waits for `resolved()`.
public struct StoredDocument: Sendable {
    public var document: Int
    public var file: String
    /// The article's `source` and `excluded`.
    public var source: String
    public var excluded: [TextRange]
    public var body: [UInt8]
    /// The stored metadata record, decoded by `resolved()`.
    let record: [UInt8]
    let indexPath: String

    /// The document with its metadata and its body as a String; `bodyWasValid` is false when
    /// the stored bytes were not valid UTF-8 (a damaged index) and had to be repaired, so that
    /// offsets computed from the bytes would not fit the String. Throws when the metadata
    /// holds a string that is not UTF-8 (which skimming does not validate).
    public func resolved() throws(IndexError) -> (document: IndexedDocument, bodyWasValid: Bool) {
        guard var article = record.withUnsafeBytes(ArticleRecord.decode) else { throw Self.unreadable(document, indexPath) }
        let valid = String(validating: body, as: UTF8.self)
        article.body = valid ?? String(decoding: body, as: UTF8.self)
        return (IndexedDocument(document: document, file: file, article: article), valid != nil)
    }

    static func unreadable(_ doc: Int, _ indexPath: String) -> IndexError {
        IndexError(path: indexPath, .corrupt("document \(doc) has unreadable metadata"))
    }
}

public struct IndexedDocument: Sendable {
    public var document: Int
    public var file: String
    public var article: Article
}
