import CodesService
import Foundation
import PostgresNIO
import PostgresTestSupport
import XCTest

/// The codes service's tests' PostgreSQL database (see `PostgresTestDatabase`).
typealias TestPostgres = PostgresTestDatabase

extension PostgresTestDatabase {
    /// Runs `body` with a service on the test's database and always shuts it down.
    func withService(
        providerStates: Bool = false, random: any RandomSource = SystemRandomSource(),
        _ body: (TestService) async throws -> Void
    ) async throws {
        try await CodesServiceTests.withService(
            storage: .postgres(configuration), providerStates: providerStates, random: random, body)
    }
}

/// Runs `body` with a fresh database, dropped afterwards whatever happens. Without a server the test is skipped,
/// visibly, outside CI and fails under CI=true, so a CI run can never pass without having run the PostgreSQL tests.
func withTestPostgres(
    file: StaticString = #filePath, line: UInt = #line, _ body: (TestPostgres) async throws -> Void
) async throws {
    if let message = TestPostgres.missingServer {
        // Thrown, not skipped, under CI: the test fails with this one message.
        if TestPostgres.mustRun { throw TestFailure("\(message) (CI=true: the PostgreSQL tests must run)") }
        throw XCTSkip(message, file: file, line: line)
    }
    try await TestPostgres.with(prefix: "codes_test", body)
}

let testLogger = PostgresTestDatabase.logger

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
