import Foundation
@testable import PactBrokerServer
import Testing

/// The provider contract queries (`BrokerProviderContractQueries`) against each driver: the same answers everywhere.
@Suite struct ProviderContractStoreTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    @Test(arguments: StoreDriver.tested)
    func aContractPerProviderVersionReplacedOnRepublication(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await store.write { tx in
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let baz = try await tx.insertPacticipant(name: "Baz", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let p1 = try await tx.insertVersion(pacticipantID: bar.id, number: "1", buildURL: nil, at: at(1))
                let p2 = try await tx.insertVersion(pacticipantID: bar.id, number: "2", buildURL: nil, at: at(2))
                #expect(try await !tx.hasProviderContracts(providerID: bar.id))
                #expect(try await tx.providerContract(providerVersionID: p1.id) == nil)

                let first = try await tx.saveProviderContract(ProviderContractRecord(
                    providerID: bar.id, providerVersionID: p1.id, content: "openapi: 3.0.0", contentType: "application/yaml",
                    specification: "oas", selfVerificationSuccess: false, selfVerificationContent: "1 failure",
                    selfVerificationContentType: "text/plain", selfVerificationFormat: "text", verifier: "v",
                    verifierVersion: "1.0", buildURL: "http://ci/1", createdAt: at(3)))
                #expect(first.id > 0)
                let read = try #require(try await tx.providerContract(providerVersionID: p1.id))
                #expect(read == first)
                #expect(read.selfVerificationContent == "1 failure" && read.verifier == "v" && read.verifierVersion == "1.0")

                var replacement = first
                replacement.content = "openapi: 3.1.0"
                replacement.selfVerificationSuccess = true
                replacement.selfVerificationContent = nil
                replacement.buildURL = nil
                replacement.createdAt = at(4)
                let second = try await tx.saveProviderContract(replacement)
                #expect(second.id == first.id, "the version's contract is replaced, not added")
                let reread = try #require(try await tx.providerContract(providerVersionID: p1.id))
                #expect(reread.content == "openapi: 3.1.0" && reread.selfVerificationSuccess && reread.selfVerificationContent == nil)
                #expect(reread.buildURL == nil && reread.createdAt == at(4))

                _ = try await tx.saveProviderContract(ProviderContractRecord(
                    providerID: bar.id, providerVersionID: p2.id, content: "{}", contentType: "application/json",
                    specification: "oas", selfVerificationSuccess: true, createdAt: at(5)))
                #expect(try await tx.providerContracts(providerVersionIDs: [p2.id, p1.id, p1.id, 999]).map(\.providerVersionID) == [p1.id, p2.id])
                #expect(try await tx.providerContracts(providerVersionIDs: []).isEmpty)
                #expect(try await tx.hasProviderContracts(providerID: bar.id))
                #expect(try await !tx.hasProviderContracts(providerID: baz.id))
            }
        }
    }

    @Test(arguments: StoreDriver.tested)
    func comparisonsMarkVerificationsAndGoWithTheirVersion(_ driver: StoreDriver) async throws {
        try await driver.withStore { store in
            try await store.write { tx in
                let foo = try await tx.insertPacticipant(name: "Foo", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
                let c1 = try await tx.insertVersion(pacticipantID: foo.id, number: "1", buildURL: nil, at: at(1))
                let p1 = try await tx.insertVersion(pacticipantID: bar.id, number: "1", buildURL: nil, at: at(1))
                let a = try await tx.ensurePactContent(sha: "a", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(1))
                let b = try await tx.ensurePactContent(sha: "b", consumerID: foo.id, providerID: bar.id, content: "{}", at: at(1))
                _ = try await tx.insertPublication(consumerVersionID: c1.id, providerID: bar.id, pactContentID: a.id, at: at(1))
                _ = try await tx.saveProviderContract(ProviderContractRecord(
                    providerID: bar.id, providerVersionID: p1.id, content: "{}", contentType: "application/json",
                    specification: "oas", selfVerificationSuccess: true, createdAt: at(2)))
                let plain = try await tx.insertVerification(pactContentID: a.id, providerVersionID: p1.id, success: true,
                                                            buildURL: nil, details: "{}", at: at(2))
                let firstA = try await tx.insertVerification(pactContentID: a.id, providerVersionID: p1.id, success: false,
                                                             buildURL: nil, details: "{}", at: at(3))
                let secondA = try await tx.insertVerification(pactContentID: a.id, providerVersionID: p1.id, success: true,
                                                              buildURL: nil, details: "{}", at: at(4))
                let onlyB = try await tx.insertVerification(pactContentID: b.id, providerVersionID: p1.id, success: true,
                                                            buildURL: nil, details: "{}", at: at(4))
                for (v, content, time) in [(firstA, a, 3.0), (secondA, a, 4.0), (onlyB, b, 4.0)] {
                    try await tx.insertContractComparison(ContractComparisonRecord(
                        verificationID: v.id, pactContentID: content.id, providerVersionID: p1.id,
                        results: #"[{"code":"x"}]"#, createdAt: at(time)))
                }
                #expect(try await tx.contractComparison(verificationID: plain.id) == nil, "a verifier's result is not a comparison")
                let read = try #require(try await tx.contractComparison(verificationID: secondA.id))
                #expect(read.results == #"[{"code":"x"}]"# && read.pactContentID == a.id && read.createdAt == at(4))
                #expect(try await tx.contractComparisonIDs(verificationIDs: [plain.id, firstA.id, secondA.id, onlyB.id, 999])
                        == [firstA.id, secondA.id, onlyB.id])
                #expect(try await tx.contractComparisonIDs(verificationIDs: []).isEmpty)
                #expect(try await tx.latestContractComparison(pactContentID: a.id, providerVersionID: p1.id)?.verificationID == secondA.id)
                #expect(try await tx.latestContractComparison(pactContentID: a.id, providerVersionID: c1.id) == nil)
                #expect(try await tx.contractComparisons(providerVersionID: p1.id).map(\.verificationID) == [secondA.id, onlyB.id])

                // Deleting the provider version takes its contract, its verifications and their marks with it.
                try await tx.deleteVersion(id: p1.id)
                #expect(try await tx.providerContract(providerVersionID: p1.id) == nil)
                #expect(try await tx.contractComparison(verificationID: secondA.id) == nil)
                #expect(try await tx.contractComparisonIDs(verificationIDs: [firstA.id, secondA.id, onlyB.id]).isEmpty)
                #expect(try await !tx.hasProviderContracts(providerID: bar.id))
            }
        }
    }

    /// A SQLite file of schema version 5 (before provider contracts) gains their tables when opened.
    @Test func aVersionFiveFileGainsTheProviderContractTables() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-contracts-\(UUID().uuidString).sqlite3").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let old = try SQLiteBrokerStore(path: path)
        try await old.write { tx in
            let connection = try #require(tx as? SQLiteBrokerTransaction).db
            try connection.execute("DROP TABLE contract_comparisons; DROP TABLE provider_contracts; PRAGMA user_version = 5;")
            let bar = try await tx.insertPacticipant(name: "Bar", displayName: nil, mainBranch: nil, repositoryURL: nil, at: at(0))
            _ = try await tx.insertVersion(pacticipantID: bar.id, number: "1", buildURL: nil, at: at(1))
        }
        await old.close()
        let reopened = try SQLiteBrokerStore(path: path)
        let (saved, version) = try await reopened.write { tx in
            let bar = try #require(try await tx.pacticipant(named: "Bar"))
            let v1 = try #require(try await tx.version(pacticipantID: bar.id, number: "1"))
            _ = try await tx.saveProviderContract(ProviderContractRecord(
                providerID: bar.id, providerVersionID: v1.id, content: "{}", contentType: "application/json",
                specification: "oas", selfVerificationSuccess: true, createdAt: at(2)))
            let connection = try #require(tx as? SQLiteBrokerTransaction).db
            return (try await tx.hasProviderContracts(providerID: bar.id), try connection.scalarText("PRAGMA user_version"))
        }
        #expect(saved)
        #expect(version == "6")
        await reopened.close()
    }
}
