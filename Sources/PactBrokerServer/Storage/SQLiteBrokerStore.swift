import SQLiteSupport

/// The default store: one SQLite file in WAL mode (or `:memory:`), created with its schema on first open.
public final class SQLiteBrokerStore: BrokerStore, Sendable {
    private let database: SQLiteDatabase

    /// Opens or creates the database at `path` (`:memory:` for a private in-memory database). Throws `SQLiteError`
    /// when the file cannot be opened or has a newer schema than this build knows.
    public init(path: String) throws {
        database = try SQLiteDatabase(
            path: path, label: "pactkit-broker.sqlite", pragmas: SQLiteBrokerSchema.pragmas,
            closedError: { BrokerStoreError.closed }
        ) { try $0.createSchema(SQLiteBrokerSchema.create, version: SQLiteBrokerSchema.version, path: path) }
    }

    /// Runs `body` in a read transaction.
    public func read<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        try await database.read { try await body(SQLiteBrokerTransaction(connection: $0)) }
    }

    /// Runs `body` in a write transaction; nothing it wrote is kept if it throws.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        try await database.write { try await body(SQLiteBrokerTransaction(connection: $0)) }
    }

    /// Finishes the transactions under way; later ones throw `BrokerStoreError.closed`.
    public func close() async { await database.close() }
}
