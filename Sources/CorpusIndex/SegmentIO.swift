import Fingerprinting

/// Writes a new segment's table, one 16-bit prefix at a time in ascending order.
final class RowWriter {
    let segment: Segment
    private let insert: SQLiteStatement
    /// For rows of fewer than 16 bits: the row being filled and its prefixes' pairs so far.
    private var pendingRow: Int64 = -1
    private var groups: [ArraySlice<UInt64>] = []

    /// Creates the segment's table.
    init(_ db: SQLiteDatabase, _ segment: Segment) throws(IndexError) {
        self.segment = segment
        try db.execute("CREATE TABLE \(segment.table)(row INTEGER PRIMARY KEY, entries BLOB NOT NULL)")
        insert = try db.prepare("INSERT INTO \(segment.table)(row, entries) VALUES(?, ?)")
    }

    /// `pairs`: one prefix's postings, sorted and without repeats.
    func write(prefix: Int, _ pairs: ArraySlice<UInt64>) throws(IndexError) {
        guard !pairs.isEmpty else { return }
        guard segment.bits >= 16 else {
            let row = segment.row(prefix: prefix, low: 0)
            if row != pendingRow {
                try flush()
                pendingRow = row
                groups = Array(repeating: [], count: segment.prefixesPerRow)
            }
            groups[prefix - segment.prefixes(ofRow: row).lowerBound] = pairs
            return
        }
        var start = pairs.startIndex
        while start < pairs.endIndex {
            let row = segment.row(prefix: prefix, low: UInt32(truncatingIfNeeded: pairs[start] >> 32))
            var end = start + 1
            while end < pairs.endIndex && segment.row(prefix: prefix, low: UInt32(truncatingIfNeeded: pairs[end] >> 32)) == row {
                end += 1
            }
            try insert(row, PostingBlob.encode(pairs[start..<end]))
            start = end
        }
    }

    /// Writes the last row.
    func finish() throws(IndexError) { try flush() }

    private func flush() throws(IndexError) {
        guard pendingRow >= 0 else { return }
        try insert(pendingRow, PostingRow.encode(segment, groups: groups))
        pendingRow = -1
    }

    private func insert(_ row: Int64, _ bytes: [UInt8]) throws(IndexError) {
        insert.bind(1, row)
        insert.bind(2, bytes)
        try insert.run()
    }
}

/// Reads one segment's rows in order, a 16-bit prefix at a time.
final class SegmentCursor {
    let segment: Segment
    private let statement: SQLiteStatement
    private let path: String
    private var hasRow: Bool
    private var prefixes: Range<Int> = 0..<0

    init(_ db: SQLiteDatabase, _ segment: Segment, path: String) throws(IndexError) {
        self.segment = segment
        self.path = path
        statement = try db.prepare("SELECT row, entries FROM \(segment.table) ORDER BY row")
        hasRow = false
        try step()
    }

    private func step() throws(IndexError) {
        hasRow = try statement.step()
        prefixes = hasRow ? segment.prefixes(ofRow: statement.int(0)) : 0..<0
    }

    /// Appends the postings of `prefix`; the caller asks for prefixes in ascending order.
    func append(prefix: Int, to buffer: inout [UInt64]) throws(IndexError) {
        while hasRow && prefixes.lowerBound <= prefix {
            if prefixes.contains(prefix) {
                let row = statement.int(0)
                let readable = statement.withBlob(1) { blob -> Bool in
                    guard let postings = PostingRow(segment: segment, row: row, bytes: blob).postings(prefix: prefix) else { return false }
                    for i in 0..<postings.count { buffer.append(postings.pair(at: i)) }
                    return true
                }
                guard readable else { throw IndexError(path: path, .corrupt("posting row \(row) of segment \(segment.id) is damaged")) }
                // A row of fewer than 16 bits still holds the prefixes after this one.
                guard prefix == prefixes.upperBound - 1 else { return }
            }
            try step()
        }
    }

    func finish() { statement.reset() }
}

/// Every segment's postings read together, prefix by prefix in ascending order: what a merge,
/// a snapshot and the posting map all read.
final class MergedSegments {
    private let cursors: [SegmentCursor]

    init(_ db: SQLiteDatabase, _ segments: [Segment], path: String) throws(IndexError) {
        cursors = try segments.map { (segment) throws(IndexError) in try SegmentCursor(db, segment, path: path) }
    }

    /// Appends the postings of `prefix` in every segment to `buffer`, sorted and without
    /// repeats (one segment's are already; several are merged).
    func append(prefix: Int, to buffer: inout [UInt64]) throws(IndexError) {
        let start = buffer.count
        try appendRuns(prefix: prefix, to: &buffer)
        guard runsNeedMerging else { return }
        let kept = buffer.withUnsafeMutableBufferPointer { KeySort.sortUnique(UnsafeMutableBufferPointer(rebasing: $0[start...])) }
        buffer.removeLast(buffer.count - start - kept)
    }

    /// Appends the postings of `prefix` segment after segment: one sorted run each, to be
    /// sorted into one (`KeySort.sortUnique`: a pair's top bits are key hash bits) when
    /// `runsNeedMerging`.
    func appendRuns(prefix: Int, to buffer: inout [UInt64]) throws(IndexError) {
        for cursor in cursors { try cursor.append(prefix: prefix, to: &buffer) }
    }

    var runsNeedMerging: Bool { cursors.count > 1 }

    func finish() { for cursor in cursors { cursor.finish() } }
}
