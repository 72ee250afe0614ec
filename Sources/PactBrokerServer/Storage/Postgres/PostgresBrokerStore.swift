import Foundation
import Logging
import PostgresNIO
import PostgresSupport
import ServiceLifecycle

/// The store for several broker instances sharing one PostgreSQL database (`pactkit broker --db postgres://…`),
/// through PostgresSupport's pool of postgres-nio connections.
///
/// - A read is one REPEATABLE READ, READ ONLY transaction: every query of a request sees one snapshot.
/// - A write takes a transaction-scoped advisory lock first (`PostgresBrokerSchema.writeLockKey`), so writes run one
///   at a time across every instance, as SQLite runs them, and each sees every write committed before it: concurrent
///   publishes of one pacticipant version through two instances create it once, and the next revision or
///   verification number is never taken twice. The unique keys (pacticipant name; version number, branch, tag per
///   pacticipant; content per integration and sha; revision per consumer version and provider) hold regardless.
/// - The schema is created or migrated on `connect`, under an advisory lock: instances starting together take turns.
/// - Every connection runs with a `statement_timeout`; the client gives up on a silent server after that plus 5 s.
/// - While the database cannot be reached, transactions throw `BrokerStoreError.unavailable` (the API answers 503);
///   the pool reconnects on its own once it is back. Deadlocks and serialisation failures are retried.
///
/// The pool works while `run()` runs: the store is a swift-service-lifecycle `Service`; `BrokerServer.run` runs it
/// beside the HTTP server (and stops it after the server), or a test runs it in a task group.
public final class PostgresBrokerStore: BrokerStore, Service {
    /// How often a transaction that lost a deadlock or serialisation conflict is run again before it fails.
    static let conflictAttempts = 5

    private let pool: PostgresPool

    /// Connects, creates or migrates the schema, and makes the pool, which serves once `run()` runs. Throws
    /// `PostgresStoreError` (unreachable, or a schema this build cannot use) naming the server and the reason.
    public static func connect(
        _ configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "pactkit.broker.store")
    ) async throws -> PostgresBrokerStore {
        PostgresBrokerStore(pool: try await PostgresPool.connect(
            configuration, applicationName: "pactkit-broker", migrations: PostgresBrokerSchema.migrations, logger: logger))
    }

    private init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Runs the connection pool until graceful shutdown or cancellation.
    public func run() async {
        await pool.run()
    }

    /// Runs `body` in a read-only transaction on one snapshot.
    public func read<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs `body` in a write transaction, after every other instance's write; nothing it wrote is kept if it throws.
    public func write<Value: Sendable>(
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        try await transaction(begin: "BEGIN", lock: PostgresBrokerSchema.writeLockKey, body)
    }

    /// Refuses new transactions and lets those under way finish; later ones throw `BrokerStoreError.closed`.
    public func close() async {
        await pool.close()
    }

    private func transaction<Value: Sendable>(
        begin: PostgresQuery, lock: Int64? = nil,
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        let (pool, deadline) = (pool, pool.statementDeadline)
        do {
            // In a child task: the pool ends a wait for a connection by cancelling the waiting task, and Hummingbird
            // closes the connection of a request whose own task is cancelled, so the request would get no answer.
            return try await withThrowingTaskGroup(of: Value.self) { group in
                group.addTask {
                    try await Self.perform(pool: pool, deadline: deadline, begin: begin, lock: lock, body)
                }
                return try await group.next()!
            }
        } catch let error as PostgresPoolError {
            switch error {
            case .closed: throw BrokerStoreError.closed
            case .unavailable(let reason): throw BrokerStoreError.unavailable(reason)
            case .conflicts(let attempts, let reason):
                throw BrokerStoreError.unavailable("gave up after \(attempts) conflicting transactions: \(reason)")
            case .failed(let reason, _): throw BrokerStoreError.failed(reason)
            }
        }
    }

    /// BEGIN, the lock if any, `body`, COMMIT on a leased connection; ROLLBACK when anything throws.
    private static func perform<Value: Sendable>(
        pool: PostgresPool, deadline: Duration, begin: PostgresQuery, lock: Int64?,
        _ body: @escaping @Sendable (any BrokerStoreTransaction) async throws -> Value
    ) async throws -> Value {
        try await pool.withConnection(conflictAttempts: conflictAttempts) { connection, logger in
            let transaction = PostgresBrokerTransaction(connection: connection, logger: logger, deadline: deadline)
            try await transaction.run(begin)
            do {
                if let lock { try await transaction.run("SELECT pg_advisory_xact_lock(\(lock))") }
                let value = try await body(transaction)
                try await transaction.run("COMMIT")
                return value
            } catch {
                _ = try? await transaction.run("ROLLBACK")
                throw error
            }
        }
    }
}

/// The PostgreSQL connection settings, parsed from `--db postgres://…` (PostgresSupport's).
public typealias PostgresStoreConfiguration = PostgresSupport.PostgresStoreConfiguration
/// Why a PostgreSQL store could not start (PostgresSupport's).
public typealias PostgresStoreError = PostgresSupport.PostgresStoreError
/// A `postgres://` URL that cannot be used (PostgresSupport's).
public typealias PostgresURLError = PostgresSupport.PostgresURLError
