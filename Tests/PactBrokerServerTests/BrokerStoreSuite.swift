import Foundation
@testable import PactBrokerServer
import Testing

/// The drivers every store test runs against.
enum StoreDriver: String, CaseIterable, CustomStringConvertible, Sendable {
    case inMemory, sqliteMemory, sqliteFile, postgres

    var description: String { rawValue }

    /// Every driver; PostgreSQL only when `PACTKIT_TEST_POSTGRES_URL` names a server (or under CI=true, where its
    /// absence fails). Without one, `thePostgreSQLCasesRun` is reported skipped with the reason instead: Swift
    /// Testing 6.3 reports a cancelled case of a parameterized test as passed.
    static var tested: [StoreDriver] { BrokerTestPostgres.isExpected ? allCases : allCases.filter { $0 != .postgres } }

    /// Runs `body` with a fresh store of this driver and closes it after. PostgreSQL: a database of its own on the
    /// server `PACTKIT_TEST_POSTGRES_URL` names (the case is reported skipped, with the reason, without one).
    func withStore<Value: Sendable>(_ body: (any BrokerStore) async throws -> Value) async throws -> Value {
        if self == .postgres {
            return try await BrokerTestPostgres.with { database in try await database.withStore { try await body($0) } }
        }
        let file = self == .sqliteFile
            ? FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-\(UUID().uuidString).sqlite3").path
            : nil
        // The file and SQLite's companions (-wal, -shm, -journal) go once the store is closed.
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { file.map { try? FileManager.default.removeItem(atPath: $0 + suffix) } }
        }
        let store = try make(file: file)
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    /// A store of this driver; `file` is the SQLite file of `sqliteFile`.
    private func make(file: String?) throws -> any BrokerStore {
        switch self {
        case .inMemory: return InMemoryBrokerStore()
        case .sqliteMemory: return try SQLiteBrokerStore(path: ":memory:")
        case .sqliteFile:
            guard let file else { throw BrokerStoreError.unsupported("a SQLite file store needs a file") }
            return try SQLiteBrokerStore(path: file)
        case .postgres: throw BrokerStoreError.unsupported("a PostgreSQL store needs its pool running: use withStore")
        }
    }
}

/// One suite, run against each driver: the queries the API relies on must answer the same everywhere.
@Suite struct BrokerStoreSuite {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test(arguments: StoreDriver.tested)
    func pacticipantsVersionsBranchesAndTags(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            let latest = try await store.write { tx -> [String?] in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: "main", repositoryURL: nil, at: at(0))
                let v1 = try await tx.insertVersion(pacticipantID: foo.id, number: "1", buildURL: nil, at: at(1))
                let v2 = try await tx.insertVersion(pacticipantID: foo.id, number: "2", buildURL: nil, at: at(2))
                let v3 = try await tx.insertVersion(pacticipantID: foo.id, number: "3", buildURL: nil, at: at(3))
                let main = try await tx.insertBranch(pacticipantID: foo.id, name: "main", at: at(1))
                let feature = try await tx.insertBranch(pacticipantID: foo.id, name: "feature", at: at(2))
                #expect(try await tx.addToBranch(branchID: main.id, versionID: v1.id, at: at(1)))
                #expect(try await tx.addToBranch(branchID: main.id, versionID: v2.id, at: at(2)))
                #expect(try await !tx.addToBranch(branchID: main.id, versionID: v2.id, at: at(2)))
                _ = try await tx.addToBranch(branchID: feature.id, versionID: v3.id, at: at(3))
                #expect(try await tx.insertTag(versionID: v1.id, name: "prod", at: at(4)))
                #expect(try await !tx.insertTag(versionID: v1.id, name: "prod", at: at(4)))
                return [
                    try await tx.latestVersion(pacticipantID: foo.id, tag: nil, branch: nil)?.number,
                    try await tx.latestVersion(pacticipantID: foo.id, tag: nil, branch: "main")?.number,
                    try await tx.latestVersion(pacticipantID: foo.id, tag: "prod", branch: nil)?.number,
                    try await tx.latestVersion(pacticipantID: foo.id, tag: "nope", branch: nil)?.number,
                ]
            }
            #expect(latest == ["3", "2", "1", nil])
            let (names, branches, tags) = try await store.read { tx in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                let v1 = try #require(try await tx.version(pacticipantID: foo.id, number: "1"))
                return (try await tx.pacticipants().map(\.name), try await tx.branches(pacticipantID: foo.id).map(\.name),
                        try await tx.tagNames(versionID: v1.id))
            }
            #expect(names == ["Foo"])
            #expect(branches == ["main", "feature"])
            #expect(tags == ["prod"])
            await #expect(throws: BrokerStoreError.self) {
                try await store.write { tx in _ = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(9)) }
            }
        }
    }

    /// Consumer Foo: v1 (main, tag prod), v2 (main), v3 (feature, tag prod); each publishes a pact with Bar.
    private func publishHistory(_ store: any BrokerStore) async throws {
        try await store.write { tx in
            let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: "main", repositoryURL: nil, at: at(0))
            let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
            let main = try await tx.insertBranch(pacticipantID: foo.id, name: "main", at: at(0))
            let feature = try await tx.insertBranch(pacticipantID: foo.id, name: "feature", at: at(0))
            for (index, (branch, tag)) in [(main, "prod"), (main, nil), (feature, "prod")].enumerated() {
                let v = try await tx.insertVersion(pacticipantID: foo.id, number: "\(index + 1)", buildURL: nil, at: at(Double(index)))
                _ = try await tx.addToBranch(branchID: branch.id, versionID: v.id, at: at(Double(index)))
                if let tag { _ = try await tx.insertTag(versionID: v.id, name: tag, at: at(Double(index))) }
                var content = try await tx.pactContent(sha: "sha\(index % 2)", consumerID: foo.id, providerID: bar.id)
                if content == nil {
                    content = try await tx.insertPactContent(sha: "sha\(index % 2)", consumerID: foo.id, providerID: bar.id,
                                                             content: "{\"n\":\(index % 2)}", at: at(Double(index)))
                }
                let contentID = try #require(content?.id)
                _ = try await tx.insertPublication(consumerVersionID: v.id, providerID: bar.id, pactContentID: contentID, at: at(Double(index)))
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func publicationScopesSelectInTheStore(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await publishHistory(store)
            let results = try await store.read { tx -> [String: [String]] in
                let bar = try #require(try await tx.pacticipant(named: "Bar"))
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                func numbers(_ scope: PublicationScope) async throws -> [String] {
                    try await tx.publications(providerID: bar.id, consumerID: nil, scope: scope).map(\.consumerVersion.number)
                }
                let v2 = try #require(try await tx.version(pacticipantID: foo.id, number: "2"))
                return [
                    "latest": try await numbers(.latest),
                    "main": try await numbers(.latestForMainBranch),
                    "feature": try await numbers(.latestForBranch("feature")),
                    "prod": try await numbers(.latestForTag("prod")),
                    "allProd": try await numbers(.allForTag("prod")),
                    "v2": try await numbers(.consumerVersions([v2.id])),
                    "none": try await numbers(.latestForBranch("nope")),
                ]
            }
            #expect(results["latest"] == ["3"])
            #expect(results["main"] == ["2"])
            #expect(results["feature"] == ["3"])
            #expect(results["prod"] == ["3"])
            #expect(results["allProd"] == ["1", "3"])
            #expect(results["v2"] == ["2"])
            #expect(results["none"] == [])
            let sharing = try await store.read { tx -> [String] in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                let bar = try #require(try await tx.pacticipant(named: "Bar"))
                let content = try #require(try await tx.pactContent(sha: "sha0", consumerID: foo.id, providerID: bar.id))
                return try await tx.publications(pactContentID: content.id).map(\.consumerVersion.number)
            }
            #expect(sharing == ["1", "3"], "versions 1 and 3 share one stored content")
        }
    }

    @Test(arguments: StoreDriver.tested)
    func aNewRevisionReplacesTheVersionsPact(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await publishHistory(store)
            let (revision, sha) = try await store.write { tx -> (Int, String) in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                let bar = try #require(try await tx.pacticipant(named: "Bar"))
                let v2 = try #require(try await tx.version(pacticipantID: foo.id, number: "2"))
                let content = try await tx.insertPactContent(sha: "sha9", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(10))
                let publication = try await tx.insertPublication(consumerVersionID: v2.id, providerID: bar.id, pactContentID: content.id, at: at(10))
                let view = try #require(try await tx.publications(consumerVersionID: v2.id).first)
                #expect(view.publication.id == publication.id)
                return (publication.revision, view.content.sha)
            }
            #expect(revision == 2)
            #expect(sha == "sha9")
        }
    }

    @Test(arguments: StoreDriver.tested)
    func verificationsDeploymentsAndReleases(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await publishHistory(store)
            try await store.write { tx in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                let bar = try #require(try await tx.pacticipant(named: "Bar"))
                let content = try #require(try await tx.pactContent(sha: "sha0", consumerID: foo.id, providerID: bar.id))
                let p1 = try await tx.insertVersion(pacticipantID: bar.id, number: "p1", buildURL: nil, at: at(20))
                let first = try await tx.insertVerification(pactContentID: content.id, providerVersionID: p1.id, success: false, buildURL: nil, details: "{}", at: at(21))
                let second = try await tx.insertVerification(pactContentID: content.id, providerVersionID: p1.id, success: true, buildURL: "b", details: "{}", at: at(22))
                #expect(first.number == 1)
                #expect(second.number == 2)
                #expect(try await tx.verifications(pactContentID: content.id).map(\.success) == [false, true])
                let p2 = try await tx.insertVersion(pacticipantID: bar.id, number: "p2", buildURL: nil, at: at(23))
                #expect(try await tx.verifications(pactContentID: content.id, providerVersionIDs: [p2.id]).isEmpty)
                #expect(try await tx.verifications(pactContentID: content.id, providerVersionIDs: [p1.id, p2.id]).count == 2)
                #expect(try await tx.hasSuccessfulVerification(pactContentID: content.id, .any))
                #expect(try await !tx.hasSuccessfulVerification(pactContentID: content.id, .onBranch("main")))
                let main = try await tx.insertBranch(pacticipantID: bar.id, name: "main", at: at(24))
                _ = try await tx.addToBranch(branchID: main.id, versionID: p1.id, at: at(24))
                _ = try await tx.insertTag(versionID: p1.id, name: "prod", at: at(24))
                #expect(try await tx.hasSuccessfulVerification(pactContentID: content.id, .onBranch("main")))
                #expect(try await tx.hasSuccessfulVerification(pactContentID: content.id, .withTag("prod")))
                #expect(try await !tx.hasSuccessfulVerification(pactContentID: content.id, .withTag("test")))
                #expect(try await tx.hasSuccessfulVerification(pactContentID: content.id, .onOtherBranch(than: "new", before: nil)))
                #expect(try await tx.hasSuccessfulVerification(pactContentID: content.id, .onOtherBranch(than: "new", before: at(23))))
                #expect(try await !tx.hasSuccessfulVerification(pactContentID: content.id, .onOtherBranch(than: "new", before: at(22))),
                        "the successful verification was made at 22, not before")
                #expect(try await !tx.hasSuccessfulVerification(pactContentID: content.id, .onOtherBranch(than: "main", before: nil)))
                let env = try await tx.insertEnvironment(EnvironmentRecord(id: 0, uuid: "16926ef3-590f-4e3f-838e-719717aa88c9", name: "prod", displayName: nil,
                                                                           production: true, contacts: nil, createdAt: at(0), updatedAt: at(0)))
                let v1 = try #require(try await tx.version(pacticipantID: foo.id, number: "1"))
                var d = try await tx.insertDeployedVersion(DeployedVersionRecord(id: 0, uuid: "d1", versionID: v1.id, pacticipantID: foo.id,
                                                                                 environmentID: env.id, applicationInstance: nil, createdAt: at(30), undeployedAt: nil))
                #expect(try await tx.currentlyDeployed(environmentID: env.id, pacticipantID: foo.id).map(\.uuid) == ["d1"])
                d.undeployedAt = at(31)
                try await tx.updateDeployedVersion(d)
                #expect(try await tx.currentlyDeployed(environmentID: env.id, pacticipantID: nil).isEmpty)
                #expect(try await tx.deployedVersion(uuid: "d1")?.undeployedAt == at(31))
                var r = try await tx.insertReleasedVersion(ReleasedVersionRecord(id: 0, uuid: "r1", versionID: v1.id, pacticipantID: foo.id,
                                                                                 environmentID: env.id, createdAt: at(32), supportEndedAt: nil))
                #expect(try await tx.currentlySupported(environmentID: nil, pacticipantID: foo.id).map(\.uuid) == ["r1"])
                r.supportEndedAt = at(33)
                try await tx.updateReleasedVersion(r)
                #expect(try await tx.currentlySupported(environmentID: env.id, pacticipantID: foo.id).isEmpty)
                #expect(try await tx.releasedVersion(versionID: v1.id, environmentID: env.id)?.uuid == "r1")
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func deletingAVersionTakesItsPactsAndVerificationsWithIt(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await publishHistory(store)
            let (latest, tags) = try await store.write { tx -> ([String], [String]) in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                let bar = try #require(try await tx.pacticipant(named: "Bar"))
                let v3 = try #require(try await tx.version(pacticipantID: foo.id, number: "3"))
                try await tx.deleteVersion(id: v3.id)
                #expect(try await tx.version(pacticipantID: foo.id, number: "3") == nil)
                return (try await tx.publications(providerID: bar.id, consumerID: nil, scope: .latest).map(\.consumerVersion.number),
                        try await tx.tagNames(pacticipantID: foo.id))
            }
            #expect(latest == ["2"])
            #expect(tags == ["prod"])
        }
    }

    struct Boom: Error {}

    @Test(arguments: StoreDriver.tested)
    func aThrowingWriteKeepsNothing(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            await #expect(throws: Boom.self) {
                try await store.write { tx in
                    _ = try await tx.insertPacticipant(name: "Ghost", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                    throw Boom()
                }
            }
            let ghost = try await store.read { try await $0.pacticipant(named: "Ghost") }
            #expect(ghost == nil)
        }
    }

    @Test(arguments: StoreDriver.tested)
    func labels(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                _ = try await tx.insertPacticipant(name: "Baz", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let made = try await tx.insertLabel(pacticipantID: foo.id, name: "team-a", at: at(1))
                #expect(made == LabelRecord(pacticipantID: foo.id, name: "team-a", createdAt: at(1)))
                _ = try await tx.insertLabel(pacticipantID: foo.id, name: "android", at: at(2))
                _ = try await tx.insertLabel(pacticipantID: bar.id, name: "team-a", at: at(3))
                await #expect(throws: BrokerStoreError.duplicate("label team-a")) {
                    try await tx.insertLabel(pacticipantID: foo.id, name: "team-a", at: at(4))
                }
                // The refused duplicate leaves the transaction usable (PostgreSQL aborts one on a failed statement).
                _ = try await tx.insertLabel(pacticipantID: bar.id, name: "ios", at: at(5))
            }
            let (fooLabels, teamA, found, missing, names) = try await store.read { tx in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                return (try await tx.labels(pacticipantID: foo.id).map(\.name),
                        try await tx.pacticipants(label: "team-a").map(\.name),
                        try await tx.label(pacticipantID: foo.id, name: "android"),
                        try await tx.label(pacticipantID: foo.id, name: "ios"),
                        try await tx.labelNames())
            }
            #expect(fooLabels == ["android", "team-a"])
            #expect(teamA == ["Bar", "Foo"])
            #expect(found?.name == "android")
            #expect(found?.createdAt == at(2))
            #expect(missing == nil)
            #expect(names == ["android", "ios", "team-a"])

            let (deleted, deletedAgain) = try await store.write { tx in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                return (try await tx.deleteLabel(pacticipantID: foo.id, name: "team-a"),
                        try await tx.deleteLabel(pacticipantID: foo.id, name: "team-a"))
            }
            #expect(deleted)
            #expect(!deletedAgain)
            #expect(try await store.read { try await $0.pacticipants(label: "team-a").map(\.name) } == ["Bar"])

            // Deleting a pacticipant takes its labels along.
            try await store.write { tx in try await tx.deletePacticipant(id: try #require(try await tx.pacticipant(named: "Bar")).id) }
            #expect(try await store.read { try await $0.labelNames() } == ["android"])
            #expect(try await store.read { try await $0.pacticipants(label: "team-a") }.isEmpty)
        }
    }

    /// Label names match exactly, as in pact_broker with its default `use_case_sensitive_resource_names = true`
    /// (the same rule as pacticipant names): `Team-A` and `team-a` are two labels.
    @Test(arguments: StoreDriver.tested)
    func labelNamesAreCaseSensitive(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            let foo = try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                _ = try await tx.insertLabel(pacticipantID: foo.id, name: "team-a", at: at(1))
                _ = try await tx.insertLabel(pacticipantID: foo.id, name: "Team-A", at: at(2))
                return foo
            }
            let (labels, upper, shouted, byShouted, byUpper, names) = try await store.read { tx in
                (try await tx.labels(pacticipantID: foo.id).map(\.name),
                 try await tx.label(pacticipantID: foo.id, name: "Team-A"),
                 try await tx.label(pacticipantID: foo.id, name: "TEAM-A"),
                 try await tx.pacticipants(label: "TEAM-A").map(\.name),
                 try await tx.pacticipants(label: "Team-A").map(\.name),
                 try await tx.labelNames())
            }
            #expect(labels == ["Team-A", "team-a"])
            #expect(upper?.createdAt == at(2))
            #expect(shouted == nil)
            #expect(byShouted.isEmpty)
            #expect(byUpper == ["Foo"])
            #expect(names == ["Team-A", "team-a"])
            let (deletedShouted, deletedUpper) = try await store.write { tx in
                (try await tx.deleteLabel(pacticipantID: foo.id, name: "TEAM-A"),
                 try await tx.deleteLabel(pacticipantID: foo.id, name: "Team-A"))
            }
            #expect(!deletedShouted)
            #expect(deletedUpper)
            #expect(try await store.read { try await $0.labels(pacticipantID: foo.id).map(\.name) } == ["team-a"])
        }
    }

    /// Skipped, with the reason, when no PostgreSQL server is configured (the suite then runs without its
    /// PostgreSQL cases); otherwise a store connects and migrates a fresh database.
    @Test func thePostgreSQLCasesRun() async throws {
        try await BrokerTestPostgres.with { database in
            try await database.withStore { store in _ = try await store.read { try await $0.pacticipants() } }
        }
    }

    @Test func aSQLiteFileKeepsItsDataAcrossReopening() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-broker-\(UUID().uuidString).sqlite3").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try SQLiteBrokerStore(path: path)
        try await publishHistory(first)
        await first.close()
        await #expect(throws: BrokerStoreError.self) { try await first.read { try await $0.pacticipants() } }
        let second = try SQLiteBrokerStore(path: path)
        let names = try await second.read { try await $0.pacticipants().map(\.name) }
        #expect(names == ["Bar", "Foo"])
        await second.close()
    }
}
