import Foundation
import PactConsumer
import PactModel

/// The verification interactions, shared by the contract test and the pipeline's expectations.
extension PactBuilder {
    static let selectionBody: PactBody = [
        "consumerVersionSelectors": [["mainBranch": true], ["deployedOrReleased": true]],
        "providerVersionBranch": .like("main"),
        "includePendingStatus": true,
        "includeWipPactsSince": .date("yyyy-MM-dd", example: "2024-01-01"),
    ]

    func pactsForVerificationInteraction() {
        let version = BrokerContract.consumerVersion
        uponReceiving("a request for the pacts for verification of data-lpa-codes")
            .given("use-an-lpa and sirius have published pacts with data-lpa-codes on their main branches; sirius's is pending")
            .withRequest(.post, "/pacts/provider/data-lpa-codes/for-verification",
                         headers: BrokerContract.requestHeaders(contentType: "application/json"), body: Self.selectionBody)
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "_embedded": ["pacts": [
                    BrokerContract.verifiablePact(consumer: "use-an-lpa", pending: false, notices: [
                        ("before_verification", "The pact at \(BrokerContract.pactPath(consumer: "use-an-lpa")) is being verified because the pact content belongs to the consumer version matching the following criterion:\n    * latest version from the main branch 'main' (\(version))"),
                        ("before_verification", "This pact has previously been successfully verified by data-lpa-codes. If this verification fails, it will fail the build. Read more at https://docs.pact.io/go/pending"),
                        ("after_verification:success_true_published_true", "This pact is no longer pending. Its verification result will be taken into account when deciding whether to deploy use-an-lpa."),
                    ]),
                    BrokerContract.verifiablePact(consumer: "sirius", pending: true, notices: [
                        ("before_verification", "The pact at \(BrokerContract.pactPath(consumer: "sirius")) is being verified because the pact content belongs to the consumer version matching the following criterion:\n    * latest version from the main branch 'main' (\(version))"),
                        ("before_verification", "This pact is in pending state for this version of data-lpa-codes because a successful verification result for a version of data-lpa-codes from branch 'main' has not yet been published. If this verification fails, it will not cause the overall build to fail. Read more at https://docs.pact.io/go/pending"),
                        ("after_verification:success_true_published_true", "This pact is still in pending state for data-lpa-codes version main as the successful verification results have not yet been published."),
                    ]),
                ]],
                "_links": ["self": BrokerContract.link("/pacts/provider/data-lpa-codes/for-verification", title: "Pacts to be verified")],
            ])
    }

    func pactDocumentInteraction(consumer: String, document: JSONValue) {
        let path = BrokerContract.pactPath(consumer: consumer)
        var body = document.objectValue?.dictionary.mapValues(PactValue.init) ?? [:]
        body["createdAt"] = .like("2026-11-30T09:00:00+00:00")
        body["_links"] = [
            "self": BrokerContract.link(path, name: "Pact between \(consumer) (\(BrokerContract.consumerVersion)) and data-lpa-codes", title: "Pact"),
            "pb:publish-verification-results": BrokerContract.link(path + "/verification-results", title: "Publish verification results"),
            "pb:provider": BrokerContract.link("/pacticipants/data-lpa-codes", name: "data-lpa-codes", title: "Provider"),
            "pb:consumer": BrokerContract.link("/pacticipants/\(consumer)", name: consumer, title: "Consumer"),
        ]
        uponReceiving("a request for the \(consumer) pact to verify")
            .given("\(consumer) has published a pact with data-lpa-codes")
            .withRequest(.get, .init(path), headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: .json(PactValue(body)))
    }

    func providerInteractions() {
        uponReceiving("a request for the provider data-lpa-codes")
            .given("the pacticipant data-lpa-codes exists")
            .withRequest(.get, "/pacticipants/data-lpa-codes", headers: BrokerContract.requestHeaders())
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "name": "data-lpa-codes",
                "_links": [
                    "self": BrokerContract.link("/pacticipants/data-lpa-codes"),
                    "pb:branch-version": BrokerContract.link("/pacticipants/data-lpa-codes/branches/{branch}/versions/{version}"),
                    "pb:version-tag": BrokerContract.link("/pacticipants/data-lpa-codes/versions/{version}/tags/{tag}"),
                ],
            ])
        uponReceiving("a request to add a provider version to a branch")
            .given("the pacticipant data-lpa-codes exists")
            .withRequest(.put, .regex("/pacticipants/data-lpa-codes/branches/[^/]+/versions/\(BrokerContract.sha)",
                                      example: "/pacticipants/data-lpa-codes/branches/main/versions/\(BrokerContract.providerVersion)"),
                         headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [:])
            .willRespondWith(status: 201, headers: BrokerContract.halResponse, body: [
                "_links": ["self": BrokerContract.link("/pacticipants/data-lpa-codes/branches/main/versions/\(BrokerContract.providerVersion)")],
            ])
    }

    func resultsInteraction(consumer: String) {
        let path = BrokerContract.pactPath(consumer: consumer) + "/verification-results"
        uponReceiving("a request to publish the verification results of the \(consumer) pact")
            .given("\(consumer) has published a pact with data-lpa-codes")
            .withRequest(.post, .init(path), headers: BrokerContract.requestHeaders(contentType: "application/json"), body: [
                "success": .boolean(true),
                "providerApplicationVersion": .regex(BrokerContract.sha, example: BrokerContract.providerVersion),
                "testResults": .eachLike([
                    "interactionId": .like("0f1e2d3c4b5a6978"), "interactionDescription": .like("a request to revoke a code"),
                    "success": .boolean(true),
                ]),
                "verifiedBy": ["implementation": "PactKit", "version": .like(.init(PactWriter.pactKitVersion))],
            ])
            .willRespondWith(status: 201, headers: BrokerContract.halResponse, body: [
                "providerName": "data-lpa-codes",
                "providerApplicationVersion": .like(.init(BrokerContract.providerVersion)),
                "success": .boolean(true),
                "verificationDate": .like("2026-11-30T09:05:00+00:00"),
                "_links": ["self": BrokerContract.link(path + "/1", title: "Verification result")],
            ])
    }

    func noPactsInteraction() {
        uponReceiving("a request for the pacts for verification of a provider without pacts")
            .given("the pacticipant codes-reporting exists and no consumer has published a pact with it")
            .withRequest(.post, "/pacts/provider/codes-reporting/for-verification",
                         headers: BrokerContract.requestHeaders(contentType: "application/json"), body: Self.selectionBody)
            .willRespondWith(status: 200, headers: BrokerContract.halResponse, body: [
                "_embedded": ["pacts": []],
                "_links": ["self": BrokerContract.link("/pacts/provider/codes-reporting/for-verification", title: "Pacts to be verified")],
            ])
    }
}
