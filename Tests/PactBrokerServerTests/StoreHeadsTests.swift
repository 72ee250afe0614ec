import Foundation
@testable import PactBrokerServer
import Testing

/// The head queries (the newest pact per integration, per branch, per tag) on a history with several consumers and
/// providers whose versions interleave, as the SQLite driver finds them with index walks: every driver must agree.
@Suite struct StoreHeadsTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    /// Consumers C1…C3 and providers P1, P2 (P2 has no pact with C3). Each consumer has versions 1…6 interleaved
    /// with the others'; odd versions are on `main` and tagged `main`, even ones on `feat` and tagged `feat`.
    /// Version k of a consumer publishes to P1 when k ≠ 6, and to P2 when k ≤ 3; C2's version 5 publishes P1 twice
    /// (two revisions). P1 has versions 1 and 2; version 2 verified the newest content of C1 twice.
    private func seed(_ store: any BrokerStore) async throws {
        try await store.write { tx in
            let at = t0
            var consumers: [PacticipantRecord] = []
            for n in 1...3 {
                consumers.append(try await tx.insertPacticipant(name: "C\(n)", displayName: nil, mainBranch: "main", repositoryURL: nil, at: at))
            }
            let p1 = try await tx.insertPacticipant(name: "P1", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at)
            let p2 = try await tx.insertPacticipant(name: "P2", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at)
            var branches: [RowID: [String: BranchRecord]] = [:]
            for c in consumers {
                branches[c.id] = ["main": try await tx.insertBranch(pacticipantID: c.id, name: "main", at: at),
                                  "feat": try await tx.insertBranch(pacticipantID: c.id, name: "feat", at: at)]
            }
            for k in 1...6 {
                for c in consumers {
                    let v = try await tx.insertVersion(pacticipantID: c.id, number: "\(k)", buildURL: nil, at: at.addingTimeInterval(Double(k)))
                    let name = k % 2 == 1 ? "main" : "feat"
                    _ = try await tx.addToBranch(branchID: branches[c.id]![name]!.id, versionID: v.id, at: at)
                    _ = try await tx.insertTag(versionID: v.id, name: name, at: at)
                    for (provider, publishes) in [(p1, k != 6), (p2, k <= 3 && c.name != "C3")] where publishes {
                        let sha = "\(c.name)-\(provider.name)-\(k)"
                        let content = try await tx.insertPactContent(sha: sha, consumerID: c.id, providerID: provider.id, content: "{}", at: at)
                        _ = try await tx.insertPublication(consumerVersionID: v.id, providerID: provider.id, pactContentID: content.id, at: at)
                        if c.name == "C2", k == 5, provider.id == p1.id {
                            let second = try await tx.insertPactContent(sha: sha + "b", consumerID: c.id, providerID: provider.id, content: "{}", at: at)
                            _ = try await tx.insertPublication(consumerVersionID: v.id, providerID: provider.id, pactContentID: second.id, at: at)
                        }
                    }
                }
            }
            let p1v1 = try await tx.insertVersion(pacticipantID: p1.id, number: "1", buildURL: nil, at: at)
            let p1v2 = try await tx.insertVersion(pacticipantID: p1.id, number: "2", buildURL: nil, at: at)
            let c1 = consumers[0]
            let newest = try #require(try await tx.pactContent(sha: "C1-P1-5", consumerID: c1.id, providerID: p1.id))
            for version in [p1v1, p1v2, p1v2] {
                _ = try await tx.insertVerification(pactContentID: newest.id, providerVersionID: version.id, success: true,
                                                    buildURL: nil, details: "{}", at: at)
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func headsPerIntegrationBranchAndTag(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            try await seed(store)
            let found = try await store.read { tx -> [String: [String]] in
                let p1 = try #require(try await tx.pacticipant(named: "P1")), p2 = try #require(try await tx.pacticipant(named: "P2"))
                let c2 = try #require(try await tx.pacticipant(named: "C2"))
                func heads(_ provider: PacticipantRecord, _ consumer: PacticipantRecord?, _ scope: PublicationScope) async throws -> [String] {
                    try await tx.publications(providerID: provider.id, consumerID: consumer?.id, scope: scope)
                        .map { "\($0.consumer.name) \($0.consumerVersion.number) r\($0.publication.revision) \($0.content.sha)" }
                }
                let c1 = try #require(try await tx.pacticipant(named: "C1"))
                let content = try #require(try await tx.pactContent(sha: "C1-P1-5", consumerID: c1.id, providerID: p1.id))
                return [
                    "every": try await tx.latestPublicationsOfEveryIntegration()
                        .map { "\($0.consumer.name)>\($0.provider.name) \($0.consumerVersion.number) \($0.content.sha)" },
                    "consumersP1": try await tx.consumerIDs(providerID: p1.id).map(String.init),
                    "consumersP2": try await tx.consumerIDs(providerID: p2.id).map(String.init),
                    "latestP1": try await heads(p1, nil, .latest),
                    "latestP2": try await heads(p2, nil, .latest),
                    "mainP1": try await heads(p1, nil, .latestForMainBranch),
                    "featP1": try await heads(p1, nil, .latestForBranch("feat")),
                    "featP2C2": try await heads(p2, c2, .latestForBranch("feat")),
                    "tagFeatP1": try await heads(p1, nil, .latestForTag("feat")),
                    "tagMainP2": try await heads(p2, nil, .latestForTag("main")),
                    "allFeatP2": try await heads(p2, nil, .allForTag("feat")),
                    "allMainP1C2": try await heads(p1, c2, .allForTag("main")),
                    "numbers": try await tx.verifications(pactContentID: content.id).map { String($0.number) },
                ]
            }
            #expect(found["every"] == ["C1>P1 5 C1-P1-5", "C1>P2 3 C1-P2-3", "C2>P1 5 C2-P1-5b", "C2>P2 3 C2-P2-3", "C3>P1 5 C3-P1-5"])
            #expect(found["consumersP1"] == ["1", "2", "3"])
            #expect(found["consumersP2"] == ["1", "2"])
            #expect(found["latestP1"] == ["C1 5 r1 C1-P1-5", "C2 5 r2 C2-P1-5b", "C3 5 r1 C3-P1-5"])
            #expect(found["latestP2"] == ["C1 3 r1 C1-P2-3", "C2 3 r1 C2-P2-3"])
            #expect(found["mainP1"] == ["C1 5 r1 C1-P1-5", "C2 5 r2 C2-P1-5b", "C3 5 r1 C3-P1-5"])
            // Version 6 is on feat but has no pact with P1: the head with a pact is 4.
            #expect(found["featP1"] == ["C1 4 r1 C1-P1-4", "C2 4 r1 C2-P1-4", "C3 4 r1 C3-P1-4"])
            #expect(found["featP2C2"] == ["C2 2 r1 C2-P2-2"])
            #expect(found["tagFeatP1"] == ["C1 4 r1 C1-P1-4", "C2 4 r1 C2-P1-4", "C3 4 r1 C3-P1-4"])
            #expect(found["tagMainP2"] == ["C1 3 r1 C1-P2-3", "C2 3 r1 C2-P2-3"])
            #expect(found["allFeatP2"] == ["C1 2 r1 C1-P2-2", "C2 2 r1 C2-P2-2"])
            #expect(found["allMainP1C2"] == ["C2 1 r1 C2-P1-1", "C2 3 r1 C2-P1-3", "C2 5 r2 C2-P1-5b"])
            #expect(found["numbers"] == ["1", "2", "3"])
        }
    }

    @Test(arguments: StoreDriver.tested)
    func anEmptyStoreHasNoIntegrations(_ driver: StoreDriver) async throws {
        try await driver.withStore { (store: any BrokerStore) async throws in
            #expect(try await store.read { try await $0.latestPublicationsOfEveryIntegration() }.isEmpty)
        }
    }
}
