import CodesService
import Foundation
import PostgresNIO
import XCTest

/// A fresh database per test on the PostgreSQL server named by `PACTKIT_TEST_POSTGRES_URL` (`.ci/run` starts one with
/// `scripts/test-postgres.sh`). Without the variable a test is skipped, visibly, outside CI and fails under CI=true,
/// so a CI run can never pass without having run the PostgreSQL tests.
struct TestPostgres: Sendable {
    static let variable = "PACTKIT_TEST_POSTGRES_URL"

    /// The server's admin URL (its own database is only used to create and drop test databases).
    let server: PostgresStoreConfiguration
    /// The test's own database.
    let configuration: PostgresStoreConfiguration

    /// The `postgres://` URL of the test's database, for `codes-service --db`.
    var url: String {
        "postgres://\(configuration.username):\(configuration.password ?? "")@\(configuration.address)/\(configuration.database)"
            + "?sslmode=disable"
    }

    /// Creates an empty database for one test.
    static func create(file: StaticString = #filePath, line: UInt = #line) async throws -> TestPostgres {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[variable], !url.isEmpty else {
            let message = "\(variable) is not set: start a server with `scripts/test-postgres.sh start DIR` and export "
                + "the URL it prints"
            // Thrown, not skipped, under CI: the test fails with this one message.
            if environment["CI"] == "true" { throw TestFailure("\(message) (CI=true: the PostgreSQL tests must run)") }
            throw XCTSkip(message, file: file, line: line)
        }
        var server = try PostgresStoreConfiguration.parse(url: url)
        server.tls = .disable
        var configuration = server
        configuration.database = "codes_test_\(UUID().uuidString.prefix(8).lowercased())"
        try await server.execute("CREATE DATABASE \(configuration.database)")
        return TestPostgres(server: server, configuration: configuration)
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
            for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: testLogger)
                .decode(String?.self) {
                values.append(value)
            }
            return values
        }
    }

    /// Runs `body` with a service on the test's database and always shuts it down.
    func withService(
        providerStates: Bool = false, random: any RandomSource = SystemRandomSource(),
        _ body: (TestService) async throws -> Void
    ) async throws {
        try await CodesServiceTests.withService(
            storage: .postgres(configuration), providerStates: providerStates, random: random, body)
    }
}

/// Runs `body` with a fresh database, dropped afterwards whatever happens.
func withTestPostgres(
    file: StaticString = #filePath, line: UInt = #line, _ body: (TestPostgres) async throws -> Void
) async throws {
    let database = try await TestPostgres.create(file: file, line: line)
    do {
        try await body(database)
    } catch {
        await database.drop()
        throw error
    }
    await database.drop()
}

let testLogger: Logger = {
    var logger = Logger(label: "codes-service-tests")
    logger.logLevel = .critical
    return logger
}()

extension PostgresStoreConfiguration {
    func withConnection<Value: Sendable>(_ body: (PostgresConnection) async throws -> Value) async throws -> Value {
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: .disable),
            id: 1, logger: testLogger)
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
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: testLogger)
        }
    }
}

/// Runs `body` while `store`'s connection pool runs, then closes the store and stops the pool.
func running<Value: Sendable>(_ store: PostgresCodeStore, _ body: () async throws -> Value) async throws -> Value {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await store.run() }
        defer { group.cancelAll() }
        do {
            let value = try await body()
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}
