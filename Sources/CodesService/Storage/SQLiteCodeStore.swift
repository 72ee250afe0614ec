import Dispatch
import Foundation

/// The default store: one SQLite file (WAL mode), created with its schema on first start. All access goes through
/// one serial queue that owns the connection, so concurrent requests are serialised and blocking disk I/O stays off
/// Swift's cooperative thread pool. Writes use `BEGIN IMMEDIATE`, which takes the write lock up front, so even
/// several processes sharing the file cannot interleave a create's read-then-write.
public final class SQLiteCodeStore: CodeStore, @unchecked Sendable {
    // Unchecked Sendable: `connection` is only touched on `queue`.
    private let queue: DispatchQueue
    private var connection: SQLiteConnection?

    /// Opens or creates the database at `path` (`:memory:` for a private in-memory database).
    public init(path: String) throws {
        queue = DispatchQueue(label: "codes-service.sqlite")
        let connection = try SQLiteConnection(path: path)
        try connection.execute(SQLiteSchema.pragmas)
        let existing = Int(try connection.scalarText("PRAGMA user_version") ?? "0") ?? 0
        if existing > SQLiteSchema.version {
            throw SQLiteError(code: 1, message: "\(path) has schema version \(existing); this build knows up to "
                                  + "\(SQLiteSchema.version)")
        }
        try connection.execute("BEGIN IMMEDIATE; \(SQLiteSchema.create) COMMIT;")
        self.connection = connection
    }

    /// Runs `body` in a deferred (`BEGIN`) transaction on the store's queue.
    public func read<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreReader) throws -> Value
    ) async throws -> Value {
        try await transaction(begin: "BEGIN") { try body($0) }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the store's queue; rolls back if it throws.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreWriter) throws -> Value
    ) async throws -> Value {
        try await transaction(begin: "BEGIN IMMEDIATE") { try body($0) }
    }

    /// Closes the connection once queued transactions have run; later calls throw `CodeStoreError.closed`.
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.connection?.close()
                self.connection = nil
                continuation.resume()
            }
        }
    }

    private func transaction<Value: Sendable>(
        begin: String, _ body: @escaping @Sendable (SQLiteTransaction) throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.runTransaction(begin: begin, body) })
            }
        }
    }

    /// On the queue: BEGIN, body, COMMIT; ROLLBACK when anything throws.
    private func runTransaction<Value>(begin: String, _ body: (SQLiteTransaction) throws -> Value) throws -> Value {
        guard let connection else { throw CodeStoreError.closed }
        try connection.execute(begin)
        do {
            let result = try body(SQLiteTransaction(connection: connection))
            try connection.execute("COMMIT")
            return result
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}
