import CSQLite

/// One SQLite database connection with a cache of prepared statements. Not thread-safe: its owner confines it to
/// one serial queue (the connection is opened without SQLite's own mutex for that reason).
package final class SQLiteConnection {
    private var handle: OpaquePointer?
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed) the database at `path`; `:memory:` gives a private in-memory database.
    package init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            let error = SQLiteError(handle: handle, code: result, sql: nil)
            sqlite3_close_v2(handle)
            throw SQLiteError(code: error.code, message: "cannot open \(path): \(error.message)")
        }
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { close() }

    /// Runs one or more statements that return no rows we need.
    package func execute(_ sql: String) throws {
        guard let handle else { throw closedError(sql) }
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(result))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// The single-value result of a query such as `PRAGMA journal_mode`.
    package func scalarText(_ sql: String) throws -> String? {
        guard let handle else { throw closedError(sql) }
        let statement = try SQLiteStatement(connection: handle, sql: sql, persistent: false)
        return try statement.query([]) { $0.text(0) }.first
    }

    /// A cached prepared statement for `sql` (prepared on first use).
    package func statement(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        guard let handle else { throw closedError(sql) }
        let statement = try SQLiteStatement(connection: handle, sql: sql, persistent: true)
        statements[sql] = statement
        return statement
    }

    /// The row id of the last successful INSERT.
    package var lastInsertedRowID: Int64 { handle.map { sqlite3_last_insert_rowid($0) } ?? 0 }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    package var changes: Int { handle.map { Int(sqlite3_changes($0)) } ?? 0 }

    package func close() {
        for statement in statements.values { statement.finalize() }
        statements = [:]
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    private func closedError(_ sql: String) -> SQLiteError {
        SQLiteError(code: SQLITE_MISUSE, message: "connection closed", sql: sql)
    }
}
