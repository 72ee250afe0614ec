import Foundation
@testable import PactBrokerServer
import Testing

/// The write paths' queries (`BrokerPublishQueries`) and the statements they replaced (`insertPublication`,
/// `insertVerification` in one statement on PostgreSQL), against each driver: the same answers everywhere.
@Suite struct BrokerPublishQueriesSuite {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test(arguments: StoreDriver.tested)
    func ensurePactContentInsertsOnceAndFindsItAfter(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let baz = try await tx.insertPacticipant(name: "Baz", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let first = try await tx.ensurePactContent(sha: "s1", consumerID: foo.id, providerID: bar.id, content: "{\"a\":1}", at: at(1))
                #expect(first.sha == "s1")
                #expect(first.content == "{\"a\":1}")
                #expect(first.createdAt == at(1))
                let again = try await tx.ensurePactContent(sha: "s1", consumerID: foo.id, providerID: bar.id, content: "{\"a\":1}", at: at(2))
                #expect(again.id == first.id, "the same sha of the same integration is stored once")
                #expect(again.createdAt == at(1), "the stored row, not a new one")
                let other = try await tx.ensurePactContent(sha: "s1", consumerID: foo.id, providerID: baz.id, content: "{\"a\":1}", at: at(3))
                #expect(other.id != first.id, "another integration has its own row")
                #expect(try await tx.pactContent(sha: "s1", consumerID: foo.id, providerID: bar.id)?.id == first.id)
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func revisionsAndVerificationNumbersCountUpInOneStatement(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let v1 = try await tx.insertVersion(pacticipantID: foo.id, number: "1", buildURL: nil, at: at(1))
                let a = try await tx.ensurePactContent(sha: "a", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(1))
                let b = try await tx.ensurePactContent(sha: "b", consumerID: foo.id, providerID: bar.id, content: "{\"b\":1}", at: at(1))
                let r1 = try await tx.insertPublication(consumerVersionID: v1.id, providerID: bar.id, pactContentID: a.id, at: at(2))
                let r2 = try await tx.insertPublication(consumerVersionID: v1.id, providerID: bar.id, pactContentID: b.id, at: at(3))
                #expect([r1.revision, r2.revision] == [1, 2] as [Int])
                #expect(r2.consumerID == foo.id, "the consumer comes from the version")
                #expect(r2.providerID == bar.id && r2.pactContentID == b.id && r2.consumerVersionID == v1.id)
                let p1 = try await tx.insertVersion(pacticipantID: bar.id, number: "p1", buildURL: nil, at: at(4))
                let first = try await tx.insertVerification(pactContentID: b.id, providerVersionID: p1.id, success: true, buildURL: "u",
                                                            details: "{}", at: at(5))
                let second = try await tx.insertVerification(pactContentID: b.id, providerVersionID: p1.id, success: false, buildURL: nil,
                                                             details: "{}", at: at(6))
                let elsewhere = try await tx.insertVerification(pactContentID: a.id, providerVersionID: p1.id, success: true, buildURL: nil,
                                                                details: "{}", at: at(7))
                #expect([first.number, second.number, elsewhere.number] == [1, 2, 1] as [Int])
                #expect(first.consumerID == foo.id && first.providerID == bar.id, "the integration comes from the content")
                #expect(try await tx.verification(id: second.id)?.success == false)
                #expect(try await tx.verification(id: first.id)?.buildURL == "u")
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func hasVerificationsAsksAboutTheWholeIntegration(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let baz = try await tx.insertPacticipant(name: "Baz", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let v1 = try await tx.insertVersion(pacticipantID: foo.id, number: "1", buildURL: nil, at: at(1))
                let v2 = try await tx.insertVersion(pacticipantID: foo.id, number: "2", buildURL: nil, at: at(2))
                let old = try await tx.ensurePactContent(sha: "old", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(1))
                let new = try await tx.ensurePactContent(sha: "new", consumerID: foo.id, providerID: bar.id, content: "{\"n\":1}", at: at(2))
                _ = try await tx.insertPublication(consumerVersionID: v1.id, providerID: bar.id, pactContentID: old.id, at: at(1))
                _ = try await tx.insertPublication(consumerVersionID: v2.id, providerID: bar.id, pactContentID: new.id, at: at(2))
                #expect(try await !tx.hasVerifications(consumerID: foo.id, providerID: bar.id))
                let p1 = try await tx.insertVersion(pacticipantID: bar.id, number: "p1", buildURL: nil, at: at(3))
                _ = try await tx.insertVerification(pactContentID: old.id, providerVersionID: p1.id, success: false, buildURL: nil,
                                                    details: "{}", at: at(3))
                #expect(try await tx.hasVerifications(consumerID: foo.id, providerID: bar.id),
                        "a failed result of an older pact counts, as pact_broker's any_verifications? counts it")
                #expect(try await !tx.hasVerifications(consumerID: foo.id, providerID: baz.id))
                #expect(try await !tx.hasVerifications(consumerID: bar.id, providerID: foo.id))
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func latestPublicationOfAContentIsTheNewestVersionsLatestRevision(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let shared = try await tx.ensurePactContent(sha: "shared", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(1))
                let other = try await tx.ensurePactContent(sha: "other", consumerID: foo.id, providerID: bar.id, content: "{\"o\":1}", at: at(1))
                #expect(try await tx.latestPublication(pactContentID: shared.id) == nil)
                var versions: [VersionRecord] = []
                for n in 1...3 {
                    let v = try await tx.insertVersion(pacticipantID: foo.id, number: "\(n)", buildURL: nil, at: at(Double(n)))
                    _ = try await tx.insertPublication(consumerVersionID: v.id, providerID: bar.id, pactContentID: shared.id, at: at(Double(n)))
                    versions.append(v)
                }
                #expect(try await tx.latestPublication(pactContentID: shared.id)?.consumerVersion.number == "3")
                // Version 3's pact gets a new revision with other content: version 2 is the newest with the shared one.
                _ = try await tx.insertPublication(consumerVersionID: versions[2].id, providerID: bar.id, pactContentID: other.id, at: at(5))
                let latest = try #require(try await tx.latestPublication(pactContentID: shared.id))
                #expect(latest.consumerVersion.number == "2")
                #expect(latest.content.sha == "shared" && latest.consumer.name == "Foo" && latest.provider.name == "Bar")
                let viaAll = try await tx.publications(pactContentID: shared.id).last
                #expect(latest.publication.id == viaAll?.publication.id)
                #expect(try await tx.latestPublication(pactContentID: other.id)?.consumerVersion.number == "3")
            }
        }
    }
}
