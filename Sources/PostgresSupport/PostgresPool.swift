import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import PostgresNIO

/// Why a pooled PostgreSQL operation failed; each store turns these into its own errors.
package enum PostgresPoolError: Error, Sendable, Hashable {
    /// The pool was closed.
    case closed
    /// The server cannot be reached, dropped the connection, or went silent: answered 503, may be retried.
    case unavailable(String)
    /// Deadlocks or serialisation failures on every attempt.
    case conflicts(attempts: Int, String)
    /// Any other server error, with its SQLSTATE.
    case failed(String, sqlState: String?)
}

/// The part every PostgreSQL store shares (the codes service's, the broker's): postgres-nio's `PostgresClient`
/// pool, the schema migrated under an advisory lock before the pool is made, a bounded wait for a connection, a
/// client-side deadline on every statement, the failures sorted into "unavailable" (503), "conflict" (run again)
/// and the rest, and a `close()` that lets transactions under way finish.
///
/// The pool works while `run()` runs (the store that owns it is a swift-service-lifecycle `Service`).
package final class PostgresPool: Sendable {
    package let configuration: PostgresStoreConfiguration
    package let logger: Logger
    private let client: PostgresClient
    private let isClosed = NIOLockedValueBox(false)
    /// Operations under way; `close()` waits for them (a request whose client hung up is still one).
    private let inFlight = NIOLockedValueBox(0)
    /// Ends waits for a connection that outlast `connectTimeout`.
    private let leaseDeadlines: LeaseDeadlines
    /// The statements each connection has prepared (`PostgresConnection.execute(_:preparedIn:deadline:)`).
    package let preparedStatements = PreparedStatements()

    /// Connects once, brings the schema up to date (waiting for another instance doing the same), and makes the
    /// pool. Throws `PostgresStoreError.unreachable` or `.schema` naming the server and the reason. postgres-nio logs
    /// to `logger` only at debug and trace: at higher levels the store reports failures itself, once.
    ///
    /// `keepsConnectionsOpen` opens all `maximumConnections` when the pool runs and keeps them open, without
    /// keep-alive queries. postgres-nio's pool otherwise sets an idle timer and a keep-alive timer each time a
    /// connection goes back idle, and cancels them when it is leased again: under load that is several tasks and
    /// timers per statement. The server still closes an idle connection it wants rid of, and the pool then opens a
    /// new one; a connection that died silently fails its next statement at the statement deadline.
    package static func connect(
        _ configuration: PostgresStoreConfiguration, applicationName: String, migrations: PostgresMigrations,
        keepsConnectionsOpen: Bool = false, logger: Logger
    ) async throws -> PostgresPool {
        var logger = logger
        if logger.logLevel > .debug { logger.logLevel = .critical }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: try configuration.connectionConfiguration(applicationName: applicationName), id: 0,
                logger: logger)
        } catch {
            throw PostgresStoreError.unreachable(address: configuration.address, reason: PostgresFailure.describe(error))
        }
        do {
            try await PostgresMigrator.migrate(connection, migrations, logger: logger)
        } catch {
            try? await connection.close()
            if let schemaError = error as? PostgresStoreError { throw schemaError }
            throw PostgresStoreError.schema(
                schema: migrations.name, address: configuration.address,
                reason: (error as? PostgresMigrator.NewerSchema)?.description ?? PostgresFailure.describe(error))
        }
        try? await connection.close()
        let client = PostgresClient(
            configuration: try configuration.clientConfiguration(
                applicationName: applicationName, keepsConnectionsOpen: keepsConnectionsOpen),
            backgroundLogger: logger)
        return PostgresPool(configuration: configuration, client: client, logger: logger)
    }

    private init(configuration: PostgresStoreConfiguration, client: PostgresClient, logger: Logger) {
        self.configuration = configuration
        self.client = client
        self.logger = logger
        leaseDeadlines = LeaseDeadlines(
            timeout: .milliseconds(configuration.connectTimeout.wholeMilliseconds),
            eventLoop: PostgresClient.defaultEventLoopGroup.next())
    }

    /// Runs the connection pool until graceful shutdown or cancellation.
    package func run() async {
        await client.run()
    }

    /// Refuses new operations and lets those under way finish (each is bounded by the statement deadline). Later
    /// calls throw `.closed`. The pool stops when `run()` is shut down or cancelled.
    package func close() async {
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

    /// Past the server's own statement timeout, a statement still unanswered means the server has gone silent.
    package var statementDeadline: Duration { configuration.statementTimeout + .seconds(5) }

    /// Runs `operation` on a leased connection, again (up to `conflictAttempts` times in all) when it lost a deadlock
    /// or a serialisation conflict. A failure of the database or the connection to it (`PostgresFailure`) leaves as
    /// a `PostgresPoolError`; other errors pass unchanged.
    package func withConnection<Value: Sendable>(
        conflictAttempts: Int, _ operation: (PostgresConnection, Logger) async throws -> Value
    ) async throws -> Value {
        let admitted = isClosed.withLockedValue { closed in
            if !closed { inFlight.withLockedValue { $0 += 1 } }
            return !closed
        }
        guard admitted else { throw PostgresPoolError.closed }
        defer { inFlight.withLockedValue { $0 -= 1 } }
        var attempt = 1
        while true {
            do {
                return try await leased(operation)
            } catch let error where PostgresFailure.isDatabaseFailure(error) {
                switch PostgresFailure.classify(error) {
                case .conflict where attempt < conflictAttempts:
                    attempt += 1
                case .conflict:
                    throw PostgresPoolError.conflicts(attempts: attempt, PostgresFailure.describe(error))
                case .unavailable(let reason):
                    throw PostgresPoolError.unavailable(reason)
                case .other(let reason):
                    throw PostgresPoolError.failed(reason, sqlState: PostgresFailure.sqlState(error))
                }
            }
        }
    }

    /// Leases a connection for `operation`, waiting at most `connectTimeout` for one; a request that got none is
    /// `.unavailable`. Once leased, the operation runs to its end whatever the clock says.
    ///
    /// The wait is bounded by `LeaseDeadlines`, which cancels this task's lease request when its time is up, rather
    /// than by a task group racing a sleeping child or a timer per request: two child tasks, or a timer set and
    /// cancelled on an event loop, cost more per request than the one-statement read they guard.
    private func leased<Value: Sendable>(
        _ operation: (PostgresConnection, Logger) async throws -> Value
    ) async throws -> Value {
        let lease = NIOLockedValueBox(LeaseState.waiting)
        let (logger, timeout, address) = (logger, configuration.connectTimeout, configuration.address)
        let watch = leaseDeadlines.start(lease)
        defer {
            leaseDeadlines.finish(watch)
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
                guard won else { throw PostgresPoolError.unavailable(Self.noConnection(address, timeout)) }
                leaseDeadlines.finish(watch)
                return try await operation(connection, logger)
            }
        } catch let error where lease.withLockedValue({ $0 }) != .leased {
            if lease.withLockedValue({ $0 }) == .timedOut {
                throw PostgresPoolError.unavailable(Self.noConnection(address, timeout))
            }
            if error is PostgresPoolError { throw error }
            throw PostgresPoolError.unavailable(
                "no connection to PostgreSQL at \(address): \(PostgresFailure.describe(error))")
        }
    }

    private static func noConnection(_ address: String, _ timeout: Duration) -> String {
        "no connection to PostgreSQL at \(address) within \(timeout.components.seconds) s"
    }
}

extension PostgresConnection {
    /// Sends one statement and waits at most `deadline` for its answer. The server cancels a statement at its
    /// `statement_timeout`, but a server or network that has gone silent answers nothing: past the deadline the
    /// statement fails with `PostgresPoolError.unavailable` and the connection is closed (the pool drops it).
    @discardableResult
    package func query(
        _ query: PostgresQuery, logger: Logger, deadline: Duration
    ) async throws -> PostgresQueryResult {
        try await answer(within: deadline) { connection in connection.query(query, logger: logger) }
    }

    /// Runs `statement` as a prepared statement of this connection (prepared on its first use here, kept in
    /// `statements`) and returns its rows; waits at most `deadline`, as `query(_:logger:deadline:)`.
    package func execute(
        _ statement: PreparedSQL, preparedIn statements: PreparedStatements, deadline: Duration
    ) async throws -> [PreparedRow] {
        try await answer(within: deadline) { connection in
            let rows: EventLoopFuture<[PostgresRow]>
            if let prepared = statements.statement(statement.sql, on: connection) {
                rows = prepared.execute(statement.binds)
            } else {
                rows = connection.prepare(query: statement.sql).flatMap { prepared in
                    statements.remember(prepared, sql: statement.sql, on: connection)
                    return prepared.execute(statement.binds)
                }
            }
            return rows.map { $0.map(PreparedRow.init) }
        }
    }

    /// Starts `send` on the connection's event loop and waits for its answer, at most `deadline`.
    private func answer<Answer: Sendable>(
        within deadline: Duration, _ send: @escaping @Sendable (PostgresConnection) -> EventLoopFuture<Answer>
    ) async throws -> Answer {
        guard !isClosed else { throw PostgresPoolError.unavailable("the connection to PostgreSQL was closed") }
        // The wait is on a promise of our own that the deadline also completes: a statement written to a connection
        // that closes at that instant is never answered by postgres-nio, and must not hang the request for ever.
        // Both completions run on the connection's event loop, so they never race; the later one is ignored.
        // The timer and the statement are set up in one visit to that event loop (one wake-up, not two).
        let connection = self
        let outcome = eventLoop.makePromise(of: Answer.self)
        let amount = TimeAmount.milliseconds(deadline.wholeMilliseconds)
        eventLoop.execute {
            let seconds = Double(amount.nanoseconds) / 1e9
            let timer = connection.eventLoop.scheduleTask(in: amount) {
                outcome.fail(PostgresPoolError.unavailable("PostgreSQL did not answer within \(seconds) s"))
                _ = connection.close() as EventLoopFuture<Void>
            }
            send(connection).whenComplete { result in
                timer.cancel()
                outcome.completeWith(result)
            }
        }
        return try await outcome.futureResult.get()
    }
}

extension PostgresStoreConfiguration {
    func connectionConfiguration(applicationName: String) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS = switch self.tls {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(connectTimeout.wholeMilliseconds)
        configuration.options.additionalStartupParameters = startupParameters(applicationName)
        return configuration
    }

    func clientConfiguration(applicationName: String, keepsConnectionsOpen: Bool) throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch self.tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = maximumConnections
        if keepsConnectionsOpen {
            configuration.options.minimumConnections = maximumConnections
            configuration.options.keepAliveBehavior = nil
        }
        configuration.options.connectTimeout = connectTimeout
        configuration.options.additionalStartupParameters = startupParameters(applicationName)
        return configuration
    }

    /// Server settings for every connection: a statement never runs unbounded, and a transaction left open by a
    /// stuck client releases its locks.
    private func startupParameters(_ applicationName: String) -> [(String, String)] {
        let statementMilliseconds = statementTimeout.wholeMilliseconds
        return [("application_name", applicationName), ("statement_timeout", String(statementMilliseconds)),
                ("idle_in_transaction_session_timeout", String(max(statementMilliseconds, 1000) * 2))]
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    package var wholeMilliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
