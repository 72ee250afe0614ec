import Foundation
import NIOConcurrencyHelpers
import PostgresNIO
import ServiceLifecycle

/// The store for several service instances sharing one PostgreSQL database, through postgres-nio's connection pool
/// (`PostgresClient`). Each `read`/`write` leases a connection and runs its body as one transaction: a read sees one
/// snapshot (REPEATABLE READ, READ ONLY); a write runs READ COMMITTED and locks what it reads (see
/// `PostgresTransaction`), so it waits for, then sees, every write that committed before it. Statements are awaited,
/// never waited for on a thread, so a slow answer holds a connection but no thread; a read of one statement (every
/// read the services make) is sent without BEGIN and COMMIT.
///
/// Faults: no connection within `connectTimeout` (server down, pool exhausted) or a connection lost mid-transaction
/// throws `CodeStoreError.unavailable` (answered 503); the server rolls the open transaction back, so nothing is half
/// written. The pool reconnects on its own once the server is back. Deadlocks and serialisation failures are retried.
///
/// The pool works while `run()` runs: the store is a swift-service-lifecycle `Service`, run by a `ServiceGroup`
/// (listed before the server that uses it, so that it stops after the server) or a task group, and stopped by
/// graceful shutdown or cancellation.
public final class PostgresCodeStore: CodeStore, Service {
    private enum Lease { case waiting, leased, timedOut, finished }

    /// How often a transaction that lost a deadlock is run again before the request fails.
    static let conflictAttempts = 5

    private let configuration: PostgresStoreConfiguration
    private let client: PostgresClient
    private let logger: Logger
    private let isClosed = NIOLockedValueBox(false)
    /// Transactions under way; `close()` waits for them (a request whose client hung up is still one).
    private let inFlight = NIOLockedValueBox(0)

    /// Connects, creates or migrates the schema (waiting for another instance doing the same), and makes the pool,
    /// which serves once `run()` runs. Throws `PostgresStoreError.unreachable` naming the server and the reason when
    /// no connection can be made. postgres-nio logs to `logger` only at debug and trace: at higher levels the service
    /// reports failures itself, once, in its own words.
    public static func connect(
        _ configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "codes-service.store")
    ) async throws -> PostgresCodeStore {
        var logger = logger
        if logger.logLevel > .debug { logger.logLevel = .critical }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try configuration.connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw PostgresStoreError.unreachable(address: configuration.address, reason: PostgresFailure.describe(error))
        }
        do {
            try await PostgresMigrator.migrate(connection, logger: logger)
        } catch {
            try? await connection.close()
            if let schemaError = error as? PostgresStoreError { throw schemaError }
            throw PostgresStoreError.schema(
                address: configuration.address,
                reason: (error as? PostgresMigrator.NewerSchema)?.description ?? PostgresFailure.describe(error))
        }
        try? await connection.close()
        return try PostgresCodeStore(configuration: configuration, logger: logger)
    }

    private init(configuration: PostgresStoreConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let client = PostgresClient(configuration: try configuration.clientConfiguration(), backgroundLogger: logger)
        self.client = client
    }

    /// Runs the connection pool until graceful shutdown or cancellation.
    public func run() async {
        await client.run()
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
        let wasClosed = isClosed.withLockedValue { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        let patience = ContinuousClock.now + statementDeadline * 3
        while inFlight.withLockedValue({ $0 }) > 0, ContinuousClock.now < patience {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func transaction<Value: Sendable>(
        write: Bool, _ body: @escaping @Sendable (PostgresTransaction) async throws -> Value
    ) async throws -> Value {
        let deadline = TimeAmount.milliseconds(statementDeadline.wholeMilliseconds)
        let admitted = isClosed.withLockedValue { closed in
            if !closed { inFlight.withLockedValue { $0 += 1 } }
            return !closed
        }
        guard admitted else { throw CodeStoreError.closed }
        defer { inFlight.withLockedValue { $0 -= 1 } }
        var attempt = 1
        var mode: PostgresTransaction.Mode = write ? .write : .singleStatementRead
        while true {
            do {
                let currentMode = mode
                return try await withConnection { connection, logger in
                    try await PostgresTransaction(connection: connection, logger: logger, mode: currentMode,
                                                  deadline: deadline).perform(body)
                }
            } catch is PostgresTransaction.NeedsSnapshot {
                mode = .snapshotRead
            } catch let error as PSQLError {
                switch PostgresFailure.classify(error) {
                case .conflict where attempt < Self.conflictAttempts:
                    attempt += 1
                case .conflict:
                    throw CodesServiceError.storage("gave up after \(attempt) deadlocks: \(PostgresFailure.describe(error))")
                case .unavailable(let reason):
                    throw CodeStoreError.unavailable(reason)
                case .other(let reason):
                    throw CodesServiceError.storage(reason)
                }
            }
        }
    }

    /// Leases a connection for `operation`, waiting at most `connectTimeout` for one; a request that got none is
    /// `CodeStoreError.unavailable`. Once leased, the operation runs to its end whatever the clock says.
    ///
    /// The wait is bounded by a timer on an event loop that cancels this task's lease request, rather than by a
    /// task group racing a sleeping child: two child tasks and a dispatch timer per request cost more than the
    /// one-statement read they guard.
    private func withConnection<Value: Sendable>(
        _ operation: (PostgresConnection, Logger) async throws -> Value
    ) async throws -> Value {
        let lease = NIOLockedValueBox(Lease.waiting)
        let (logger, timeout, address) = (logger, configuration.connectTimeout, configuration.address)
        let waiter = withUnsafeCurrentTask { LeaseWaiter(task: $0) }
        let timer = PostgresClient.defaultEventLoopGroup.any().scheduleTask(
            in: .milliseconds(timeout.wholeMilliseconds)
        ) {
            // Under the lock: while the state is `.waiting` this task is still inside this function (it leaves
            // only after marking the state `.finished` below), so the task it cancels is alive.
            lease.withLockedValue { state in
                guard state == .waiting else { return }
                state = .timedOut
                waiter.cancel()
            }
        }
        defer {
            timer.cancel()
            lease.withLockedValue { state in
                if state == .waiting { state = .finished }
            }
        }
        do {
            return try await client.withConnection { connection in
                let won = lease.withLockedValue { state in
                    if state == .waiting { state = .leased }
                    return state == .leased
                }
                guard won else { throw CodeStoreError.unavailable(Self.noConnection(address, timeout)) }
                return try await operation(connection, logger)
            }
        } catch let error where lease.withLockedValue({ $0 }) != .leased {
            if lease.withLockedValue({ $0 }) == .timedOut {
                throw CodeStoreError.unavailable(Self.noConnection(address, timeout))
            }
            if error is CodeStoreError { throw error }
            throw CodeStoreError.unavailable(
                "no connection to PostgreSQL at \(address): \(PostgresFailure.describe(error))")
        }
    }

    /// Past the server's own statement timeout, a statement still unanswered means the server has gone silent.
    private var statementDeadline: Duration { configuration.statementTimeout + .seconds(5) }

    private static func noConnection(_ address: String, _ timeout: Duration) -> String {
        "no connection to PostgreSQL at \(address) within \(timeout.components.seconds) s"
    }
}

/// Cancels the task waiting for a lease when its time is up. Unchecked Sendable: `UnsafeCurrentTask` may only be
/// used while its task runs, which `withConnection`'s lease state guarantees for every call of `cancel`.
private struct LeaseWaiter: @unchecked Sendable {
    let task: UnsafeCurrentTask?

    func cancel() { task?.cancel() }
}

extension PostgresStoreConfiguration {
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch self.tls {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(connectTimeout.wholeMilliseconds)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    func clientConfiguration() throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch self.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = connectTimeout
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// Server settings for every connection: a statement never runs unbounded, and a transaction left open by a
    /// stuck client releases its locks.
    private var startupParameters: [(String, String)] {
        let statementMilliseconds = statementTimeout.wholeMilliseconds
        return [("application_name", "codes-service"), ("statement_timeout", String(statementMilliseconds)),
                ("idle_in_transaction_session_timeout", String(max(statementMilliseconds, 1000) * 2))]
    }
}

extension Duration {
    var wholeMilliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
