import ServiceLifecycle
import SQLiteSupport

/// The default store: one SQLite file in WAL mode (or `:memory:`), created with its schema on first open.
///
/// The store is also a swift-service-lifecycle `Service`: while `run()` runs (`BrokerServer` runs it beside the HTTP
/// server), a second connection checkpoints the write-ahead log every 100 ms, off the request path, so that no
/// request's commit waits for the log to be copied back and synced (see `SQLiteCheckpointer`). Without `run()`
/// SQLite checkpoints in the committing request, as it does by default.
public final class SQLiteBrokerStore: BrokerStore, Service, Sendable {
    private let database: SQLiteDatabase
    private let path: String

    /// How often the background checkpoint runs.
    static let checkpointInterval = Duration.milliseconds(100)
    /// The log size (pages) at which a commit checkpoints by itself while the background checkpoint runs: a backstop
    /// for a disk too slow to keep up, ten times SQLite's default of 1,000.
    static let backstopPages = 10_000

    /// Opens or creates the database at `path` (`:memory:` for a private in-memory database). Throws `SQLiteError`
    /// when the file cannot be opened or has a newer schema than this build knows.
    public init(path: String) throws {
        self.path = path
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

    /// Checkpoints the write-ahead log in the background until graceful shutdown or cancellation; then commits
    /// checkpoint by themselves again. A database in memory (or not in WAL mode) has nothing to checkpoint: `run()`
    /// just waits.
    public func run() async throws {
        let checkpointer = path == ":memory:" || path.isEmpty
            ? nil : try? SQLiteCheckpointer(path: path, label: "pactkit-broker.sqlite.checkpoint")
        if checkpointer != nil {
            try? await database.read { try $0.execute("PRAGMA wal_autocheckpoint = \(Self.backstopPages)") }
        }
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: checkpointer == nil ? .seconds(3600) : Self.checkpointInterval)
                _ = try? await checkpointer?.checkpoint()
            }
        }
        if let checkpointer {
            try? await database.read { try $0.execute("PRAGMA wal_autocheckpoint = 1000") }
            checkpointer.close()
        }
    }
}
