import Foundation
import PactBroker
import PactConsumer
import PactModel
import XCTest

/// Publishing: pb:publish-contracts per consumer, a conflicting publication, and the per-pact PUTs of brokers
/// without pb:publish-contracts.
final class PublishContractTests: BrokerContractTestCase {

    static let base64 = "[A-Za-z0-9+/]+={0,2}"

    static func publishInteraction(_ pact: PactBuilder, consumer: String) {
        pact.uponReceiving("a request to publish the pacts of \(consumer)")
            .withRequest(.post, "/contracts/publish", headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [
                "pacticipantName": .init(consumer),
                "pacticipantVersionNumber": .regex(BrokerContract.sha, example: BrokerContract.consumerVersion),
                "branch": .like("main"),
                "contracts": .eachLike([
                    "consumerName": .init(consumer), "providerName": "data-lpa-codes", "specification": "pact",
                    "contentType": "application/json", "content": .regex(base64, example: "eyJjb25zdW1lciI6e319"),
                ]),
            ])
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "notices": [
                    ["type": "debug", "text": .like(.init("Created \(consumer) version \(BrokerContract.consumerVersion) with branch main"))],
                    ["type": "info", "text": .like(.init("Pact published for \(consumer) version \(BrokerContract.consumerVersion) and provider data-lpa-codes."))],
                ],
                "_embedded": [
                    "pacticipant": ["name": .init(consumer)],
                    "version": ["number": .like(.init(BrokerContract.consumerVersion))],
                ],
                "_links": [
                    "pb:pacticipant-version": BrokerContract.link("/pacticipants/\(consumer)/versions/\(BrokerContract.consumerVersion)"),
                    "pb:contracts": [BrokerContract.link("/pacts/provider/data-lpa-codes/consumer/\(consumer)/version/\(BrokerContract.consumerVersion)",
                                                         name: "Pact between \(consumer) (\(BrokerContract.consumerVersion)) and data-lpa-codes", title: "Pact")],
                ],
            ])
    }

    func testPublishesTheContractsOfEachConsumer() async throws {
        pact.indexInteraction()
        Self.publishInteraction(pact, consumer: "use-an-lpa")
        Self.publishInteraction(pact, consumer: "sirius")
        let files = [try BrokerTestClients.pactFile(BrokerPactDocuments.useAnLPA, name: "use-an-lpa-data-lpa-codes.json"),
                     try BrokerTestClients.pactFile(BrokerPactDocuments.sirius, name: "sirius-data-lpa-codes.json")]
        let outcomes = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url)) { client in
                try await client.publish(PactPublication(pacts: files, consumerVersion: BrokerContract.consumerVersion, branch: "main"))
            }
        }
        XCTAssertEqual(outcomes.map(\.consumer), ["use-an-lpa", "sirius"])
        XCTAssertEqual(outcomes.map(\.usedLegacyPublishing), [false, false])
        XCTAssertEqual(outcomes[0].notices.map(\.text), [
            "Created use-an-lpa version \(BrokerContract.consumerVersion) with branch main",
            "Pact published for use-an-lpa version \(BrokerContract.consumerVersion) and provider data-lpa-codes.",
        ])
    }

    func testAConflictingPublicationShowsTheBrokersNotices() async throws {
        let message = "Cannot change the content of the pact for use-an-lpa version 1.0.0 and provider data-lpa-codes, as race conditions will cause unreliable results for can-i-deploy. Each pact must be published with a unique consumer version number. For more information see https://docs.pact.io/go/versioning"
        pact.indexInteraction()
        pact.uponReceiving("a request to publish a changed pact for an existing consumer version")
            .given("version 1.0.0 of use-an-lpa has a different pact with data-lpa-codes")
            .withRequest(.post, "/contracts/publish", headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [
                "pacticipantName": "use-an-lpa", "pacticipantVersionNumber": "1.0.0",
                "contracts": .eachLike([
                    "consumerName": "use-an-lpa", "providerName": "data-lpa-codes", "specification": "pact",
                    "contentType": "application/json", "content": .regex(Self.base64, example: "eyJjb25zdW1lciI6e319"),
                ]),
            ])
            .willRespondWith(status: 409, headers: BrokerContract.jsonResponse, body: [
                "notices": [["type": "error", "text": .like(.init(message))], ["type": "info", "text": .like("-  \"description\": \"old\"\n+  \"description\": \"new\"")]],
                "errors": ["contracts": [.like(.init(message))]],
            ])
        let file = try BrokerTestClients.pactFile(BrokerPactDocuments.useAnLPA, name: "use-an-lpa-data-lpa-codes.json")
        let error = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url)) { client in
                await brokerError { try await client.publish(PactPublication(pacts: [file], consumerVersion: "1.0.0")) }
            }
        }
        XCTAssertEqual(error?.kind, .conflict)
        XCTAssertEqual(error?.status, 409)
        XCTAssertEqual(error?.notices.map(\.type), ["error", "info"])
        XCTAssertEqual(error?.notices.first?.text, message)
    }

    func testBrokersWithoutPublishContractsGetTheBranchThenEachPact() async throws {
        let prefix = "/legacy-broker"
        let version = BrokerContract.consumerVersion
        pact.uponReceiving("a request for the index resource of a broker older than 2.86.0")
            .given("the broker is version 2.85.0, mounted under /legacy-broker")
            .withRequest(.get, .init(prefix), headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: BrokerContract.index(
                prefix: prefix, relations: ["pb:publish-pact", "pb:pacticipant-branch-version", "pb:pacticipant-version-tag",
                                            "pb:latest-provider-pacts", "pb:pacticipant-version"]))
        pact.uponReceiving("a request to add a consumer version to a branch")
            .withRequest(.put, .regex("\(prefix)/pacticipants/use-an-lpa/branches/main/versions/\(BrokerContract.sha)",
                                      example: "\(prefix)/pacticipants/use-an-lpa/branches/main/versions/\(version)"),
                         headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [:])
            .willRespondWith(status: 201, headers: BrokerContract.halResponse, body: [
                "_links": ["self": BrokerContract.link("\(prefix)/pacticipants/use-an-lpa/branches/main/versions/\(version)")],
            ])
        pact.uponReceiving("a request to publish a pact the old way")
            .withRequest(.put, .regex("\(prefix)/pacts/provider/data-lpa-codes/consumer/use-an-lpa/version/\(BrokerContract.sha)",
                                      example: "\(prefix)/pacts/provider/data-lpa-codes/consumer/use-an-lpa/version/\(version)"),
                         headers: BrokerContract.requestHeaders(contentType: "application/json"),
                         body: .json(PactValue(BrokerPactDocuments.useAnLPA)))
            .willRespondWith(status: 201, headers: BrokerContract.halResponse, body: [
                "consumer": ["name": "use-an-lpa"], "provider": ["name": "data-lpa-codes"],
                "_links": ["self": BrokerContract.link("\(prefix)/pacts/provider/data-lpa-codes/consumer/use-an-lpa/version/\(version)")],
            ])
        let file = try BrokerTestClients.pactFile(BrokerPactDocuments.useAnLPA, name: "use-an-lpa-data-lpa-codes.json")
        let outcomes = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url.appendingPathComponent("legacy-broker"))) { client in
                try await client.publish(PactPublication(pacts: [file], consumerVersion: version, branch: "main"))
            }
        }
        XCTAssertEqual(outcomes.map(\.usedLegacyPublishing), [true])
        XCTAssertEqual(outcomes.first?.notices.map(\.text), [
            "Added use-an-lpa version \(version) to branch main",
            "Published the pact between use-an-lpa version \(version) and data-lpa-codes",
        ])
    }
}
