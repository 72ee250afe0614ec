import CSQLite

/// A prepared statement. Not thread-safe: used only on its connection's queue.
package final class SQLiteStatement {
    private var handle: OpaquePointer?
    private let connection: OpaquePointer
    package let sql: String

    package init(connection: OpaquePointer, sql: String, persistent: Bool) throws {
        self.connection = connection
        self.sql = sql
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let result = sqlite3_prepare_v3(connection, sql, -1, flags, &handle, nil)
        guard result == SQLITE_OK, handle != nil else {
            let error = SQLiteError(handle: connection, code: result, sql: sql)
            sqlite3_finalize(handle)
            throw error
        }
    }

    deinit { finalize() }

    /// Resets the statement and binds `values` to parameters 1, 2, ….
    package func bind(_ values: [SQLiteValue]) throws {
        guard let handle else { throw SQLiteError(code: SQLITE_MISUSE, message: "statement finalized", sql: sql) }
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32 = switch value {
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .real(let number): sqlite3_bind_double(handle, index, number)
            case .text(let text): sqlite3_bind_text(handle, index, text, -1, sqliteTransient)
            case .null: sqlite3_bind_null(handle, index)
            }
            guard result == SQLITE_OK else { throw SQLiteError(handle: connection, code: result, sql: sql) }
        }
    }

    /// Advances; true when a row is available to read.
    package func step() throws -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(handle: connection, code: result, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds, runs to completion and resets (for statements that return no rows).
    package func run(_ values: [SQLiteValue]) throws {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds, then reads every row with `row`, then resets.
    package func query<Row>(_ values: [SQLiteValue], row: (SQLiteStatement) throws -> Row) throws -> [Row] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var rows: [Row] = []
        while try step() { rows.append(try row(self)) }
        return rows
    }

    package func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    package func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    package func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    package func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: bytes)
    }

    package func finalize() {
        if let handle { sqlite3_finalize(handle) }
        handle = nil
    }
}

/// SQLite copies bound text immediately (the Swift string's buffer is temporary).
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
