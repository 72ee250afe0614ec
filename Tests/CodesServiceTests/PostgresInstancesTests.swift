import CodesService
import Foundation
import PostgresNIO
import TestSupport
import XCTest

/// Several `codes-service` processes on one PostgreSQL database, and the faults of a shared database.
final class PostgresInstancesTests: XCTestCase {
    private func startInstances(_ count: Int, _ database: TestPostgres) async throws -> [(CodesServiceProcess, HTTPClient)] {
        var instances: [(CodesServiceProcess, HTTPClient)] = []
        for _ in 0..<count {
            let process = try CodesServiceProcess(["--port", "0", "--db", database.url + "&pool_max=8"])
            instances.append((process, HTTPClient(baseURL: try await process.url())))
        }
        return instances
    }

    func testSixteenConnectionsOverTwoInstancesLeaveOneActiveCodeEveryRound() async throws {
        try await withTestPostgres { database in
            let instances = try await startInstances(2, database)
            let clients = instances.map(\.1)
            for round in 0..<10 {
                let lpa = "7000000001\(String(format: "%02d", round))"
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<16 {
                        group.addTask {
                            try await clients[index % 2].post(
                                "/v1/create", #"{"lpas":[{"lpa":"\#(lpa)","actor":"700000000002","dob":"1960-06-05"}]}"#).status
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                XCTAssertEqual(statuses, Array(repeating: 200, count: 16), "round \(round)")
                let rows = try await database.column(
                    "SELECT active::text FROM activation_codes WHERE lpa = '\(lpa)' AND actor = '700000000002'")
                XCTAssertEqual(rows.count, 16, "round \(round)")
                XCTAssertEqual(rows.filter { $0 == "true" }.count, 1, "round \(round): \(rows)")
            }
            for (process, _) in instances { expectEqual(try await process.stop(), 0) }
        }
    }

    func testKillNineOfOneInstanceMidBatchLosesNoAcknowledgedBatch() async throws {
        try await withTestPostgres { database in
            let instances = try await startInstances(2, database)
            let (victim, victimClient) = instances[0]
            let entriesPerBatch = 25
            /// Batch `n` creates codes for lpa 7000000nnnnn and actors 700000000001…025.
            func lpa(_ batch: Int) -> String { "7" + String(format: "%011d", 100_000 + batch) }
            func body(_ batch: Int) -> String {
                let entries = (1...entriesPerBatch).map { actor in
                    #"{"lpa":"\#(lpa(batch))","actor":"7\#(String(format: "%011d", actor))","dob":"1960-06-05"}"#
                }
                return #"{"lpas":[\#(entries.joined(separator: ","))]}"#
            }
            // Each acknowledged batch is announced here; the kill waits for the first, not for a time.
            let (acknowledgements, announce) = AsyncStream.makeStream(of: Int.self)
            let killer = Task {
                // Kill once a batch is acknowledged: batches are flowing, and the other workers' are in flight then.
                for await _ in acknowledgements {
                    kill(victim.process.processIdentifier, SIGKILL)
                    return
                }
            }
            let acknowledged = try await withThrowingTaskGroup(of: [Int].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [Int] = []
                        for round in 0..<1000 {
                            let batch = round * 8 + worker
                            guard let response = try? await victimClient.post("/v1/create", body(batch)) else { break }
                            if response.status == 200 {
                                mine.append(batch)
                                announce.yield(batch)
                            }
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [Int]()) { $0 += $1 }
            }
            announce.finish()
            await killer.value
            guard let firstBatch = acknowledged.first else { return XCTFail("no batch was acknowledged before the kill") }
            expectEqual(try await victim.exitStatus(), SIGKILL)
            // The server rolls the killed instance's open transactions back once it sees their sockets close.
            try await waitUntil("the killed instance's sessions are gone") {
                try await database.column("""
                    SELECT count(*)::text FROM pg_stat_activity WHERE datname = '\(database.configuration.database)'
                    AND state <> 'idle' AND pid <> pg_backend_pid()
                    """) == ["0"]
            }
            var counts: [String: Int] = [:]
            for row in try await database.column("SELECT lpa || ' ' || count(*) FROM activation_codes GROUP BY lpa") {
                let parts = (row ?? "").split(separator: " ")
                counts[String(parts[0])] = Int(parts[1])
            }
            for batch in acknowledged {
                XCTAssertEqual(counts[lpa(batch)], entriesPerBatch, "acknowledged batch \(batch) is incomplete")
            }
            for (lpa, count) in counts {
                XCTAssertEqual(count, entriesPerBatch, "batch for \(lpa) was half written")
            }
            // The surviving instance serves what the killed one acknowledged.
            let survivor = instances[1].1
            let stored = try await database.column(
                "SELECT code FROM activation_codes WHERE lpa = '\(lpa(firstBatch))' LIMIT 1")
            let code = try XCTUnwrap(stored.first ?? nil)
            expectEqual(try await survivor.post("/v1/validate",
                                                #"{"lpa":"\#(lpa(firstBatch))","dob":"1960-06-05","code":"\#(code)"}"#).status, 200)
            expectEqual(try await instances[1].0.stop(), 0)
        }
    }

    func testSIGTERMDrainsInFlightRequestsBeforeClosingThePool() async throws {
        try await withTestPostgres { database in
            let process = try CodesServiceProcess(["--port", "0", "--db", database.url])
            let client = HTTPClient(baseURL: try await process.url())
            // Hold the pair's lock from outside, so a create for the pair is in flight (waiting) when SIGTERM arrives.
            try await database.configuration.withConnection { holder in
                try await holder.query("SELECT pg_advisory_lock(1, hashtext('700000000001/700000000002'))", logger: testLogger)
                let create = Task {
                    try await client.post("/v1/create", #"{"lpas":[{"lpa":"700000000001","actor":"700000000002","dob":"1960-06-05"}]}"#)
                }
                try await waitUntil("the create waits for the pair's lock") {
                    try await database.column("SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == ["1"]
                }
                kill(process.process.processIdentifier, SIGTERM)
                // The drain has begun once the signal is logged and the listener is closed; the create still waits.
                let port = try XCTUnwrap(client.baseURL.port)
                try await waitUntil("the service stops listening after SIGTERM") {
                    process.stderr.contains("received SIGTERM, stopping") && !isListening(port: port)
                }
                XCTAssertTrue(process.process.isRunning, "the service stopped before its in-flight request finished")
                try await holder.query("SELECT pg_advisory_unlock(1, hashtext('700000000001/700000000002'))", logger: testLogger)
                let response = try await create.value
                XCTAssertEqual(response.status, 200, response.text)
            }
            expectEqual(try await process.exitStatus(), 0)
            XCTAssertTrue(process.stderr.contains("received SIGTERM, stopping"), process.stderr)
            expectEqual(try await database.column("SELECT count(*)::text FROM activation_codes"), ["1"])
        }
    }

    func testALostDatabaseIs503InTheServiceFormatAndTheServiceReconnects() async throws {
        try await withTestPostgres { database in
            var configuration = database.configuration
            configuration.connectTimeout = .seconds(1)
            try await withService(storage: .postgres(configuration)) { service in
                let first = try await service.createCode()
                let name = configuration.database
                try await database.server.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
                try await database.server.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()")
                for request in [("/v1/create", #"{"lpas":[{"lpa":"700000000001","actor":"700000000002","dob":"1960-06-05"}]}"#),
                                ("/v1/validate", #"{"lpa":"700000000001","dob":"1960-06-05","code":"\#(first)"}"#)] {
                    let response = try await service.post(request.0, request.1)
                    XCTAssertEqual(response.status, 503, "\(request.0): \(response.text)")
                    XCTAssertEqual(response.header("Content-Type"), "application/vnd.opg-data.v1+json")
                    XCTAssertEqual(response.header("Retry-After"), "1")
                    XCTAssertEqual(response.errors.first?["code"] as? String, "OPGDATA-API-UNAVAILABLE", response.text)
                }
                try await database.server.execute("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
                try await waitUntil("the service answers again", timeout: 20) {
                    try await service.post("/v1/validate", #"{"lpa":"700000000001","dob":"1960-06-05","code":"\#(first)"}"#).status == 200
                }
                // The create answered 503 wrote nothing: the first code is still the only one, and still active.
                expectEqual(try await database.column("SELECT code || ' ' || active::text FROM activation_codes"), ["\(first) true"])
            }
        }
    }

    func testADatabaseThatGoesSilentIs503AfterTheDeadlineAndTheServiceRecovers() async throws {
        try await withTestPostgres { database in
            let proxy = try await SilenceableProxy.start(to: database.configuration.host, port: database.configuration.port)
            var configuration = database.configuration
            configuration.port = proxy.port
            configuration.connectTimeout = .seconds(1)
            configuration.statementTimeout = .seconds(1)
            try await withService(storage: .postgres(configuration)) { service in
                let code = try await service.createCode()
                let validate = #"{"lpa":"700000000001","dob":"1960-06-05","code":"\#(code)"}"#
                proxy.setSilent(true)
                let started = ContinuousClock.now
                let response = try await service.post("/v1/validate", validate)
                XCTAssertEqual(response.status, 503, response.text)
                XCTAssertEqual(response.errors.first?["code"] as? String, "OPGDATA-API-UNAVAILABLE")
                // The statement deadline is the server's timeout (1 s) plus 5 s of grace.
                XCTAssertLessThan(ContinuousClock.now - started, .seconds(15))
                proxy.setSilent(false)
                try await waitUntil("the service answers again", timeout: 20) {
                    try await service.post("/v1/validate", validate).status == 200
                }
            }
            await proxy.stop()
        }
    }

    func testAnUnreachableDatabaseAtStartExitsTwoNamingHostAndReason() async throws {
        let port = try unusedPort()
        let process = try CodesServiceProcess(
            ["--port", "0", "--db", "postgres://codes@127.0.0.1:\(port)/codes?connect_timeout=2"])
        expectEqual(try await process.exitStatus(), 2)
        XCTAssertEqual(process.stderr, "codes-service: cannot connect to PostgreSQL at 127.0.0.1:\(port): Connection refused\n")
        XCTAssertEqual(process.stdout, "")
    }

    func testABadDatabaseURLIsAUsageErrorSayingWhatIsWrong() async throws {
        let cases: [([String], String)] = [
            (["--db", "postgres://127.0.0.1/codes"], "no user"),
            (["--db", "postgres://codes:secret@127.0.0.1/codes?sslmode=maybe"], "sslmode 'maybe' is not one of"),
            (["--db", "codes.sqlite3", "--db-password-file", "/nonexistent"], "--db-password-file needs a postgres:// URL"),
            (["--db", "postgres://codes@127.0.0.1/codes", "--db-password-file", "/nonexistent/password"],
             "password file /nonexistent/password cannot be read"),
        ]
        for (arguments, message) in cases {
            let process = try CodesServiceProcess(["--port", "0"] + arguments)
            expectEqual(try await process.exitStatus(), 64, "\(arguments)")
            XCTAssertTrue(process.stderr.contains(message), "\(arguments): \(process.stderr)")
            XCTAssertFalse(process.stderr.contains("secret"), "the password was printed: \(process.stderr)")
        }
    }
}

/// Whether something accepts TCP connections on 127.0.0.1:`port` (the probe connection is closed at once).
private func isListening(port: Int) -> Bool {
    guard let probe = try? RawHTTPConnection(port: port) else { return false }
    probe.close()
    return true
}
