import Dispatch

/// One SQLite connection owned by a serial queue, with transactions. A transaction's body runs on that queue (as its
/// task executor), so blocking disk I/O stays off Swift's cooperative thread pool, and a `TransactionGate` admits one
/// transaction at a time across any await in the body. Writes use `BEGIN IMMEDIATE`, which takes the write lock up
/// front, so even several processes sharing the file cannot interleave a read-then-write.
package final class SQLiteDatabase: @unchecked Sendable {
    // Unchecked Sendable: `connection` is only touched on `queue`.
    private let queue: DispatchQueue
    private let executor: QueueExecutor
    private let gate = TransactionGate()
    private var connection: SQLiteConnection?
    private let closedError: @Sendable () -> any Error

    /// Opens (creating if needed) the database at `path` (`:memory:` for a private in-memory one), runs `pragmas`,
    /// then `setUp` inside one `BEGIN IMMEDIATE` transaction (schema creation, migrations). `closedError` is what a
    /// transaction after `close()` throws.
    package init(
        path: String, label: String, pragmas: String, closedError: @escaping @Sendable () -> any Error,
        setUp: (SQLiteConnection) throws -> Void
    ) throws {
        queue = DispatchQueue(label: label)
        executor = QueueExecutor(queue: queue)
        self.closedError = closedError
        let connection = try SQLiteConnection(path: path)
        try connection.execute(pragmas)
        try connection.execute("BEGIN IMMEDIATE")
        do {
            try setUp(connection)
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
        self.connection = connection
    }

    /// Runs `body` in a deferred (`BEGIN`) transaction on the database's queue.
    package func read<Value>(_ body: (SQLiteConnection) async throws -> Value) async throws -> Value {
        try await transaction(begin: "BEGIN", body)
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction on the database's queue; rolls back if it throws.
    package func write<Value>(_ body: (SQLiteConnection) async throws -> Value) async throws -> Value {
        try await transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Closes the connection once transactions under way and queued have run; later ones throw `closedError()`.
    package func close() async {
        _ = try? await gate.exclusively {
            await withTaskExecutorPreference(executor) {
                self.connection?.close()
                self.connection = nil
            }
        }
    }

    /// BEGIN, body, COMMIT; ROLLBACK when anything throws. Everything in the preference closure that is not
    /// isolated to an actor, `body` and its statements included, runs on `queue`.
    private func transaction<Value>(
        begin: String, _ body: (SQLiteConnection) async throws -> Value
    ) async throws -> Value {
        // The gate is entered on the queue: a waiter is resumed straight onto the queue, not first onto the
        // cooperative pool, so transactions follow each other there without a gap.
        try await withTaskExecutorPreference(executor) {
            try await gate.exclusively {
                guard let connection else { throw closedError() }
                try connection.execute(begin)
                do {
                    let result = try await body(connection)
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
