import CodesService
import Foundation
import TestSupport
import XCTest

/// The PostgreSQL store in process: the same guarantees as SQLite's, plus schema migration and start-up faults.
final class PostgresStoreTests: XCTestCase {
    private static let record = ActivationCode(
        code: "BBBBBBBBBBBB", lpa: "700000000001", actor: "700000000002", dob: "1960-06-05", active: true,
        status: .generated, generatedDate: "2025-11-11", lastUpdatedDate: "2025-11-11", expiryDate: 1_794_391_200)

    func testRecordsRoundTripAndTheCodeIsAUniqueKey() async throws {
        try await withTestPostgres { database in
            let store = try await PostgresCodeStore.connect(database.configuration)
            try await running(store) {
                try await store.write { try await $0.insert(Self.record) }
                do {
                    try await store.write { try await $0.insert(Self.record) }
                    XCTFail("a duplicate code was inserted")
                } catch let error as CodeStoreError {
                    XCTAssertEqual(error, .duplicateCode("BBBBBBBBBBBB"))
                }
                let paper = PaperVerificationCode(
                    code: "P-1234-1234-1234-12", lpa: "M-1234-1234-1234", actor: "12ad81a9-f89d-4804-99f5-7c0c8669ac9b",
                    updatedAt: Date(timeIntervalSince1970: 1_762_855_200.123456789),
                    expiresAt: Date(timeIntervalSince1970: 1_765_447_200.5), expiryReason: .superseded)
                try await store.write { try await $0.insert(paper) }
                let stored = try await store.read { try await $0.activationCodes(lpa: "700000000001", actor: "700000000002") }
                XCTAssertEqual(stored, [Self.record])
                let storedPaper = try await store.read { try await $0.paperCodes(lpa: paper.lpa, actor: paper.actor) }
                XCTAssertEqual(storedPaper, [paper])
            }
            await expectClosedAfterClose(store)
        }
    }

    func testAReadOfSeveralStatementsAndAnActivationCodeWithItsPairsPaperCodesAgreeWithTheWrites() async throws {
        try await withTestPostgres { database in
            let store = try await PostgresCodeStore.connect(database.configuration)
            try await running(store) {
                let mine = {
                    var record = Self.record
                    record.lpa = "M-1234-1234-1234"
                    return record
                }()
                let papers = (1...2).map { n in
                    PaperVerificationCode(code: "P-1234-1234-1234-1\(n)", lpa: mine.lpa, actor: mine.actor,
                                          updatedAt: Date(timeIntervalSince1970: 1_762_855_200 + Double(n)))
                }
                let other = PaperVerificationCode(code: "P-9999-9999-9999-99", lpa: mine.lpa, actor: "700000000009",
                                                  updatedAt: Date(timeIntervalSince1970: 1_762_855_200))
                try await store.write { store in
                    try await store.insert(mine)
                    for paper in papers + [other] { try await store.insert(paper) }
                }
                // One statement fetches the code and its pair's paper codes; the other pair's need a second statement,
                // so the body runs again in a snapshot transaction.
                let (code, pair, otherPair, all) = try await store.read { store in
                    (try await store.activationCode(mine.code),
                     try await store.paperCodes(lpa: mine.lpa, actor: mine.actor),
                     try await store.paperCodes(lpa: other.lpa, actor: other.actor),
                     try await store.activationCodes(lpa: mine.lpa, actor: mine.actor))
                }
                XCTAssertEqual(code, mine)
                XCTAssertEqual(pair, papers)
                XCTAssertEqual(otherPair, [other])
                XCTAssertEqual(all, [mine])
                let unknown = try await store.read { try await $0.activationCode("CCCCCCCCCCCC") }
                XCTAssertNil(unknown)
            }
        }
    }

    func testARestartKeepsEverythingAcknowledged() async throws {
        try await withTestPostgres { database in
            var code = ""
            try await database.withService { service in
                code = try await service.createCode()
                _ = try await service.createCode()  // supersedes the first
            }
            try await database.withService { service in
                expectEqual(try await service.details(code)?["status_details"] as? String, "Superseded")
                expectEqual(try await service.post("/v1/exists", #"{"lpa":"700000000001","actor":"700000000002"}"#).text,
                            #"{"Created":"2025-11-11"}"#)
            }
        }
    }

    func testTheSchemaIsVersionedAndInstancesStartingTogetherMigrateOnce() async throws {
        try await withTestPostgres { database in
            let configuration = database.configuration
            let stores = try await withThrowingTaskGroup(of: PostgresCodeStore.self) { group in
                for _ in 0..<4 { group.addTask { try await PostgresCodeStore.connect(configuration) } }
                return try await group.reduce(into: [PostgresCodeStore]()) { $0.append($1) }
            }
            for store in stores { await store.close() }
            expectEqual(try await database.column("SELECT version::text FROM codes_schema_migrations"), ["1"])
            // A later start finds the schema in place and leaves it alone.
            await (try await PostgresCodeStore.connect(configuration)).close()
            expectEqual(try await database.column("SELECT count(*)::text FROM codes_schema_migrations"), ["1"])
        }
    }

    func testADatabaseMigratedByANewerBuildIsRefusedByName() async throws {
        try await withTestPostgres { database in
            await (try await PostgresCodeStore.connect(database.configuration)).close()
            try await database.execute("INSERT INTO codes_schema_migrations (version) VALUES (99)")
            do {
                await (try await PostgresCodeStore.connect(database.configuration)).close()
                XCTFail("a newer schema was accepted")
            } catch let error as PostgresStoreError {
                XCTAssertEqual(error.description, "cannot prepare the codes schema in PostgreSQL at "
                               + "\(database.configuration.address): the database has codes schema version 99; "
                               + "this build knows up to 1")
            }
        }
    }

    func testABatchThatFailsHalfWayWritesNothing() async throws {
        try await withTestPostgres { database in
            let base = try await PostgresCodeStore.connect(database.configuration)
            try await running(base) {
                try await withService(storage: .custom(FailingCodeStore(wrapping: base, failOnInsert: 2))) { service in
                    let existing = try await service.createCode(lpa: "700000000001", actor: "700000000002")
                    let response = try await service.post("/v1/create", """
                        {"lpas":[{"lpa":"700000000001","actor":"700000000002","dob":"1960-06-05"},
                                 {"lpa":"700000000001","actor":"700000000003","dob":"1960-06-05"}]}
                        """)
                    XCTAssertEqual(response.status, 500)
                    expectEqual(try await service.details(existing)?["status_details"] as? String, "Generated")
                    let rows = try await database.column("SELECT actor || ' ' || status_details FROM activation_codes")
                    XCTAssertEqual(rows, ["700000000002 Generated"])
                }
            }
        }
    }

    func testConcurrentRevokesOfOneCodeRevokeItOnce() async throws {
        try await withTestPostgres { database in
            try await database.withService { service in
                let code = try await service.createCode()
                let client = service.client
                let counts = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<16 {
                        group.addTask { try await client.post("/v1/revoke", #"{"code":"\#(code)"}"#).text }
                    }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                XCTAssertEqual(counts.filter { $0 == #"{"codes revoked":1}"# }.count, 1, "\(counts)")
                XCTAssertEqual(counts.filter { $0 == #"{"codes revoked":0}"# }.count, 15, "\(counts)")
            }
        }
    }

    func testConcurrentPaperCodeCreatesLeaveOneWithoutExpiry() async throws {
        try await withTestPostgres { database in
            try await database.withService { service in
                let client = service.client
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<16 {
                        group.addTask {
                            try await client.post("/v1/paper-verification-code",
                                                  #"{"lpa":"M-1234-1234-1234","actor":"12ad81a9-f89d-4804-99f5-7c0c8669ac9b"}"#).status
                        }
                    }
                    for try await status in group { expectEqual(status, 200) }
                }
                let reasons = try await database.column("SELECT expiry_reason FROM paper_verification_codes ORDER BY seq")
                XCTAssertEqual(reasons.count, 16)
                XCTAssertEqual(reasons.filter { $0 == nil }.count, 1, "\(reasons)")
                XCTAssertEqual(reasons.last, .some(nil), "the newest code is the live one")
            }
        }
    }

    func testProviderStateHooksWorkOnPostgres() async throws {
        try await withTestPostgres { database in
            try await database.withService(providerStates: true) { service in
                let setup = try await service.post("/_pact_state",
                                                   #"{"state":"the activation key ISAVALIDCODE exists","action":"setup"}"#)
                XCTAssertEqual(setup.status, 200, setup.text)
                expectEqual(try await service.post("/v1/validate", #"{"lpa":"700000000001","dob":"1959-08-10","code":"ISAVALIDCODE"}"#).text,
                            #"{"actor":"700000000002"}"#)
                let revoked = try await service.post("/_pact_state",
                                                     #"{"state":"the activation key H9CW4XBJ6RKP has been revoked"}"#)
                XCTAssertEqual(revoked.status, 200, revoked.text)
                expectEqual(try await service.details("H9CW4XBJ6RKP")?["status_details"] as? String, "Revoked")
                let paper = try await service.post("/_pact_state",
                                                   #"{"state":"the paper verification code P-1234-1234-1234-12 is valid and was used 1 year ago"}"#)
                XCTAssertEqual(paper.status, 200, paper.text)
                let teardown = try await service.post("/_pact_state",
                                                      #"{"state":"the activation key ISAVALIDCODE exists","action":"teardown"}"#)
                XCTAssertEqual(teardown.status, 200)
                expectEqual(try await database.column("SELECT count(*)::text FROM activation_codes"), ["0"])
                expectEqual(try await database.column("SELECT count(*)::text FROM paper_verification_codes"), ["0"])
            }
        }
    }

    func testARequestThatGetsNoConnectionWithinTheConnectTimeoutIsUnavailableAndTheHeldOneStillServes() async throws {
        try await withTestPostgres { database in
            var configuration = database.configuration
            configuration.maximumConnections = 1
            configuration.connectTimeout = .seconds(1)
            let store = try await PostgresCodeStore.connect(configuration)
            try await running(store) {
                try await store.write { try await $0.insert(Self.record) }
                // The pool's only connection is held by a write that waits for the pair's lock, held from outside.
                try await database.configuration.withConnection { holder in
                    try await holder.query("SELECT pg_advisory_lock(1, hashtext('700000000001/700000000002'))", logger: testLogger)
                    async let held = store.write { try await $0.activationCodes(lpa: "700000000001", actor: "700000000002") }
                    try await waitUntil("the write waits for the pair's lock") {
                        try await database.column("SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == ["1"]
                    }
                    do {
                        // In a task of its own: the pool ends a wait that outlasts the timeout by cancelling its task.
                        async let read = store.read { try await $0.activationCode(Self.record.code) }
                        let found = try await read
                        XCTFail("a read got a connection from a pool whose only one is held: \(String(describing: found))")
                    } catch CodeStoreError.unavailable(let reason) {
                        XCTAssertEqual(reason, "no connection to PostgreSQL at \(configuration.address) within 1 s")
                    }
                    try await holder.query("SELECT pg_advisory_unlock(1, hashtext('700000000001/700000000002'))", logger: testLogger)
                    expectEqual(try await held, [Self.record])
                }
                expectEqual(try await store.read { try await $0.activationCode(Self.record.code) }, Optional(Self.record))
            }
        }
    }

    func testStatementsArePreparedAgainOnConnectionsThatReplaceTheOnesTheServerEnded() async throws {
        try await withTestPostgres { database in
            var configuration = database.configuration
            configuration.maximumConnections = 2
            let store = try await PostgresCodeStore.connect(configuration)
            try await running(store) {
                try await store.write { try await $0.insert(Self.record) }
                expectEqual(try await store.read { try await $0.activationCode(Self.record.code) }, Optional(Self.record))
                // A prepared statement lives in its server session: ending the sessions ends the statements.
                try await database.server.execute("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = '\(configuration.database)' AND pid <> pg_backend_pid()
                    """)
                try await waitUntil("the store reads the code on new connections") {
                    (try? await store.read { try await $0.activationCode(Self.record.code) }) == Self.record
                }
                for _ in 0..<4 {
                    expectEqual(try await store.read { try await $0.activationCode(Self.record.code) }, Optional(Self.record))
                    expectEqual(try await store.write { try await $0.activationCode(Self.record.code) }, Optional(Self.record))
                }
            }
        }
    }

    func testAnUnreachableServerIsNamedWithTheReason() async throws {
        try await withTestPostgres { database in
            var closed = database.configuration
            closed.port = try unusedPort()
            closed.connectTimeout = .seconds(2)
            await assertUnreachable(closed, reason: "Connection refused")

            var wrongPassword = database.configuration
            wrongPassword.password = "not-the-password"
            await assertUnreachable(wrongPassword, reason: #"password authentication failed for user "codes""#)

            var missing = database.configuration
            missing.database = "no_such_database"
            await assertUnreachable(missing, reason: #"database "no_such_database" does not exist"#)
        }
    }

    private func assertUnreachable(
        _ configuration: PostgresStoreConfiguration, reason: String, file: StaticString = #filePath, line: UInt = #line
    ) async {
        do {
            await (try await PostgresCodeStore.connect(configuration)).close()
            XCTFail("connected to \(configuration.address)", file: file, line: line)
        } catch let error as PostgresStoreError {
            let text = error.description
            XCTAssertTrue(text.hasPrefix("cannot connect to PostgreSQL at \(configuration.address): "), text, file: file, line: line)
            XCTAssertTrue(text.contains(reason), text, file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }
}

/// A loopback port nothing listens on (bound, read back, released).
func unusedPort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bind(socket, socketAddress, length) == 0 && getsockname(socket, socketAddress, &length) == 0
        }
    }
    guard bound else { throw TestFailure("cannot bind a loopback port") }
    return Int(UInt16(bigEndian: address.sin_port))
}
