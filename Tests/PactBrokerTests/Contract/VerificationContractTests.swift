import Foundation
import PactBroker
import PactConsumer
import PactModel
import XCTest

/// The provider side: pacts for verification, pact documents, the provider version's branch, and the results.
final class VerificationContractTests: BrokerContractTestCase {

    static let request = PactsForVerificationRequest(
        provider: "data-lpa-codes", selectors: [["mainBranch": true], ["deployedOrReleased": true]],
        providerVersionBranch: "main", includePendingStatus: true, includeWipPactsSince: "2024-01-01")

    func testFetchesThePactsToVerifyAndPublishesEachOnesResults() async throws {
        pact.indexInteraction()
        pact.pactsForVerificationInteraction()
        pact.pactDocumentInteraction(consumer: "use-an-lpa", document: BrokerPactDocuments.useAnLPA)
        pact.pactDocumentInteraction(consumer: "sirius", document: BrokerPactDocuments.sirius)
        pact.providerInteractions()
        pact.resultsInteraction(consumer: "use-an-lpa")
        pact.resultsInteraction(consumer: "sirius")

        let (steps, locations) = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url)) { client in
                let steps = try await BrokerVerificationSteps.fetch(from: client, Self.request)
                var locations: [String?] = []
                for pact in steps.downloaded {
                    let json = try JSONParser.parse(pact.pactData)
                    let results = (json["interactions"]?.arrayValue ?? []).map { interaction in
                        InteractionTestResult(interactionId: interaction["key"]?.stringValue,
                                              description: interaction["description"]?.stringValue ?? "", success: true)
                    }
                    locations.append(try await client.publish(
                        VerificationResults(providerVersion: BrokerContract.providerVersion, testResults: results),
                        for: pact, providerBranch: "main"))
                }
                return (steps, locations)
            }
        }
        XCTAssertEqual(steps.pacts.map(\.pending), [false, true])
        XCTAssertEqual(steps.pacts.map { $0.noticesBefore.count }, [2, 2])
        XCTAssertEqual(steps.pacts[0].noticesAfter(success: true, published: true).count, 1)
        XCTAssertTrue(steps.failedDownloads.isEmpty)
        let pacts = try steps.downloaded.map { try PactReader.read(data: $0.pactData) }
        XCTAssertEqual(pacts.map(\.consumer), ["use-an-lpa", "sirius"], "the broker's _links and createdAt are stripped")
        XCTAssertEqual(locations.count, 2)
        XCTAssertTrue(locations.allSatisfy { $0?.hasSuffix("/verification-results/1") == true }, "\(locations)")
    }

    func testAProviderWithoutPactsGetsAnEmptyList() async throws {
        pact.indexInteraction()
        pact.noPactsInteraction()
        var request = Self.request
        request.provider = "codes-reporting"
        let pacts = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url)) { try await $0.pactsForVerification(request) }
        }
        XCTAssertEqual(pacts, [])
    }
}
