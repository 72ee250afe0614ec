import Foundation
import PostgresNIO
import PostgresSupport
import ServiceLifecycle

/// The store for several service instances sharing one PostgreSQL database, through postgres-nio's connection pool
/// (`PostgresClient`, wrapped by PostgresSupport's `PostgresPool`). Each `read`/`write` leases a connection and runs
/// its body as one transaction: a read sees one snapshot (REPEATABLE READ, READ ONLY); a write runs READ COMMITTED and
/// locks what it reads (see `PostgresTransaction`), so it waits for, then sees, every write that committed before
/// it. Statements are awaited, never waited for on a thread, so a slow answer holds a connection but no thread; a
/// read of one statement (every read the services make) is sent without BEGIN and COMMIT.
///
/// Faults: no connection within `connectTimeout` (server down, pool exhausted) or a connection lost mid-transaction
/// throws `CodeStoreError.unavailable` (answered 503); the server rolls the open transaction back, so nothing is half
/// written. The pool reconnects on its own once the server is back. Deadlocks and serialisation failures are retried.
///
/// The pool works while `run()` runs: the store is a swift-service-lifecycle `Service`, run by a `ServiceGroup`
/// (listed before the server that uses it, so that it stops after the server) or a task group, and stopped by
/// graceful shutdown or cancellation.
public final class PostgresCodeStore: CodeStore, Service {
    /// How often a transaction that lost a deadlock is run again before the request fails.
    static let conflictAttempts = 5

    private let pool: PostgresPool

    /// Connects, creates or migrates the schema (waiting for another instance doing the same), and makes the pool,
    /// which serves once `run()` runs. Throws `PostgresStoreError.unreachable` naming the server and the reason when
    /// no connection can be made. postgres-nio logs to `logger` only at debug and trace: at higher levels the service
    /// reports failures itself, once, in its own words.
    public static func connect(
        _ configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "codes-service.store")
    ) async throws -> PostgresCodeStore {
        PostgresCodeStore(pool: try await PostgresPool.connect(
            configuration, applicationName: "codes-service", migrations: PostgresSchema.migrationsToApply,
            keepsConnectionsOpen: true, logger: logger))
    }

    private init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Runs the connection pool until graceful shutdown or cancellation.
    public func run() async {
        await pool.run()
    }

    /// Runs `body` in a READ ONLY transaction on one snapshot.
    public func read<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreReader) async throws -> Value
    ) async throws -> Value {
        try await transaction(write: false) { try await body($0) }
    }

    /// Runs `body` in a transaction that locks what it reads; all its changes commit, or none.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any CodeStoreWriter) async throws -> Value
    ) async throws -> Value {
        try await transaction(write: true) { try await body($0) }
    }

    /// Refuses new transactions and lets those under way finish (each is bounded by the statement deadline). Later
    /// calls throw `.closed`. The pool stops when `run()` is shut down or cancelled.
    public func close() async {
        await pool.close()
    }

    private func transaction<Value: Sendable>(
        write: Bool, _ body: @escaping @Sendable (PostgresTransaction) async throws -> Value
    ) async throws -> Value {
        let deadline = pool.statementDeadline
        var mode: PostgresTransaction.Mode = write ? .write : .singleStatementRead
        while true {
            do {
                let currentMode = mode
                return try await pool.withConnection(conflictAttempts: Self.conflictAttempts) { connection, logger in
                    try await PostgresTransaction(
                        connection: connection, logger: logger, prepared: pool.preparedStatements, mode: currentMode,
                        deadline: deadline
                    ).perform(body)
                }
            } catch is PostgresTransaction.NeedsSnapshot {
                mode = .snapshotRead
            } catch let error as PostgresPoolError {
                switch error {
                case .closed: throw CodeStoreError.closed
                case .unavailable(let reason): throw CodeStoreError.unavailable(reason)
                case .conflicts(let attempts, let reason):
                    throw CodesServiceError.storage("gave up after \(attempts) deadlocks: \(reason)")
                case .failed(let reason, _): throw CodesServiceError.storage(reason)
                }
            }
        }
    }
}

/// The PostgreSQL connection settings (PostgresSupport's), under the name the codes service's API has used.
public typealias PostgresStoreConfiguration = PostgresSupport.PostgresStoreConfiguration
/// Why a PostgreSQL store could not start (PostgresSupport's).
public typealias PostgresStoreError = PostgresSupport.PostgresStoreError
/// A `postgres://` URL that cannot be used (PostgresSupport's).
public typealias PostgresURLError = PostgresSupport.PostgresURLError
