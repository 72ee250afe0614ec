import CodesService
import XCTest

final class StorageTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private var databasePath: String { directory.appendingPathComponent("codes.sqlite3").path }

    func testARestartWithTheSameFileKeepsEverythingAcknowledged() async throws {
        var codes: [String] = []
        var paperCode = ""
        try await withService(storage: .sqlite(path: databasePath)) { service in
            codes.append(try await service.createCode())
            codes.append(try await service.createCode(actor: "700000000003"))
            _ = try await service.post("/v1/revoke", #"{"code":"\#(codes[1])"}"#)
            let paper = try await service.post("/v1/paper-verification-code",
                                               #"{"lpa":"M-1234-1234-1234","actor":"12ad81a9-f89d-4804-99f5-7c0c8669ac9b"}"#)
            paperCode = try XCTUnwrap((paper.json as? [String: Any])?["code"] as? String)
            _ = try await service.post("/v1/paper-verification-code/expire", #"{"code":"\#(paperCode)","expiry_reason":"first_time_use"}"#)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: databasePath))
        try await withService(storage: .sqlite(path: databasePath)) { service in
            expectEqual(try await service.details(codes[0])?["status_details"] as? String, "Generated")
            expectEqual(try await service.details(codes[1])?["status_details"] as? String, "Revoked")
            let validate = try await service.post("/v1/validate", #"{"lpa":"700000000001","dob":"1960-06-05","code":"\#(codes[0])"}"#)
            XCTAssertEqual(validate.text, #"{"actor":"700000000002"}"#)
            let paper = try await service.post("/v1/paper-verification-code/validate", #"{"code":"\#(paperCode)"}"#)
            XCTAssertEqual(paper.text, #"{"lpa":"M-1234-1234-1234","actor":"12ad81a9-f89d-4804-99f5-7c0c8669ac9b","#
                + #""expiry_date":"2027-11-11","expiry_reason":"first_time_use"}"#)
        }
    }

    func testTheDatabaseUsesWALAndAUniqueKeyOnTheCode() async throws {
        let store = try SQLiteCodeStore(path: databasePath)
        let record = ActivationCode(code: "BBBBBBBBBBBB", lpa: "700000000001", actor: "700000000002", dob: "1960-06-05",
                                    active: true, status: .generated, generatedDate: "2025-11-11",
                                    lastUpdatedDate: "2025-11-11", expiryDate: 1_794_391_200)
        try await store.write { try await $0.insert(record) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: databasePath + "-wal"))
        do {
            try await store.write { try await $0.insert(record) }
            XCTFail("a duplicate code was inserted")
        } catch let error as CodeStoreError {
            XCTAssertEqual(error, .duplicateCode("BBBBBBBBBBBB"))
        }
        let stored = try await store.read { try await $0.activationCodes(lpa: "700000000001", actor: "700000000002") }
        XCTAssertEqual(stored, [record])
        await expectClosedAfterClose(store)
    }

    func testAnUnopenableFileIsASQLiteErrorWithSQLitesMessage() {
        XCTAssertThrowsError(try SQLiteCodeStore(path: directory.appendingPathComponent("missing/dir/codes.sqlite3").path)) { error in
            let sqlite = error as? SQLiteError
            XCTAssertNotNil(sqlite)
            XCTAssertTrue(sqlite?.message.contains("unable to open database file") == true, "\(error)")
        }
    }

    func testABatchThatFailsHalfWayWritesNothing() async throws {
        let stores: [(String, any CodeStore)] = [("memory", InMemoryCodeStore()), ("sqlite", try SQLiteCodeStore(path: databasePath))]
        for (name, base) in stores {
            let failing = FailingCodeStore(wrapping: base, failOnInsert: 2)
            try await withService(storage: .custom(failing)) { service in
                // The first write's only insert succeeds: an existing active code for the first pair.
                let existing = try await service.createCode(lpa: "700000000001", actor: "700000000002")
                let response = try await service.post("/v1/create", """
                    {"lpas":[{"lpa":"700000000001","actor":"700000000002","dob":"1960-06-05"},
                             {"lpa":"700000000001","actor":"700000000003","dob":"1960-06-05"},
                             {"lpa":"700000000001","actor":"700000000004","dob":"1960-06-05"}]}
                    """)
                XCTAssertEqual(response.status, 500, name)
                XCTAssertEqual(response.errors.first?["code"] as? String, "OPGDATA-API-SERVERERROR", name)
                // The supersession of the first entry was rolled back with everything else.
                expectEqual(try await service.details(existing)?["status_details"] as? String, "Generated", name)
                for actor in ["700000000002", "700000000003", "700000000004"] {
                    let stored = try await base.read { try await $0.activationCodes(lpa: "700000000001", actor: actor) }
                    XCTAssertEqual(stored.count, actor == "700000000002" ? 1 : 0, "\(name) \(actor)")
                }
            }
            await base.close()
        }
    }

    func testConcurrentCreatesForOnePairLeaveExactlyOneActiveCode() async throws {
        let stores: [(String, CodesServiceConfiguration.Storage)] = [("memory", .inMemory), ("sqlite", .sqlite(path: databasePath))]
        for (name, storage) in stores {
            try await withService(storage: storage, random: SystemRandomSource()) { service in
                let client = service.client
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<64 {
                        group.addTask {
                            try await client.post("/v1/create", #"{"lpas":[{"lpa":"700000000001","actor":"700000000002","dob":"1960-06-05"}]}"#).status
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                XCTAssertEqual(statuses, Array(repeating: 200, count: 64), name)
                let stored = try await service.service.store.read { try await $0.activationCodes(lpa: "700000000001", actor: "700000000002") }
                XCTAssertEqual(stored.count, 64, name)
                XCTAssertEqual(stored.filter(\.active).count, 1, name)
                XCTAssertEqual(Set(stored.filter { !$0.active }.map(\.status)), [.superseded], name)
            }
        }
    }

    func testTwoServicesSharingOneFileStillLeaveOneActiveCode() async throws {
        try await withService(storage: .sqlite(path: databasePath), random: SystemRandomSource()) { first in
            try await withService(storage: .sqlite(path: databasePath), random: SystemRandomSource()) { second in
                let clients = [first.client, second.client]
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<40 {
                        group.addTask {
                            try await clients[index % 2].post(
                                "/v1/create", #"{"lpas":[{"lpa":"M-1234-1234-1234","actor":"700000000002","dob":"1960-06-05"}]}"#).status
                        }
                    }
                    for try await status in group { expectEqual(status, 200) }
                }
                let stored = try await first.service.store.read { try await $0.activationCodes(lpa: "M-1234-1234-1234", actor: "700000000002") }
                XCTAssertEqual(stored.count, 40)
                XCTAssertEqual(stored.filter(\.active).count, 1)
            }
        }
    }
}
