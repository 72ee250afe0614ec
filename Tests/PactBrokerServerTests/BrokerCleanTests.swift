import Foundation
@testable import PactBrokerServer
import Testing

/// `pactkit broker clean`: which versions the keep selectors keep, the limit, dry runs and orphan pact contents.
@Suite struct BrokerCleanTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    /// Long after the seeded versions: nothing is younger than 90 days.
    var now: Date { t0.addingTimeInterval(365 * 86_400) }

    /// Foo (main branch `main`): 1 and 2 on main, 3 on feature-x tagged `prod`, 4 deployed to production, 5 on main.
    /// Bar (provider): 1, which verified Foo 1's pact. Foo 1 and 2 share one content; 3 has its own.
    private func seed(_ store: any BrokerStore) async throws {
        try await store.write { tx in
            let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: "main", repositoryURL: nil, at: t0)
            let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: t0)
            let main = try await tx.insertBranch(pacticipantID: foo.id, name: "main", at: t0)
            let feature = try await tx.insertBranch(pacticipantID: foo.id, name: "feature-x", at: t0)
            var foos: [VersionRecord] = []
            for n in 1...5 {
                foos.append(try await tx.insertVersion(pacticipantID: foo.id, number: "\(n)", buildURL: nil, at: t0.addingTimeInterval(Double(n))))
            }
            for v in [foos[0], foos[1], foos[4]] { _ = try await tx.addToBranch(branchID: main.id, versionID: v.id, at: t0) }
            _ = try await tx.addToBranch(branchID: feature.id, versionID: foos[2].id, at: t0)
            _ = try await tx.insertTag(versionID: foos[2].id, name: "prod", at: t0)
            let shared = try await tx.insertPactContent(sha: "a1", consumerID: foo.id, providerID: bar.id, content: "{}", at: t0)
            let own = try await tx.insertPactContent(sha: "b2", consumerID: foo.id, providerID: bar.id, content: "{\"x\":1}", at: t0)
            _ = try await tx.insertPublication(consumerVersionID: foos[0].id, providerID: bar.id, pactContentID: shared.id, at: t0)
            _ = try await tx.insertPublication(consumerVersionID: foos[1].id, providerID: bar.id, pactContentID: shared.id, at: t0)
            _ = try await tx.insertPublication(consumerVersionID: foos[2].id, providerID: bar.id, pactContentID: own.id, at: t0)
            let bar1 = try await tx.insertVersion(pacticipantID: bar.id, number: "1", buildURL: nil, at: t0.addingTimeInterval(10))
            _ = try await tx.insertVerification(pactContentID: shared.id, providerVersionID: bar1.id, success: true, buildURL: nil,
                                                details: "{}", at: t0)
            let production = try await tx.insertEnvironment(EnvironmentRecord(
                id: 0, uuid: "e1", name: "production", displayName: nil, production: true, contacts: nil, createdAt: t0, updatedAt: t0))
            _ = try await tx.insertDeployedVersion(DeployedVersionRecord(
                id: 0, uuid: "d1", versionID: foos[3].id, pacticipantID: foo.id, environmentID: production.id,
                applicationInstance: nil, createdAt: t0, undeployedAt: nil))
        }
    }

    private func remaining(_ store: any BrokerStore) async throws -> [String] {
        try await store.read { tx in
            var out: [String] = []
            for p in try await tx.pacticipants() {
                out += try await tx.versions(pacticipantID: p.id, limit: 100).reversed().map { "\(p.name) \($0.number)" }
            }
            return out
        }
    }

    @Test(arguments: StoreDriver.tested)
    func defaultsKeepLatestPerBranchAndTagDeployedAndLatest(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            try await seed(store)
            let report = try await BrokerClean().run(store, now: now)
            #expect(report.deleted.map { "\($0.pacticipant) \($0.number)" } == ["Foo 1", "Foo 2"])
            #expect(report.totalVersions == 6 && report.versionsToKeep == 4)
            #expect(try await remaining(store) == ["Bar 1", "Foo 3", "Foo 4", "Foo 5"])
            // Foo 1 and 2's content lost its publications but Bar 1's verification still refers to it: not an orphan.
            #expect(report.orphanPactContentsDeleted == 0)
            let contents = try await store.read { tx in
                let foo = try #require(try await tx.pacticipant(named: "Foo")), bar = try #require(try await tx.pacticipant(named: "Bar"))
                return [try await tx.pactContent(sha: "a1", consumerID: foo.id, providerID: bar.id) != nil,
                        try await tx.pactContent(sha: "b2", consumerID: foo.id, providerID: bar.id) != nil]
            }
            #expect(contents == [true, true])
        }
    }

    @Test(arguments: StoreDriver.tested)
    func orphanContentsGoAndTheLimitCounts(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            try await seed(store)
            // Keep only Foo's latest main-branch version (deployed and released are always added): the oldest two of
            // Bar 1, Foo 1, 2, 3 go first (by creation order), then the rest with a second run.
            let keep = [try CleanKeepSelector.parse(#"{"pacticipant":"Foo","mainBranch":true,"latest":true}"#)]
            let first = try await BrokerClean(keep: keep, limit: 2).run(store, now: now)
            #expect(first.deleted.map { "\($0.pacticipant) \($0.number)" } == ["Foo 1", "Foo 2"])
            #expect(first.orphanPactContentsDeleted == 0)  // still verified by Bar 1
            let second = try await BrokerClean(keep: keep, limit: 10).run(store, now: now)
            #expect(second.deleted.map { "\($0.pacticipant) \($0.number)" } == ["Foo 3", "Bar 1"])
            // Foo 3's content lost its publication, Foo 1's content its verification: both are orphans now.
            #expect(second.orphanPactContentsDeleted == 2)
            #expect(try await remaining(store) == ["Foo 4", "Foo 5"])
        }
    }

    @Test(arguments: StoreDriver.tested)
    func dryRunListsAndChangesNothing(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            try await seed(store)
            let keep = [try CleanKeepSelector.parse(#"{"tag":"prod"}"#), try CleanKeepSelector.parse(#"{"max_age":400}"#)]
            let young = try await BrokerClean(keep: keep, dryRun: true).run(store, now: now)
            #expect(young.deleted.isEmpty)  // everything is younger than 400 days
            let report = try await BrokerClean(keep: [try CleanKeepSelector.parse(#"{"tag":"prod"}"#)], dryRun: true).run(store, now: now)
            #expect(report.dryRun)
            #expect(report.deleted.map { "\($0.pacticipant) \($0.number)" } == ["Foo 1", "Foo 2", "Foo 5", "Bar 1"])
            #expect(try await remaining(store) == ["Bar 1", "Foo 1", "Foo 2", "Foo 3", "Foo 4", "Foo 5"])
        }
    }

    @Test func selectorsParseAsPactBrokerWritesThemAndBadOnesSayWhy() throws {
        #expect(try CleanKeepSelector.parse(#"{"branch":true,"latest":true}"#) == CleanKeepSelector(latest: true, branch: .any))
        #expect(try CleanKeepSelector.parse(#"{"tag":"prod","pacticipant_name":"Foo"}"#) == CleanKeepSelector(pacticipant: "Foo", tag: .named("prod")))
        #expect(try CleanKeepSelector.parse(#"{"environment":"production","deployed":true}"#).description
            == #"{"environment":"production","deployed":true}"#)
        #expect(throws: CleanError.self) { try CleanKeepSelector.parse("[1]") }
        let age = #expect(throws: CleanError.self) { try CleanKeepSelector.parse(#"{"maxAge":"ten"}"#) }
        #expect(age?.description.contains("maxAge must be a number of days") == true)
        let unknown = #expect(throws: CleanError.self) { try CleanKeepSelector.parse(#"{"colour":"red"}"#) }
        #expect(unknown?.description.contains("unknown key colour") == true)
    }

    private func branchNames(_ store: any BrokerStore) async throws -> [String] {
        try await store.read { tx in
            var out: [String] = []
            for p in try await tx.pacticipants() {
                out += try await tx.branches(pacticipantID: p.id).map { "\(p.name) \($0.name)" }.sorted()
            }
            return out
        }
    }

    /// pact_broker's `delete_stale_branches` (clean_incremental_spec "stale branch cleanup"): branches updated more
    /// than `maxAge` days ago go, unless named by a selector or their pacticipant's main branch; their versions stay.
    @Test(arguments: StoreDriver.tested)
    func staleBranchesGoButNotMainNamedOrRecentlyUpdatedOnes(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            try await seed(store)
            let recent = now.addingTimeInterval(-10 * 86_400)
            try await store.write { tx in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                // Old branches; "revived" got a version 10 days ago, "fresh" was made 10 days ago.
                for name in ["feat/old", "feat/named", "revived"] { _ = try await tx.insertBranch(pacticipantID: foo.id, name: name, at: t0) }
                let fresh = try await tx.insertBranch(pacticipantID: foo.id, name: "fresh", at: recent)
                let revived = try #require(try await tx.branch(pacticipantID: foo.id, name: "revived"))
                let six = try await tx.insertVersion(pacticipantID: foo.id, number: "6", buildURL: nil, at: recent)
                _ = try await tx.addToBranch(branchID: revived.id, versionID: six.id, at: recent)
                _ = try await tx.addToBranch(branchID: fresh.id, versionID: six.id, at: recent)
                let old = try #require(try await tx.branch(pacticipantID: foo.id, name: "feat/old"))
                let one = try #require(try await tx.version(pacticipantID: foo.id, number: "1"))
                _ = try await tx.addToBranch(branchID: old.id, versionID: one.id, at: t0)
            }
            let keepAll = [CleanKeepSelector(maxAge: 9999)]
            let selectors = [try CleanBranchSelector.parse(#"{"maxAge":90}"#), try CleanBranchSelector.parse(#"{"branch":["feat/named"]}"#)]

            let dry = try await BrokerClean(keep: keepAll, dryRun: true, keepBranches: selectors).run(store, now: now)
            #expect(dry.totalBranches == 6)
            #expect(Set(dry.deletedBranches.map(\.name)) == ["feature-x", "feat/old"])
            #expect(try await branchNames(store).count == 6)

            let limited = try await BrokerClean(keep: keepAll, keepBranches: selectors, branchLimit: 1).run(store, now: now)
            #expect(limited.deletedBranches.count == 1)
            let report = try await BrokerClean(keep: keepAll, keepBranches: selectors).run(store, now: now)
            #expect(report.deletedBranches.count == 1)
            #expect(Set((limited.deletedBranches + report.deletedBranches).map(\.name)) == ["feature-x", "feat/old"])
            #expect(try await branchNames(store) == ["Foo feat/named", "Foo fresh", "Foo main", "Foo revived"])
            // The versions stay; only their membership of the deleted branches goes.
            #expect(report.deleted.isEmpty)
            #expect(try await remaining(store) == ["Bar 1", "Foo 1", "Foo 2", "Foo 3", "Foo 4", "Foo 5", "Foo 6"])
            let memberships = try await store.read { tx in
                let foo = try #require(try await tx.pacticipant(named: "Foo"))
                return [try await tx.branchNames(versionID: try #require(try await tx.version(pacticipantID: foo.id, number: "1")).id),
                        try await tx.branchNames(versionID: try #require(try await tx.version(pacticipantID: foo.id, number: "3")).id)]
            }
            #expect(memberships == [["main"], []])
            // Nothing is stale any more.
            #expect(try await BrokerClean(keep: keepAll, keepBranches: selectors).run(store, now: now).deletedBranches.isEmpty)
        }
    }

    /// Stale branches go before the versions (pact_broker's order): a version kept only as the latest of a stale
    /// branch goes with it; with branch cleanup off (nil or no selectors, as pact_broker's `keep_branches`) it stays.
    @Test(arguments: StoreDriver.tested)
    func versionsKeptOnlyByAStaleBranchGoWithIt(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            try await seed(store)
            let keep = [CleanKeepSelector(latest: true, branch: .any)]
            for off in [BrokerClean(keep: keep, dryRun: true, keepBranches: nil), BrokerClean(keep: keep, dryRun: true, keepBranches: [])] {
                let report = try await off.run(store, now: now)
                #expect(report.keepBranches == nil && report.deletedBranches.isEmpty)
                #expect(report.deleted.map { "\($0.pacticipant) \($0.number)" } == ["Foo 1", "Foo 2", "Bar 1"])
            }
            // By default (branches updated within 90 days) feature-x is stale: Foo 3 is no longer the latest of a branch.
            let report = try await BrokerClean(keep: keep).run(store, now: now)
            #expect(report.keepBranches == CleanBranchSelector.defaults)
            #expect(report.deletedBranches.map { "\($0.pacticipant) \($0.name)" } == ["Foo feature-x"])
            #expect(report.deleted.map { "\($0.pacticipant) \($0.number)" } == ["Foo 1", "Foo 2", "Foo 3", "Bar 1"])
            #expect(try await remaining(store) == ["Foo 4", "Foo 5"])
            #expect(try await branchNames(store) == ["Foo main"])
        }
    }

    @Test func branchSelectorsParseAsPactBrokerWritesThemAndBadOnesSayWhy() throws {
        #expect(try CleanBranchSelector.parse(#"{"max_age":30}"#) == CleanBranchSelector(maxAge: 30))
        #expect(try CleanBranchSelector.parse(#"{"branch":"develop"}"#) == CleanBranchSelector(branches: ["develop"]))
        #expect(try CleanBranchSelector.parse(#"{"branch":["a","b"],"maxAge":7}"#).description == #"{"branch":["a","b"],"maxAge":7}"#)
        let age = #expect(throws: CleanError.self) { try CleanBranchSelector.parse(#"{"maxAge":-1}"#) }
        #expect(age?.description.contains("maxAge must be a number of days") == true)
        let names = #expect(throws: CleanError.self) { try CleanBranchSelector.parse(#"{"branch":[1]}"#) }
        #expect(names?.description.contains("branch must be a branch name or an array of branch names") == true)
        let unknown = #expect(throws: CleanError.self) { try CleanBranchSelector.parse(#"{"latest":true}"#) }
        #expect(unknown?.description.contains("unknown key latest (expected maxAge, branch)") == true)
    }

    @Test func anUnknownEnvironmentIsAnError() async throws {
        let store = InMemoryBrokerStore()
        try await seed(store)
        await #expect(throws: CleanError.self) {
            try await BrokerClean(keep: [CleanKeepSelector(environment: "nowhere")]).run(store, now: now)
        }
    }
}
