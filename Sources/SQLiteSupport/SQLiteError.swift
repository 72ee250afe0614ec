import CSQLite

/// A failed SQLite call, with SQLite's own message.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, …).
    public var code: Int32
    /// SQLite's own description of the failure.
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?

    /// `SQLite error <code>: <message>`, plus the statement when there was one.
    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }

    /// A unique or primary key was violated.
    package var isUniquenessViolation: Bool {
        code == Self.constraintPrimaryKey || code == Self.constraintUnique
    }

    // Extended result codes are C macros built with shifts, which Swift does not import.
    private static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    private static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

    package init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The error of the last call on `handle`.
    package init(handle: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: extended, message: message, sql: sql)
    }
}
