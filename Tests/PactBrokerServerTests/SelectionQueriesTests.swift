import Foundation
@testable import PactBrokerServer
import Testing

/// The set-based selection queries (`BrokerSelectionQueries`) on every driver: each must answer what the per-row
/// queries it replaces answer, row for row and in the same order.
@Suite struct SelectionQueriesTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    /// Consumers C1, C2 and provider P. Consumer version k (1…6, interleaved between the consumers, published at k*10
    /// seconds) is on branch `main` when odd, `feat` when even and `fix` when 6 (which has no pact); it is tagged
    /// like its branch, and also `prod` (k ≤ 2) or `Prod` (k = 3, sorting before `prod` in code point order). C2's
    /// version 5 publishes a second revision at 100 s. Provider versions: pv1 (branch main, tag prod, created at 0),
    /// pv2 (branch feat, tag test), pv3 (no branch); P's branch `main` was created at 50 s.
    private func seed(_ store: any BrokerStore) async throws {
        try await store.write { tx in
            let c1 = try await tx.insertPacticipant(name: "C1", displayName: nil, mainBranch: "main", repositoryURL: nil, at: at(0))
            let c2 = try await tx.insertPacticipant(name: "C2", displayName: nil, mainBranch: "main", repositoryURL: nil, at: at(0))
            let p = try await tx.insertPacticipant(name: "P", displayName: nil, mainBranch: "main", repositoryURL: nil, at: at(0))
            var branches: [String: BranchRecord] = [:]
            for c in [c1, c2] {
                for name in ["feat", "main", "fix"] {
                    branches["\(c.name) \(name)"] = try await tx.insertBranch(pacticipantID: c.id, name: name, at: at(0))
                }
            }
            for k in 1...6 {
                for c in [c1, c2] {
                    let v = try await tx.insertVersion(pacticipantID: c.id, number: "\(k)", buildURL: nil, at: at(Double(k * 10)))
                    let branch = k == 6 ? "fix" : k % 2 == 1 ? "main" : "feat"
                    _ = try await tx.addToBranch(branchID: branches["\(c.name) \(branch)"]!.id, versionID: v.id, at: at(Double(k * 10)))
                    _ = try await tx.insertTag(versionID: v.id, name: branch, at: at(Double(k * 10)))
                    if k <= 3 { _ = try await tx.insertTag(versionID: v.id, name: k <= 2 ? "prod" : "Prod", at: at(Double(k * 10))) }
                    guard k != 6 else { continue }
                    let content = try await tx.insertPactContent(sha: "\(c.name)-\(k)", consumerID: c.id, providerID: p.id, content: "{}", at: at(0))
                    _ = try await tx.insertPublication(consumerVersionID: v.id, providerID: p.id, pactContentID: content.id, at: at(Double(k * 10)))
                    if c.name == "C2", k == 5 {
                        let second = try await tx.insertPactContent(sha: "C2-5b", consumerID: c.id, providerID: p.id, content: "{}", at: at(100))
                        _ = try await tx.insertPublication(consumerVersionID: v.id, providerID: p.id, pactContentID: second.id, at: at(100))
                    }
                }
            }
            let pMain = try await tx.insertBranch(pacticipantID: p.id, name: "main", at: at(50))
            let pFeat = try await tx.insertBranch(pacticipantID: p.id, name: "feat", at: at(0))
            let pv1 = try await tx.insertVersion(pacticipantID: p.id, number: "pv1", buildURL: nil, at: at(0))
            let pv2 = try await tx.insertVersion(pacticipantID: p.id, number: "pv2", buildURL: nil, at: at(0))
            let pv3 = try await tx.insertVersion(pacticipantID: p.id, number: "pv3", buildURL: nil, at: at(0))
            _ = try await tx.addToBranch(branchID: pMain.id, versionID: pv1.id, at: at(0))
            _ = try await tx.addToBranch(branchID: pFeat.id, versionID: pv2.id, at: at(0))
            _ = try await tx.insertTag(versionID: pv1.id, name: "prod", at: at(0))
            _ = try await tx.insertTag(versionID: pv2.id, name: "test", at: at(0))
            // (content, provider version, success, verified at)
            for (sha, version, success, time) in [("C1-1", pv1, true, 20.0), ("C1-2", pv1, false, 30), ("C1-3", pv2, true, 40),
                                                  ("C1-4", pv2, true, 60), ("C2-1", pv3, true, 20), ("C2-2", pv2, false, 30),
                                                  ("C2-2", pv1, false, 31)] {
                let content = try #require(try await tx.pactContent(sha: sha, consumerID: sha.hasPrefix("C1") ? c1.id : c2.id, providerID: p.id))
                _ = try await tx.insertVerification(pactContentID: content.id, providerVersionID: version.id, success: success,
                                                    buildURL: nil, details: "{}", at: at(time))
            }
        }
    }

    /// The heads as the per-row queries find them (what pacts-for-verification asked for before the set query).
    private func headsOneByOne(_ tx: any BrokerStoreTransaction, providerID: RowID, since: Date) async throws -> [SelectionHead] {
        var heads: [SelectionHead] = []
        for consumerID in try await tx.consumerIDs(providerID: providerID) {
            for branch in try await tx.branches(pacticipantID: consumerID) {
                for view in try await tx.publications(providerID: providerID, consumerID: consumerID, scope: .latestForBranch(branch.name))
                where view.publication.createdAt >= since {
                    heads.append(SelectionHead(consumerID: consumerID, kind: .branch(branch.name), versionID: view.consumerVersion.id))
                }
            }
            for tag in try await tx.tagNames(pacticipantID: consumerID) {
                for view in try await tx.publications(providerID: providerID, consumerID: consumerID, scope: .latestForTag(tag))
                where view.publication.createdAt >= since {
                    heads.append(SelectionHead(consumerID: consumerID, kind: .tag(tag), versionID: view.consumerVersion.id))
                }
            }
        }
        return heads
    }

    @Test(arguments: StoreDriver.tested)
    func branchAndTagHeadsAgreeWithThePerRowQueries(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await seed(store)
            try await store.read { tx in
                let p = try #require(try await tx.pacticipant(named: "P"))
                let c1 = try #require(try await tx.pacticipant(named: "C1"))
                let c2 = try #require(try await tx.pacticipant(named: "C2"))
                func describe(_ heads: [SelectionHead]) async throws -> [String] {
                    var out: [String] = []
                    for head in heads {
                        let version = try #require(try await tx.version(id: head.versionID))
                        let consumer = head.consumerID == c1.id ? "C1" : head.consumerID == c2.id ? "C2" : "?"
                        switch head.kind {
                        case .branch(let name): out.append("\(consumer) branch \(name) \(version.number)")
                        case .tag(let name): out.append("\(consumer) tag \(name) \(version.number)")
                        }
                    }
                    return out
                }
                let all = try await describe(try await tx.branchAndTagHeads(providerID: p.id, publishedSince: at(0)))
                #expect(all == [
                    "C1 branch feat 4", "C1 branch main 5", "C1 tag Prod 3", "C1 tag feat 4", "C1 tag main 5", "C1 tag prod 2",
                    "C2 branch feat 4", "C2 branch main 5", "C2 tag Prod 3", "C2 tag feat 4", "C2 tag main 5", "C2 tag prod 2",
                ])
                // C2's version 5 has a second revision published at 100 s: its latest revision counts.
                let recent = try await describe(try await tx.branchAndTagHeads(providerID: p.id, publishedSince: at(55)))
                #expect(recent == ["C2 branch main 5", "C2 tag main 5"])
                for seconds in [0.0, 25, 40, 45, 50, 100, 101] {
                    let set = try await tx.branchAndTagHeads(providerID: p.id, publishedSince: at(seconds))
                    let reference = try await headsOneByOne(tx, providerID: p.id, since: at(seconds))
                    #expect(set == reference, "published since \(seconds) s")
                }
                #expect(try await tx.branchAndTagHeads(providerID: c1.id, publishedSince: at(0)).isEmpty, "C1 is no provider")
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func successfullyVerifiedAgreesWithHasSuccessfulVerification(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await seed(store)
            try await store.read { tx in
                let p = try #require(try await tx.pacticipant(named: "P"))
                var contents: [String: RowID] = [:]
                for consumerID in try await tx.consumerIDs(providerID: p.id) {
                    let consumer = try #require(try await tx.pacticipant(id: consumerID))
                    for k in 1...5 {
                        let sha = "\(consumer.name)-\(k)"
                        contents[sha] = try #require(try await tx.pactContent(sha: sha, consumerID: consumerID, providerID: p.id)).id
                    }
                }
                let ids = contents.values.sorted()
                func shas(_ found: Set<RowID>) -> [String] { contents.filter { found.contains($0.value) }.keys.sorted() }
                let filters: [VerificationFilter] = [
                    .any, .onBranch("main"), .onBranch("feat"), .onBranch("nope"), .onOtherBranch(than: "main", before: nil),
                    .onOtherBranch(than: "main", before: at(50)), .onOtherBranch(than: "feat", before: at(20)),
                    .onOtherBranch(than: "feat", before: at(21)), .withTag("prod"), .withTag("test"), .withTag("none"),
                ]
                for filter in filters {
                    let set = try await tx.successfullyVerified(pactContentIDs: ids, filter)
                    var reference: Set<RowID> = []
                    for id in ids where try await tx.hasSuccessfulVerification(pactContentID: id, filter) { reference.insert(id) }
                    #expect(set == reference, "\(filter)")
                }
                #expect(shas(try await tx.successfullyVerified(pactContentIDs: ids, .any)) == ["C1-1", "C1-3", "C1-4", "C2-1"])
                #expect(shas(try await tx.successfullyVerified(pactContentIDs: ids, .onBranch("main"))) == ["C1-1"])
                #expect(shas(try await tx.successfullyVerified(pactContentIDs: ids, .onOtherBranch(than: "main", before: at(50)))) == ["C1-3"],
                        "C1-4 was verified on feat after main was created; C2-1's provider version is on no branch")
                #expect(shas(try await tx.successfullyVerified(pactContentIDs: ids, .withTag("test"))) == ["C1-3", "C1-4"])
                #expect(try await tx.successfullyVerified(pactContentIDs: [], .any).isEmpty)
                #expect(try await tx.successfullyVerified(pactContentIDs: [contents["C1-1"]!, 999_999], .any) == [contents["C1-1"]!],
                        "an unknown content id is not verified")
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func versionsByIDs(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await seed(store)
            try await store.read { tx in
                let c1 = try #require(try await tx.pacticipant(named: "C1"))
                let p = try #require(try await tx.pacticipant(named: "P"))
                let v3 = try #require(try await tx.version(pacticipantID: c1.id, number: "3"))
                let pv2 = try #require(try await tx.version(pacticipantID: p.id, number: "pv2"))
                #expect(try await tx.versions(ids: [pv2.id, v3.id, 999_999, v3.id]) == [v3, pv2])
                #expect(try await tx.versions(ids: []).isEmpty)
                #expect(try await tx.versionsByID([pv2.id, v3.id]) == [v3.id: v3, pv2.id: pv2])
            }
        }
    }
}
