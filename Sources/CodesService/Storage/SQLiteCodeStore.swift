import Foundation
import SQLiteSupport

/// The default store: one SQLite file (WAL mode), created with its schema on first start, on a `SQLiteDatabase`
/// (one connection on a serial queue, one transaction at a time).
public final class SQLiteCodeStore: CodeStore, Sendable {
    private let database: SQLiteDatabase

    /// Opens or creates the database at `path` (`:memory:` for a private in-memory database).
    public init(path: String) throws {
        database = try SQLiteDatabase(
            path: path, label: "codes-service.sqlite", pragmas: SQLiteSchema.pragmas,
            closedError: { CodeStoreError.closed }
        ) { try $0.createSchema(SQLiteSchema.create, version: SQLiteSchema.version, path: path) }
    }

    /// Runs `body` in a deferred (`BEGIN`) transaction on the store's queue.
    public func read<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreReader) async throws -> Value
    ) async throws -> Value {
        try await database.read { try await body(SQLiteTransaction(connection: $0)) }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the store's queue; rolls back if it throws.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreWriter) async throws -> Value
    ) async throws -> Value {
        try await database.write { try await body(SQLiteTransaction(connection: $0)) }
    }

    /// Closes the connection once transactions under way and queued have run; later calls throw
    /// `CodeStoreError.closed`.
    public func close() async { await database.close() }
}
