import Foundation
import Logging
@testable import PactBrokerServer
import PostgresNIO
import Testing

/// A fresh database per test on the PostgreSQL server named by `PACTKIT_TEST_POSTGRES_URL` (`.ci/run` starts one with
/// `scripts/test-postgres.sh`), dropped afterwards, so tests never see each other's rows. Without the variable the
/// test case is cancelled with the reason (Swift Testing reports it as skipped, not passed) outside CI, and fails
/// under CI=true, so a CI run cannot pass without having run the PostgreSQL cases.
struct BrokerTestPostgres: Sendable {
    static let variable = "PACTKIT_TEST_POSTGRES_URL"

    /// Whether the PostgreSQL tests run: a server is named, or CI=true says they must (and fail without one).
    static var isExpected: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment[variable] ?? "").isEmpty || environment["CI"] == "true"
    }

    /// The server's URL as given (its own database is only used to create and drop test databases).
    let server: PostgresStoreConfiguration
    /// The test's own database.
    let configuration: PostgresStoreConfiguration

    /// The `postgres://` URL of the test's database, for `pactkit broker --db`.
    var url: String {
        "postgres://\(configuration.username):\(configuration.password ?? "")@\(configuration.address)/\(configuration.database)"
            + "?sslmode=disable"
    }

    /// Runs `body` with a new empty database, dropped afterwards whatever happens.
    static func with<Value: Sendable>(_ body: (BrokerTestPostgres) async throws -> Value) async throws -> Value {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[variable], !url.isEmpty else {
            let message = "\(variable) is not set: start a server with `scripts/test-postgres.sh start DIR` and export "
                + "the URL it prints"
            if environment["CI"] == "true" { throw SkipRefused(message: message + " (CI=true: the PostgreSQL tests must run)") }
            try Test.cancel(Comment(rawValue: message))
        }
        var server = try PostgresStoreConfiguration.parse(url: url)
        server.tls = .disable
        var configuration = server
        configuration.database = "broker_test_\(UUID().uuidString.prefix(8).lowercased())"
        configuration.connectTimeout = .seconds(2)
        try await server.execute("CREATE DATABASE \(configuration.database)")
        let database = BrokerTestPostgres(server: server, configuration: configuration)
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
    func drop() async {
        try? await server.execute("DROP DATABASE IF EXISTS \(configuration.database) WITH (FORCE)")
    }

    /// Runs one statement in the test's database.
    func execute(_ sql: String) async throws { try await configuration.execute(sql) }

    /// The first column of every row of `sql`, as text.
    func column(_ sql: String) async throws -> [String?] {
        try await configuration.withConnection { connection in
            var values: [String?] = []
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: quietLogger)
                .decode(String?.self) {
                values.append(value)
            }
            return values
        }
    }

    /// Runs `body` with a connected store whose pool runs meanwhile; closes the store and stops the pool after.
    func withStore<Value: Sendable>(_ body: (PostgresBrokerStore) async throws -> Value) async throws -> Value {
        let store = try await PostgresBrokerStore.connect(configuration, logger: quietLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            do {
                let value = try await body(store)
                await store.close()
                return value
            } catch {
                await store.close()
                throw error
            }
        }
    }
}

/// The PostgreSQL tests were asked to run (CI=true) but have no server.
struct SkipRefused: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

let quietLogger: Logger = {
    var logger = Logger(label: "pactkit-broker-tests")
    logger.logLevel = .critical
    return logger
}()

extension PostgresStoreConfiguration {
    func withConnection<Value: Sendable>(_ body: (PostgresConnection) async throws -> Value) async throws -> Value {
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: .disable),
            id: 1, logger: quietLogger)
        do {
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    func execute(_ sql: String) async throws {
        _ = try await withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: quietLogger)
        }
    }
}
