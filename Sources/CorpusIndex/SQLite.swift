import CSQLite

/// A thin, typed layer over the SQLite C API. The index talks to SQLite through this alone.
final class SQLiteDatabase {
    let path: String
    private(set) var handle: OpaquePointer?

    init(path: String, readOnly: Bool) throws(IndexError) {
        self.path = path
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        handle = db
        if rc != SQLITE_OK {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            handle = nil
            throw IndexError(path: path, .cannotOpen(message))
        }
        sqlite3_busy_timeout(db, 5_000)
    }

    // close_v2: statements still alive (cached by their owner) are finalized after it.
    deinit { sqlite3_close_v2(handle) }

    func execute(_ sql: String) throws(IndexError) {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw IndexError(path: path, .storage(message))
        }
    }

    func prepare(_ sql: String) throws(IndexError) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw IndexError(path: path, .storage("\(lastError) in \(sql)"))
        }
        return SQLiteStatement(statement, database: self)
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Runs `body` inside one read transaction, so that its several statements see one state of
    /// the file even while another process writes. Inside a transaction already, just runs it.
    func readTransaction<T>(_ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        return try inTransaction(begin: "BEGIN", body)
    }

    /// Runs `body` in one transaction: all of it is written, or none.
    func transaction<T>(_ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        try inTransaction(begin: "BEGIN IMMEDIATE", body)
    }

    private func inTransaction<T>(begin: String, _ body: () throws(IndexError) -> T) throws(IndexError) -> T {
        try execute(begin)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

final class SQLiteStatement {
    private let statement: OpaquePointer
    private unowned let database: SQLiteDatabase

    init(_ statement: OpaquePointer, database: SQLiteDatabase) {
        self.statement = statement
        self.database = database
    }

    deinit { sqlite3_finalize(statement) }

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
    func bind(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    _ = sqlite3_bind_text(statement, index, base, Int32(chars.count), csqlite_transient())
                } else {
                    _ = sqlite3_bind_text(statement, index, "", 0, csqlite_transient())
                }
            }
        }
    }
    func bind(_ index: Int32, _ value: [UInt8]) {
        value.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(statement, index, raw.baseAddress, Int32(raw.count), csqlite_transient())
        }
    }

    /// Steps once: true when a row is available.
    func step() throws(IndexError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw IndexError(path: database.path, .storage(database.lastError))
        }
    }

    func run() throws(IndexError) {
        _ = try step()
        reset()
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func text(_ column: Int32) -> String {
        guard let c = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: c, count: count), as: UTF8.self)
    }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// The blob's bytes, valid until the next step or reset.
    func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard let base = sqlite3_column_blob(statement, column), count > 0 else {
            return body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return body(UnsafeRawBufferPointer(start: base, count: count))
    }

    func blob(_ column: Int32) -> [UInt8] { withBlob(column) { Array($0) } }
}
