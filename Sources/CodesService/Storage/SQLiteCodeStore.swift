import Dispatch
import Foundation

/// The default store: one SQLite file (WAL mode), created with its schema on first start. One connection, owned by
/// a serial queue: a transaction's body runs on that queue (as its task executor), so blocking disk I/O stays off
/// Swift's cooperative thread pool, and a `TransactionGate` admits one transaction at a time across any await in
/// the body. Writes use `BEGIN IMMEDIATE`, which takes the write lock up front, so even several processes sharing the
/// file cannot interleave a create's read-then-write.
public final class SQLiteCodeStore: CodeStore, @unchecked Sendable {
    // Unchecked Sendable: `connection` is only touched on `queue`.
    private let queue: DispatchQueue
    private let executor: QueueExecutor
    private let gate = TransactionGate()
    private var connection: SQLiteConnection?

    /// Opens or creates the database at `path` (`:memory:` for a private in-memory database).
    public init(path: String) throws {
        queue = DispatchQueue(label: "codes-service.sqlite")
        executor = QueueExecutor(queue: queue)
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
        _ body: @escaping @Sendable (any CodeStoreReader) async throws -> Value
    ) async throws -> Value {
        try await transaction(begin: "BEGIN") { try await body($0) }
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the store's queue; rolls back if it throws.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreWriter) async throws -> Value
    ) async throws -> Value {
        try await transaction(begin: "BEGIN IMMEDIATE") { try await body($0) }
    }

    /// Closes the connection once transactions under way and queued have run; later calls throw
    /// `CodeStoreError.closed`.
    public func close() async {
        _ = try? await gate.exclusively {
            await withTaskExecutorPreference(executor) {
                self.connection?.close()
                self.connection = nil
            }
        }
    }

    /// BEGIN, body, COMMIT; ROLLBACK when anything throws. Everything in the preference closure that is not
    /// isolated to an actor, `body` and its statements included, runs on `queue`.
    private func transaction<Value: Sendable>(
        begin: String, _ body: (SQLiteTransaction) async throws -> Value
    ) async throws -> Value {
        // The gate is entered on the queue: a waiter is resumed straight onto the queue, not first onto the
        // cooperative pool, so transactions follow each other there without a gap.
        try await withTaskExecutorPreference(executor) {
            try await gate.exclusively {
                guard let connection else { throw CodeStoreError.closed }
                try connection.execute(begin)
                do {
                    let result = try await body(SQLiteTransaction(connection: connection))
                    try connection.execute("COMMIT")
                    return result
                } catch {
                    try? connection.execute("ROLLBACK")
                    throw error
                }
            }
        }
    }
}

/// Runs the jobs of tasks that prefer it on a serial dispatch queue.
private final class QueueExecutor: TaskExecutor {
    let queue: DispatchQueue

    init(queue: DispatchQueue) { self.queue = queue }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
