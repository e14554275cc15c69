import Articles
import Fingerprinting

/// Postings of batches not yet written (see `CorpusIndex.deferPostings`).
final class PostingBuffer {
    let limit: Int
    var batches: [PostingGroups] = []
    var count = 0

    init(limit: Int) { self.limit = limit }

    func append(_ groups: PostingGroups) {
        batches.append(groups)
        count += groups.count
    }
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

extension CorpusIndex {
    /// Segments whose sizes lie within `tierRatio` of the smallest among them form a tier, and a
    /// tier of `tierWidth` or more is merged into one segment. A posting is then rewritten about
    /// log₄ of (index size / batch size) times in its life — fewer, as segments stop merging once
    /// settled (`settledPostings`) — and a bulk build of small batches, one tier, merges once, at
    /// the end: the build is linear, not quadratic, in the postings.
    static let tierRatio = 4
    static let tierWidth = 4
    /// Each segment costs a query one more row read per key: beyond this many, segments are
    /// merged even in the middle of a run.
    static let maxSegments = 32
    /// Segments of at least this many postings (128 MB, a new index's in-memory batch) are left
    /// out of tiers, as Lucene caps the size of the segments it merges: queries read the posting
    /// map, whose writing merges every segment anyway, so rewriting big segments into a bigger
    /// one would buy a query on a stale map fewer row reads at the price of rewriting them all.
    /// On the 1,000,000-article benchmark, one such merge of four segments cost 9.6 s of a 98 s
    /// build. Only `maxSegments` merges them.
    public static let settledPostings = 1 << 24

    /// Applies a batch in one transaction: files are removed (with their documents and
    /// postings) and added (their postings become one new segment).
    public func apply(_ batch: IndexBatch) throws(IndexError) {
        guard !batch.isEmpty else { return }
        try db.transaction { () throws(IndexError) in
            let documentsBefore = try storedDocumentCount()
            // Removed first: a document number freed here may be given again below.
            let removedDocuments = try remove(files: batch.removals + batch.additions.map(\.file))
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
            let added = batch.additions.reduce(0) { $0 + $1.documents.count }
            try setStoredDocumentCount(documentsBefore + added - removedDocuments)
            guard !keys.isEmpty else { return }
            let groups = PostingGroups(keys: keys, documents: documents)
            if let buffer = postingBuffer {
                buffer.append(groups)
                if buffer.count >= buffer.limit { try writeBufferedPostings() }
            } else {
                try writeSegment([groups])
            }
            // Merged here, in the batch's transaction (on the indexer's writer thread, beside the
            // parsing of the next batch), not all at the end of the run.
            try compactSegments()
        }
    }

    /// Keeps the postings of the following batches in memory, up to `limit` of them (8 bytes
    /// each), and writes them as one segment when the limit is reached or on
    /// `writeBufferedPostings`: for building a new index, where per-batch segments would all be
    /// merged at the end anyway. The default limit makes each full segment a settled one, which
    /// later runs leave alone. Documents are still written batch by batch. Only for an index
    /// no one reads until the build is done: until then its postings are incomplete.
    public func deferPostings(limit: Int = settledPostings) {
        postingBuffer = PostingBuffer(limit: limit)
        mapPostings = []
    }

    /// Writes the postings kept by `deferPostings` as a segment (in one transaction) and stops
    /// keeping them.
    public func finishDeferredPostings() throws(IndexError) {
        try db.transaction { () throws(IndexError) in try writeBufferedPostings() }
        postingBuffer = nil
    }

    private func writeBufferedPostings() throws(IndexError) {
        guard let buffer = postingBuffer, !buffer.batches.isEmpty else { return }
        try writeSegment(buffer.batches)
        buffer.batches.removeAll()
        buffer.count = 0
    }

    /// Merges segments of similar size (see `tierRatio`), in one transaction. Called at the end
    /// of an indexing run, so a bulk build ends with few segments.
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
    /// Returns the number of documents removed.
    private func remove(files: [String]) throws(IndexError) -> Int {
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
        guard !removedDocs.isEmpty else { return 0 }
        mapPostings = nil   // the postings kept for the map would still hold the removed ones
        try writeBufferedPostings()   // the removed documents' postings may still be in memory
        let sortedKeys = removedKeys.sorted()
        for segment in try segments() {
            let selectRow = try db.prepare("SELECT entries FROM \(segment.table) WHERE row = ?")
            let updateRow = try db.prepare("UPDATE \(segment.table) SET entries = ? WHERE row = ?")
            let deleteRow = try db.prepare("DELETE FROM \(segment.table) WHERE row = ?")
            var removed = 0
            var lastRow: Int64 = -1
            for key in sortedKeys {
                let row = segment.row(of: key)
                guard row != lastRow else { continue }
                lastRow = row
                selectRow.reset()
                selectRow.bind(1, row)
                guard try selectRow.step() else { continue }
                var groups: [ArraySlice<UInt64>] = []
                var dropped = 0
                let readable = selectRow.withBlob(0) { blob -> Bool in
                    let stored = PostingRow(segment: segment, row: row, bytes: blob)
                    for prefix in segment.prefixes(ofRow: row) {
                        guard let postings = stored.postings(prefix: prefix) else { return false }
                        var kept: [UInt64] = []
                        for i in 0..<postings.count where !removedDocs.contains(postings.document(at: i)) { kept.append(postings.pair(at: i)) }
                        dropped += postings.count - kept.count
                        groups.append(kept[...])
                    }
                    return true
                }
                selectRow.reset()
                guard readable else { throw IndexError(path: path, .corrupt("posting row \(row) of segment \(segment.id) is damaged")) }
                guard dropped > 0 else { continue }
                removed += dropped
                if groups.allSatisfy(\.isEmpty) {
                    deleteRow.bind(1, row)
                    try deleteRow.run()
                } else {
                    updateRow.bind(1, PostingRow.encode(segment, groups: groups))
                    updateRow.bind(2, row)
                    try updateRow.run()
                }
            }
            if removed > 0 { try setPostings(of: segment, to: segment.postings - removed) }
        }
        return removedDocs.count
    }

    // MARK: The posting map

    /// Writes the `PostingMap` file beside the index from its segments as they are now. For
    /// the writer (the indexer holds the index lock): readers only map it.
    /// Returns whether the postings came from memory (a new index's, kept as written) or were
    /// read back from SQLite.
    @discardableResult
    public func writePostingMap() throws(IndexError) -> PostingMap.Source {
        try writePostingMap(batchPairs: 1 << 21)
    }

    /// `writePostingMap`, reading the segments in batches of about `batchPairs` postings.
    @discardableResult
    func writePostingMap(batchPairs: Int) throws(IndexError) -> PostingMap.Source {
        let token: UInt64
        if let current = try postingsToken() {
            token = current
        } else {
            token = try db.transaction { () throws(IndexError) in try renewPostingsToken() }
        }
        let documentLimit = try scalar("SELECT COALESCE(MAX(doc), 0) FROM documents") + 1
        let mapPath = PostingMap.path(forIndex: path)
        defer { mapPostings = nil }
        if let kept = mapPostings, kept.reduce(0, { $0 + $1.count }) == postingCount {
            let writer = try PostingMap.Writer(path: mapPath, indexPath: path)
            defer { writer.abandon() }
            try PostingGroups.forEachMergedGroup(kept) { (prefix, pairs) throws(IndexError) in try writer.append(prefix: prefix, pairs) }
            try writer.finish(token: token, documentLimit: documentLimit)
            return .memory
        }
        mapPostings = nil
        // Prefix by prefix from the segments, as a merge reads them; their runs are merged and
        // written on another thread while the next prefixes are read.
        try db.readTransaction { () throws(IndexError) in
            let segments = try MergedSegments(db, try self.segments(), path: path)
            defer { segments.finish() }
            let writer = try PostingMap.Writer(path: mapPath, indexPath: path)
            defer { writer.abandon() }
            let feed = PostingMapFeed.stage(writer, merging: segments.runsNeedMerging)
            // Waited for before the writer is abandoned on an error here.
            defer { _ = feed.wait() }
            var batch = feed.item()
            for p in 0..<PostingKey.prefixCount {
                let start = batch.pairs.count
                try segments.appendRuns(prefix: p, to: &batch.pairs)
                batch.groups.append((p, start..<batch.pairs.count))
                if batch.pairs.count >= batchPairs {
                    if let failure = feed.firstFailure { throw failure }
                    feed.submit(&batch)
                }
            }
            feed.submit(&batch)
            if let failure = feed.wait() { throw failure }
            try writer.finish(token: token, documentLimit: documentLimit)
        }
        return .segments
    }

    /// Whether the posting map beside the index is that of its current postings.
    public var postingMapIsCurrent: Bool { postingMap() != nil }

    /// Gives the postings a new token: called in every transaction that changes a segment, so
    /// a posting map written before it is stale from the commit on.
    @discardableResult
    func renewPostingsToken() throws(IndexError) -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        let token = generator.next() as UInt64
        let statement = try db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('postingsToken', ?)")
        statement.bind(1, String(token))
        try statement.run()
        return token
    }

    // MARK: Segments

    func nextSegmentID() throws(IndexError) -> Int64 {
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
        try renewPostingsToken()
    }

    private func dropSegment(_ segment: Segment) throws(IndexError) {
        try db.execute("DROP TABLE IF EXISTS \(segment.table)")
        let entry = try db.prepare("DELETE FROM segments WHERE segment = ?")
        entry.bind(1, segment.id)
        try entry.run()
        try renewPostingsToken()
    }

    /// Records a segment whose rows have been written.
    func insertSegment(_ segment: Segment) throws(IndexError) {
        let insert = try db.prepare("INSERT INTO segments(segment, bits, postings) VALUES(?, ?, ?)")
        insert.bind(1, segment.id)
        insert.bind(2, Int64(segment.bits))
        insert.bind(3, Int64(segment.postings))
        try insert.run()
        try renewPostingsToken()
    }

    /// Postings kept for the map at most (8 bytes each, 128 MB: ≈ 130,000 articles). Beyond
    /// it they are read back from SQLite: on the 1,000,000-article benchmark, keeping all of
    /// them took the build to 2.3 GB of peak memory and 154 s (the code before the map: 0.66 GB,
    /// 125 s; with this limit 0.59 GB, 128 s).
    static let mapPostingsLimit = 1 << 24

    /// Whether `count` more postings may be kept for the map; past the limit none are kept.
    private func mayKeepForMap(_ count: Int) -> Bool {
        guard let kept = mapPostings else { return false }
        guard kept.reduce(0, { $0 + $1.count }) + count <= Self.mapPostingsLimit else {
            mapPostings = nil
            return false
        }
        return true
    }

    /// Writes postings grouped by batch as one segment; batches hold distinct documents.
    private func writeSegment(_ batches: [PostingGroups]) throws(IndexError) {
        let total = batches.reduce(0) { $0 + $1.count }
        guard total > 0 else { return }
        let segment = Segment(id: try nextSegmentID(), bits: Segment.bits(forPostings: total), postings: total)
        let writer = try RowWriter(db, segment)
        if batches.count == 1 {
            for p in 0..<PostingKey.prefixCount { try writer.write(prefix: p, batches[0].group(p)) }
            if mayKeepForMap(total) { mapPostings?.append(batches[0]) }
        } else {
            let keep = mayKeepForMap(total)
            var kept: [UInt64] = []
            var keptOffsets = [Int](repeating: 0, count: keep ? PostingKey.prefixCount + 1 : 0)
            if keep { kept.reserveCapacity(total) }
            var group: [UInt64] = []
            for p in 0..<PostingKey.prefixCount {
                group.removeAll(keepingCapacity: true)
                for batch in batches { group.append(contentsOf: batch.group(p)) }
                group.sort()   // sorted runs, one per batch: merged
                try writer.write(prefix: p, group[...])
                if keep {
                    keptOffsets[p] = kept.count
                    kept.append(contentsOf: group)
                }
            }
            if keep {
                keptOffsets[PostingKey.prefixCount] = kept.count
                mapPostings?.append(PostingGroups(offsets: keptOffsets, pairs: kept, sorted: true))
            }
        }
        try writer.finish()
        try insertSegment(segment)
    }

    /// The tier to merge next, if any (see `tierRatio`), with every segment smaller than it (a
    /// short last batch joins the merge of the full ones), else the smallest segments when
    /// there are too many.
    static func segmentsToMerge(_ segments: [Segment]) -> [Segment]? {
        guard segments.count >= 2 else { return nil }
        let bySize = segments.sorted { ($0.postings, $0.id) < ($1.postings, $1.id) }
        let unsettled = bySize.prefix { $0.postings < settledPostings }
        var tierStart = 0
        for i in unsettled.indices {
            if unsettled[i].postings > max(unsettled[tierStart].postings, 1) * tierRatio {
                if i - tierStart >= tierWidth { return Array(unsettled[..<i]) }
                tierStart = i
            }
        }
        if unsettled.count - tierStart >= tierWidth { return Array(unsettled) }
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
        let segments = try MergedSegments(db, inputs, path: path)
        var pending: [(prefix: Int, range: Range<Int>)] = []
        var buffer: [UInt64] = []
        // Written in slices rather than row by row: reads and writes of one connection
        // interleaved row by row cost more than in runs.
        func flush() throws(IndexError) {
            for (prefix, range) in pending { try writer.write(prefix: prefix, buffer[range]) }
            output.postings += buffer.count
            pending.removeAll(keepingCapacity: true)
            buffer.removeAll(keepingCapacity: true)
        }
        for p in 0..<PostingKey.prefixCount {
            let start = buffer.count
            try segments.append(prefix: p, to: &buffer)
            guard buffer.count > start else { continue }
            pending.append((p, start..<buffer.count))
            if buffer.count >= 1 << 21 { try flush() }
        }
        try flush()
        try writer.finish()
        segments.finish()
        for segment in inputs { try dropSegment(segment) }
        if output.postings > 0 { try insertSegment(output) }
    }
}
