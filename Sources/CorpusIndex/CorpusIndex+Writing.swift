import Articles
import Fingerprinting

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

extension CorpusIndex {
    /// Segments whose sizes lie within `tierRatio` of the smallest among them form a tier, and a
    /// tier of `tierWidth` or more is merged into one segment. A posting is then rewritten about
    /// log₄ of (index size / batch size) times in its life, and a bulk build — equal batches,
    /// one tier — merges once, at the end: the build is linear, not quadratic, in the postings.
    static let tierRatio = 4
    static let tierWidth = 4
    /// Each segment costs a query one more row read per key: beyond this many, segments are
    /// merged even in the middle of a run.
    static let maxSegments = 32

    /// Applies a batch in one transaction: files are removed (with their documents and
    /// postings) and added (their postings become one new segment).
    public func apply(_ batch: IndexBatch) throws(IndexError) {
        guard !batch.isEmpty else { return }
        try db.transaction { () throws(IndexError) in
            let existing = try segments()
            // Removed first: a document number freed here may be given again below.
            try remove(files: batch.removals + batch.additions.map(\.file), from: existing)

            var next = Int64(try scalar("SELECT COALESCE(MAX(doc), 0) FROM documents")) + 1
            let insertDoc = try db.prepare("INSERT INTO documents(doc, file, meta, body) VALUES(?, ?, ?, ?)")
            let insertFile = try db.prepare("INSERT INTO files(path, content_hash) VALUES(?, ?)")
            var keys: [UInt64] = []
            var documents: [UInt32] = []
            for file in batch.additions {
                insertFile.bind(1, file.file)
                insertFile.bind(2, file.contentHash)
                try insertFile.run()
                for entry in file.documents {
                    let doc = next
                    next += 1
                    guard doc <= Int64(UInt32.max) else { throw IndexError(path: path, .storage("too many documents")) }
                    insertDoc.bind(1, doc)
                    insertDoc.bind(2, file.file)
                    insertDoc.bind(3, ArticleRecord.encode(entry.article))
                    insertDoc.bind(4, entry.article.body)
                    try insertDoc.run()
                    keys.append(contentsOf: entry.keys)
                    documents.append(contentsOf: repeatElement(UInt32(doc), count: entry.keys.count))
                }
            }
            if !keys.isEmpty {
                try writeSegment(PostingGroups(keys: keys, documents: documents))
                if existing.count + 1 > Self.maxSegments { try compactSegments() }
            }
        }
    }

    /// Merges segments of similar size (see `tierRatio`), in one transaction. Called at the end
    /// of an indexing run, so a bulk build ends with one segment.
    public func compact() throws(IndexError) {
        try db.transaction { () throws(IndexError) in try compactSegments() }
    }

    /// Band keys of a stored article, recomputed exactly as when it was added.
    func keys(of article: Article) -> [UInt64] {
        fingerprinter.fingerprint(article.body, excluding: article.excluded.map { TextSpan(start: $0.start, end: $0.end) }).allKeys
    }

    // MARK: Removal

    /// Deletes the files' documents and takes their postings out of every segment. A stored
    /// article's keys are recomputed from its body, so only the rows holding them are rewritten.
    private func remove(files: [String], from segments: [Segment]) throws(IndexError) {
        var removedDocs = Set<UInt32>()
        var removedKeys = Set<UInt64>()
        let select = try db.prepare("SELECT doc, meta, body FROM documents WHERE file = ?")
        let delete = try db.prepare("DELETE FROM documents WHERE file = ?")
        let deleteFile = try db.prepare("DELETE FROM files WHERE path = ?")
        for file in files {
            select.reset()
            select.bind(1, file)
            while try select.step() {
                let doc = select.int(0)
                guard var article = select.withBlob(1, ArticleRecord.decode) else {
                    throw IndexError(path: path, .corrupt("document \(doc) has unreadable metadata (rebuild the index with `copyscan index --rebuild`)"))
                }
                article.body = select.text(2)
                removedDocs.insert(UInt32(truncatingIfNeeded: doc))
                for key in keys(of: article) { removedKeys.insert(key & ~0xFFFF) }
            }
            select.reset()
            delete.bind(1, file)
            try delete.run()
            deleteFile.bind(1, file)
            try deleteFile.run()
        }
        guard !removedDocs.isEmpty else { return }
        let sortedKeys = removedKeys.sorted()
        let selectRow = try db.prepare("SELECT entries FROM postings WHERE row = ?")
        let updateRow = try db.prepare("UPDATE postings SET entries = ? WHERE row = ?")
        let deleteRow = try db.prepare("DELETE FROM postings WHERE row = ?")
        for segment in segments {
            var removed = 0
            var lastRow: Int64 = -1
            for key in sortedKeys {
                let row = segment.row(of: key)
                guard row != lastRow else { continue }
                lastRow = row
                selectRow.reset()
                selectRow.bind(1, row)
                guard try selectRow.step() else { continue }
                var kept: [UInt64] = []
                let dropped = selectRow.withBlob(0) { blob -> Int in
                    let postings = PostingBlob(blob)
                    kept.reserveCapacity(postings.count)
                    for i in 0..<postings.count where !removedDocs.contains(postings.document(at: i)) { kept.append(postings.pair(at: i)) }
                    return postings.count - kept.count
                }
                selectRow.reset()
                guard dropped > 0 else { continue }
                removed += dropped
                if kept.isEmpty {
                    deleteRow.bind(1, row)
                    try deleteRow.run()
                } else {
                    updateRow.bind(1, PostingBlob.encode(kept[...]))
                    updateRow.bind(2, row)
                    try updateRow.run()
                }
            }
            if removed > 0 { try setPostings(of: segment, to: segment.postings - removed) }
        }
    }

    // MARK: Segments

    private func nextSegmentID() throws(IndexError) -> Int64 {
        let id = Int64(try scalar("SELECT COALESCE(MAX(segment), 0) + 1 FROM segments"))
        guard id < 1 << 31 else { throw IndexError(path: path, .storage("too many posting segments")) }
        return id
    }

    private func setPostings(of segment: Segment, to postings: Int) throws(IndexError) {
        if postings <= 0 {
            try dropSegment(segment)
            return
        }
        let update = try db.prepare("UPDATE segments SET postings = ? WHERE segment = ?")
        update.bind(1, Int64(postings))
        update.bind(2, segment.id)
        try update.run()
    }

    private func dropSegment(_ segment: Segment) throws(IndexError) {
        let rows = try db.prepare("DELETE FROM postings WHERE row BETWEEN ? AND ?")
        rows.bind(1, segment.firstRow)
        rows.bind(2, segment.lastRow)
        try rows.run()
        let entry = try db.prepare("DELETE FROM segments WHERE segment = ?")
        entry.bind(1, segment.id)
        try entry.run()
    }

    private func insertSegment(_ segment: Segment) throws(IndexError) {
        let insert = try db.prepare("INSERT INTO segments(segment, bits, postings) VALUES(?, ?, ?)")
        insert.bind(1, segment.id)
        insert.bind(2, Int64(segment.bits))
        insert.bind(3, Int64(segment.postings))
        try insert.run()
    }

    private func writeSegment(_ groups: PostingGroups) throws(IndexError) {
        guard groups.count > 0 else { return }
        let segment = Segment(id: try nextSegmentID(), bits: Segment.bits(forPostings: groups.count), postings: groups.count)
        let writer = try RowWriter(db, segment)
        for p in 0..<PostingKey.prefixCount { try writer.write(prefix: p, groups.group(p)) }
        try insertSegment(segment)
    }

    /// The tier to merge next, if any (see `tierRatio`), with every segment smaller than it (a
    /// short last batch joins the merge of the full ones), else the smallest segments when
    /// there are too many.
    static func segmentsToMerge(_ segments: [Segment]) -> [Segment]? {
        guard segments.count >= 2 else { return nil }
        let bySize = segments.sorted { ($0.postings, $0.id) < ($1.postings, $1.id) }
        var tierStart = 0
        for i in bySize.indices {
            if bySize[i].postings > max(bySize[tierStart].postings, 1) * tierRatio {
                if i - tierStart >= tierWidth { return Array(bySize[..<i]) }
                tierStart = i
            }
        }
        if bySize.count - tierStart >= tierWidth { return bySize }
        if segments.count > maxSegments { return Array(bySize.prefix(segments.count - maxSegments + 1)) }
        return nil
    }

    func compactSegments() throws(IndexError) {
        while let group = Self.segmentsToMerge(try segments()) {
            try merge(group)
        }
    }

    /// Rewrites `inputs` as one segment whose rows are sized for its total, prefix by prefix,
    /// holding in memory only a slice of the postings at a time.
    func merge(_ inputs: [Segment]) throws(IndexError) {
        let total = inputs.reduce(0) { $0 + $1.postings }
        var output = Segment(id: try nextSegmentID(), bits: Segment.bits(forPostings: total), postings: 0)
        let writer = try RowWriter(db, output)
        let cursors = try inputs.map { (segment) throws(IndexError) in try SegmentCursor(db, segment) }
        var pending: [(prefix: Int, range: Range<Int>)] = []
        var buffer: [UInt64] = []
        // Written in slices rather than row by row: every write makes SQLite save the read
        // cursors' positions and seek again on their next step.
        func flush() throws(IndexError) {
            for (prefix, range) in pending { try writer.write(prefix: prefix, buffer[range]) }
            output.postings += buffer.count
            pending.removeAll(keepingCapacity: true)
            buffer.removeAll(keepingCapacity: true)
        }
        for p in 0..<PostingKey.prefixCount {
            let start = buffer.count
            for cursor in cursors { try cursor.append(prefix: p, to: &buffer) }
            guard buffer.count > start else { continue }
            if cursors.count > 1 {
                buffer.withUnsafeMutableBufferPointer { all in
                    var group = UnsafeMutableBufferPointer(rebasing: all[start...])
                    group.sort()
                }
                var write = start
                for i in start..<buffer.count where write == start || buffer[i] != buffer[write - 1] {
                    buffer[write] = buffer[i]
                    write += 1
                }
                buffer.removeLast(buffer.count - write)
            }
            pending.append((p, start..<buffer.count))
            if buffer.count >= 1 << 21 { try flush() }
        }
        try flush()
        for cursor in cursors { cursor.finish() }
        for segment in inputs { try dropSegment(segment) }
        if output.postings > 0 { try insertSegment(output) }
    }
}

/// Writes a segment's rows for one prefix at a time.
private struct RowWriter {
    let segment: Segment
    let insert: SQLiteStatement

    init(_ db: SQLiteDatabase, _ segment: Segment) throws(IndexError) {
        self.segment = segment
        insert = try db.prepare("INSERT INTO postings(row, entries) VALUES(?, ?)")
    }

    /// `pairs`: one prefix's postings, sorted and without repeats.
    func write(prefix: Int, _ pairs: ArraySlice<UInt64>) throws(IndexError) {
        var start = pairs.startIndex
        while start < pairs.endIndex {
            let row = segment.row(prefix: prefix, low: UInt32(truncatingIfNeeded: pairs[start] >> 32))
            var end = start + 1
            while end < pairs.endIndex && segment.row(prefix: prefix, low: UInt32(truncatingIfNeeded: pairs[end] >> 32)) == row {
                end += 1
            }
            insert.bind(1, row)
            insert.bind(2, PostingBlob.encode(pairs[start..<end]))
            try insert.run()
            start = end
        }
    }
}

/// Reads one segment's rows in order, a prefix at a time.
private final class SegmentCursor {
    let segment: Segment
    let statement: SQLiteStatement
    private var hasRow: Bool

    init(_ db: SQLiteDatabase, _ segment: Segment) throws(IndexError) {
        self.segment = segment
        statement = try db.prepare("SELECT row, entries FROM postings WHERE row BETWEEN ? AND ? ORDER BY row")
        statement.bind(1, segment.firstRow)
        statement.bind(2, segment.lastRow)
        hasRow = try statement.step()
    }

    /// Appends the postings of `prefix` (rows are met in prefix order; the caller asks for
    /// prefixes in ascending order).
    func append(prefix: Int, to buffer: inout [UInt64]) throws(IndexError) {
        while hasRow && segment.prefix(ofRow: statement.int(0)) <= prefix {
            statement.withBlob(1) { blob in
                let postings = PostingBlob(blob)
                for i in 0..<postings.count { buffer.append(postings.pair(at: i)) }
            }
            hasRow = try statement.step()
        }
    }

    func finish() { statement.reset() }
}
