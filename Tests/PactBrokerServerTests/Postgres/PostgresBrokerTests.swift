import Foundation
import PactBroker
@testable import PactBrokerServer
import PactModel
import PostgresNIO
import Testing

/// The PostgreSQL store where it differs from SQLite: several instances on one database, migrations raced at start,
/// and a database that goes away. (The shared queries are `BrokerStoreSuite`'s, run against every driver.)
@Suite struct PostgresBrokerTests {
    /// Two brokers (two pools, as two processes would have) on one database: twenty concurrent publishes of one
    /// consumer version, half through each, leave one version, one publication per distinct content and no duplicate
    /// tag or branch; verification results posted through both at once are all kept, numbered without gaps.
    @Test func twoBrokersOnOneDatabaseActAsOne() async throws {
        try await BrokerTestPostgres.with { database in
            let first = try await PostgresBrokerStore.connect(database.configuration, logger: quietLogger)
            let second = try await PostgresBrokerStore.connect(database.configuration, logger: quietLogger)
            try await RunningBroker.with(store: first) { a in
                try await RunningBroker.with(store: second) { b in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for n in 0..<20 {
                            group.addTask {
                                try await (n.isMultiple(of: 2) ? a : b).publish(
                                    "Foo", version: "1", providers: ["Bar": "bar", "Baz": "baz"], branch: "main",
                                    tags: ["prod", "test"])
                            }
                        }
                        try await group.waitForAll()
                    }
                    let pacts = try await a.forVerification("Bar", selectors: [["mainBranch": true]])
                    let pact = try #require(pacts.first)
                    #expect(pacts.count == 1)
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for n in 0..<10 {
                            group.addTask {
                                try await (n.isMultiple(of: 2) ? a : b).verify(pact, providerVersion: "p\(n)", success: true)
                            }
                        }
                        try await group.waitForAll()
                    }
                }
            }
            let counts = try await database.column("""
                SELECT (SELECT count(*) FROM pacticipants) || ' ' || (SELECT count(*) FROM versions WHERE pacticipant_id =
                    (SELECT id FROM pacticipants WHERE name = 'Foo')) || ' ' || (SELECT count(*) FROM pact_contents) || ' '
                    || (SELECT count(*) FROM pact_publications) || ' ' || (SELECT count(*) FROM tags) || ' '
                    || (SELECT count(*) FROM branches b JOIN pacticipants p ON p.id = b.pacticipant_id AND p.name = 'Foo') || ' '
                    || (SELECT count(*) FROM branch_versions bv JOIN versions v ON v.id = bv.version_id
                        JOIN pacticipants p ON p.id = v.pacticipant_id AND p.name = 'Foo')
                """)
            #expect(counts == ["3 1 2 2 2 1 1"],
                    "pacticipants, Foo's versions, contents, publications, tags, Foo's branches and branch versions")
            let numbers = try await database.column("SELECT number::text FROM verifications ORDER BY verifications.number")
            #expect(numbers == (1...10).map { String($0) }, "every result kept, numbered once each")
            let providerVersions = try await database.column("""
                SELECT count(*)::text FROM versions WHERE pacticipant_id = (SELECT id FROM pacticipants WHERE name = 'Bar')
                """)
            #expect(providerVersions == ["10"])
        }
    }

    /// Instances starting together queue on the migration lock: all connect, the schema is applied once. A database
    /// migrated by a newer build is refused by name.
    @Test func instancesStartingTogetherMigrateOnceAndANewerSchemaIsRefused() async throws {
        try await BrokerTestPostgres.with { database in
            let stores = try await withThrowingTaskGroup(of: PostgresBrokerStore.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await PostgresBrokerStore.connect(database.configuration, logger: quietLogger) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for store in stores { await store.close() }
            #expect(stores.count == 4)
            #expect(try await database.column("SELECT version::text FROM broker_schema_migrations ORDER BY version") == (1...PostgresBrokerSchema.steps.count).map(String.init))
            try await database.execute("INSERT INTO broker_schema_migrations (version) VALUES (99)")
            let refused = await #expect(throws: PostgresStoreError.self) {
                _ = try await PostgresBrokerStore.connect(database.configuration, logger: quietLogger)
            }
            #expect(refused?.description == "cannot prepare the broker schema in PostgreSQL at "
                    + "\(database.configuration.address): the database has broker schema version 99; this build knows up to \(PostgresBrokerSchema.steps.count)")
        }
    }

    /// While the database refuses connections, requests are answered 503 with a database error and nothing is
    /// kept; once it is back, the same broker serves again without a restart.
    @Test func aLostDatabaseIsAnswered503AndServedAgainOnceBack() async throws {
        try await BrokerTestPostgres.with { database in
            let store = try await PostgresBrokerStore.connect(database.configuration, logger: quietLogger)
            try await RunningBroker.with(store: store) { broker in
                try await broker.publish("Foo", version: "1", providers: ["Bar": "bar"])
                let name = database.configuration.database
                try await database.server.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
                try await database.server.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
                let gone = await broker.call("GET", "/pacticipants/Foo")
                #expect(gone.status == 503)
                #expect(gone.json?["error"]?["message"]?.stringValue?.hasPrefix("Database error: the database is unavailable") == true,
                        "\(String(describing: gone.json))")
                let refused = await broker.call("POST", "/pacticipants", json: ["name": "Ghost"])
                #expect(refused.status == 503, "\(String(describing: refused.json))")
                try await database.server.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
                var back = await broker.call("GET", "/pacticipants/Foo")
                let patience = ContinuousClock.now + .seconds(20)
                while back.status != 200, ContinuousClock.now < patience {
                    try await Task.sleep(for: .milliseconds(200))
                    back = await broker.call("GET", "/pacticipants/Foo")
                }
                #expect(back.status == 200)
                #expect(await broker.call("GET", "/pacticipants/Ghost").status == 404)
            }
        }
    }
}
