import Foundation
import Logging
import PostgresNIO
import PostgresSupport

/// A fresh database per test on the PostgreSQL server named by `PACTKIT_TEST_POSTGRES_URL` (`.ci/run` starts one with
/// `scripts/test-postgres.sh`), dropped afterwards, so tests never see each other's rows. Shared by the codes service's
/// and the broker's tests; each suite decides how a test without a server is skipped (XCTest's `XCTSkip`, Swift
/// Testing's `Test.cancel`), visibly outside CI, and fails under CI=true (`mustRun`), so a CI run can never pass
/// without having run the PostgreSQL tests.
public struct PostgresTestDatabase: Sendable {
    public static let variable = "PACTKIT_TEST_POSTGRES_URL"

    /// Why the PostgreSQL tests cannot run here (no server named), or nil when one is.
    public static var missingServer: String? {
        guard (ProcessInfo.processInfo.environment[variable] ?? "").isEmpty else { return nil }
        return "\(variable) is not set: start a server with `scripts/test-postgres.sh start DIR` and export the URL it prints"
    }

    /// CI=true: the PostgreSQL tests must run, and fail without a server.
    public static var mustRun: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether the PostgreSQL tests run: a server is named, or CI=true says they must (and fail without one).
    public static var isExpected: Bool { missingServer == nil || mustRun }

    /// The server's URL as given (its own database is only used to create and drop test databases).
    public let server: PostgresStoreConfiguration
    /// The test's own database.
    public let configuration: PostgresStoreConfiguration

    /// The `postgres://` URL of the test's database, for `--db`.
    public var url: String {
        "postgres://\(configuration.username):\(configuration.password ?? "")@\(configuration.address)/\(configuration.database)"
            + "?sslmode=disable"
    }

    /// Runs `body` with a new empty database named `prefix_` and 8 random hex digits, dropped afterwards whatever
    /// happens. Call it only when `missingServer` is nil (it throws `PostgresURLError` otherwise).
    public static func with<Value: Sendable>(
        prefix: String, connectTimeout: Duration? = nil, _ body: (PostgresTestDatabase) async throws -> Value
    ) async throws -> Value {
        var server = try PostgresStoreConfiguration.parse(url: ProcessInfo.processInfo.environment[variable] ?? "")
        server.tls = .disable
        var configuration = server
        configuration.database = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        if let connectTimeout { configuration.connectTimeout = connectTimeout }
        try await server.execute("CREATE DATABASE \(configuration.database)")
        let database = PostgresTestDatabase(server: server, configuration: configuration)
        do {
            let value = try await body(database)
            await database.drop()
            return value
        } catch {
            await database.drop()
            throw error
        }
    }

    /// Drops the test's database, closing whatever connections are left.
    public func drop() async {
        try? await server.execute("DROP DATABASE IF EXISTS \(configuration.database) WITH (FORCE)")
    }

    /// Runs one statement in the test's database.
    public func execute(_ sql: String) async throws { try await configuration.execute(sql) }

    /// The first column of every row of `sql`, as text.
    public func column(_ sql: String) async throws -> [String?] {
        try await configuration.withConnection { connection in
            var values: [String?] = []
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger)
                .decode(String?.self) {
                values.append(value)
            }
            return values
        }
    }

    /// A logger that only reports critical messages, for the tests' connections and stores.
    public static let logger: Logger = {
        var logger = Logger(label: "pactkit-postgres-tests")
        logger.logLevel = .critical
        return logger
    }()
}

extension PostgresStoreConfiguration {
    /// Runs `body` on one new connection to this database (TLS off), closed afterwards.
    public func withConnection<Value: Sendable>(_ body: (PostgresConnection) async throws -> Value) async throws -> Value {
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: .disable),
            id: 1, logger: PostgresTestDatabase.logger)
        do {
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs one statement on a new connection.
    public func execute(_ sql: String) async throws {
        _ = try await withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: PostgresTestDatabase.logger)
        }
    }
}
