import Foundation
import Logging
@testable import PactBrokerServer
import PostgresTestSupport
import Testing

/// The broker's tests' PostgreSQL database (see `PostgresTestDatabase`).
typealias BrokerTestPostgres = PostgresTestDatabase

extension PostgresTestDatabase {
    /// Runs `body` with a new empty database, dropped afterwards whatever happens. Without a server the test case is
    /// cancelled with the reason (Swift Testing reports it as skipped, not passed) outside CI, and fails under CI=true.
    static func with<Value: Sendable>(_ body: (BrokerTestPostgres) async throws -> Value) async throws -> Value {
        if let message = missingServer {
            if mustRun { throw SkipRefused(message: message + " (CI=true: the PostgreSQL tests must run)") }
            try Test.cancel(Comment(rawValue: message))
        }
        return try await with(prefix: "broker_test", connectTimeout: .seconds(2), body)
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

let quietLogger = PostgresTestDatabase.logger
