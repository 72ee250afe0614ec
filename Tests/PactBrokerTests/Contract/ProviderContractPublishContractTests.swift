import Foundation
import PactBroker
import PactConsumer
import PactModel
import XCTest

/// Publishing a provider contract, as PactFlow's clients do: `pf:publish-provider-contract` found in the index,
/// `{provider}` filled in, and one POST of the base64-encoded document with the self-verification results.
final class ProviderContractPublishContractTests: BrokerContractTestCase {
    static let document = "openapi: 3.0.3\ninfo:\n  title: data-lpa-codes\n  version: 1.0.0\npaths: {}\n"
    static let documentBase64 = "b3BlbmFwaTogMy4wLjMKaW5mbzoKICB0aXRsZTogZGF0YS1scGEtY29kZXMKICB2ZXJzaW9uOiAxLjAuMApwYXRoczoge30K"
    static let results = "15 examples, 0 failures\n"
    static let resultsBase64 = "MTUgZXhhbXBsZXMsIDAgZmFpbHVyZXMK"

    /// Writes `text` to a scratch file called `name`, removed when `test` ends.
    static func file(_ text: String, name: String, for test: XCTestCase) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-provider-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func testPublishesTheContractWithItsSelfVerificationResults() async throws {
        let version = BrokerContract.providerVersion
        let path = "/provider-contracts/provider/data-lpa-codes/publish"
        pact.indexInteraction()
        pact.uponReceiving("a request to publish a provider contract")
            .withRequest(.post, .init(path), headers: [
                "Accept": "application/hal+json,application/problem+json", "Content-Type": "application/json",
                "Authorization": .init(BrokerContract.basicAuthorization),
            ], body: [
                "pacticipantVersionNumber": .init(version),
                "tags": ["dev"],
                "branch": "main",
                "buildUrl": "https://ci.example.com/builds/42",
                "contract": [
                    "content": .init(Self.documentBase64),
                    "contentType": "application/yaml",
                    "specification": "oas",
                    "selfVerificationResults": [
                        "success": true,
                        "content": .init(Self.resultsBase64),
                        "contentType": "text/plain",
                        "format": "text",
                        "verifier": "schemathesis",
                        "verifierVersion": "3.39.0",
                    ],
                ],
            ])
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "notices": .eachLike(["type": "success", "text": .like(.init("Provider contract published for data-lpa-codes version \(version)"))]),
                "_embedded": ["version": ["number": .init(version)]],
                "_links": [
                    "pb:pacticipant-version-tags": [BrokerContract.link("/pacticipants/data-lpa-codes/versions/\(version)/tags/dev", name: "dev")],
                    "pb:branch-version": BrokerContract.link("/pacticipants/data-lpa-codes/branches/main/versions/\(version)", name: "main"),
                    "pf:provider-contract": BrokerContract.link("/provider-contracts/provider/data-lpa-codes/version/\(version)"),
                ],
            ])
        let contract = try ProviderContractFile.read(path: try Self.file(Self.document, name: "data-lpa-codes.yaml", for: self))
        let output = try SelfVerificationResults.readContent(path: try Self.file(Self.results, name: "results.txt", for: self))
        let publication = ProviderContractPublication(
            provider: "data-lpa-codes", providerVersion: version, branch: "main", tags: ["dev"],
            buildURL: "https://ci.example.com/builds/42", contract: contract,
            selfVerification: SelfVerificationResults(success: true, content: output, contentType: "text/plain", format: "text",
                                                      verifier: "schemathesis", verifierVersion: "3.39.0"))
        let outcome = try await pact.run { mock in
            try await BrokerTestClients.with(try BrokerTestClients.client(mock.url)) { client in
                try await client.publishProviderContract(publication)
            }
        }
        XCTAssertEqual(outcome.notices.map(\.text), ["Provider contract published for data-lpa-codes version \(version)"])
        XCTAssertEqual(outcome.notices.map(\.type), ["success"])
        XCTAssertEqual(outcome.json?["_embedded"]?["version"]?["number"], .string(version))
        XCTAssertTrue(outcome.contractURL?.absoluteString.hasSuffix("/provider-contracts/provider/data-lpa-codes/version/\(version)") == true,
                      String(describing: outcome.contractURL))
    }
}
