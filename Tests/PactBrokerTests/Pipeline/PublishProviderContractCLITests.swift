import Foundation
import HTTPServerCore
import PactModel
import XCTest

/// `pactkit publish-provider-contract` against a fake broker: the flags become the body, the notices are printed,
/// and bad usage, missing files and refusals end with the right exit code and message.
final class PublishProviderContractCLITests: XCTestCase {
    static let index = #"{"_links": {"pf:publish-provider-contract": {"href": "/provider-contracts/provider/{provider}/publish", "templated": true}}}"#
    static let published = #"{"notices": [{"type": "success", "text": "Provider contract published for Bar version 1"}, {"type": "info", "text": "Compared with 2 pacts"}], "_embedded": {"version": {"number": "1"}}}"#

    private func run(_ arguments: [String], answer: String = published, status: Int = 200, index: String = index)
        async throws -> (Pactkit.Result, [ServerRequest])
    {
        let broker = try await FakeBroker { request, _ in
            request.method == "GET" ? FakeBroker.hal(index) : FakeBroker.hal(answer, status: status)
        }
        let result = try await Pactkit.run(["publish-provider-contract"] + arguments
            + ["--broker-base-url", broker.url.absoluteString, "--no-colour"], environment: ["PACT_BROKER_HTTP_RETRIES": "0"])
        await broker.stop()
        return (result, broker.requests)
    }

    private func contract(_ name: String = "oas.yml") throws -> String {
        try ProviderContractPublishContractTests.file(ProviderContractPublishContractTests.document, name: name, for: self)
    }

    private func postedBody(_ requests: [ServerRequest]) throws -> JSONValue {
        let post = try XCTUnwrap(requests.first { $0.method == "POST" })
        XCTAssertEqual(post.path, "/provider-contracts/provider/Bar/publish")
        return try JSONParser.parse(post.body)
    }

    func testTheFlagsBecomeTheBodyAndTheNoticesArePrinted() async throws {
        let results = try ProviderContractPublishContractTests.file(ProviderContractPublishContractTests.results, name: "results.txt", for: self)
        let (result, requests) = try await run([
            try contract(), "--provider", "Bar", "--provider-app-version", "1", "--branch", "main", "--tag", "dev", "-t", "prod",
            "--verification-exit-code", "0", "--verification-results", results, "--verification-results-content-type", "text/plain",
            "--verification-results-format", "text", "--verifier", "schemathesis", "--verifier-version", "3.39.0",
            "--build-url", "https://ci.example.com/builds/42",
        ])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "Provider contract published for Bar version 1\nCompared with 2 pacts\n")
        XCTAssertEqual(try postedBody(requests), [
            "pacticipantVersionNumber": "1", "branch": "main", "tags": ["dev", "prod"], "buildUrl": "https://ci.example.com/builds/42",
            "contract": [
                "content": .string(ProviderContractPublishContractTests.documentBase64), "contentType": "application/yaml",
                "specification": "oas",
                "selfVerificationResults": [
                    "success": true, "content": .string(ProviderContractPublishContractTests.resultsBase64), "contentType": "text/plain",
                    "format": "text", "verifier": "schemathesis", "verifierVersion": "3.39.0",
                ],
            ],
        ])
    }

    func testEachFailureFlagSendsAFailedSelfVerification() async throws {
        for flag in [["--verification-failure"], ["--no-verification-success"], ["--verification-exit-code", "3"]] {
            let (result, requests) = try await run([try contract("oas.json"), "--provider", "Bar", "-a", "1"] + flag)
            XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
            let body = try postedBody(requests)
            XCTAssertEqual(body["contract"]?["selfVerificationResults"], ["success": false], "\(flag)")
            XCTAssertEqual(body["contract"]?["contentType"], "application/json", "from the .json extension")
            XCTAssertNil(body["branch"])
            XCTAssertNil(body["tags"])
        }
        let (result, requests) = try await run([try contract(), "--provider", "Bar", "-a", "1", "--verification-success",
                                                "--content-type", "application/vnd.oai.openapi"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let body = try postedBody(requests)
        XCTAssertEqual(body["contract"]?["selfVerificationResults"], ["success": true])
        XCTAssertEqual(body["contract"]?["contentType"], "application/vnd.oai.openapi")
    }

    func testExactlyOneVerificationResultIsRequired() async throws {
        let file = try contract()
        for (flags, message) in [
            ([String](), "give the provider's own verification result: --verification-success, --verification-failure or --verification-exit-code N"),
            (["--verification-success", "--verification-exit-code", "0"],
             "give only one of --verification-success, --verification-failure and --verification-exit-code"),
            (["--verification-success", "--verification-failure"],
             "give only one of --verification-success, --verification-failure and --verification-exit-code"),
        ] {
            let (result, requests) = try await run([file, "--provider", "Bar", "-a", "1"] + flags)
            XCTAssertEqual(result.status, 64, "\(flags): " + result.stdout + result.stderr)
            XCTAssertTrue(result.stderr.contains(message), "\(flags): " + result.stderr)
            XCTAssertTrue(requests.isEmpty, "nothing is asked")
        }
    }

    func testAMissingFileIsNamedAndNothingIsSent() async throws {
        let (result, requests) = try await run(["/nonexistent/oas.yaml", "--provider", "Bar", "-a", "1", "--verification-success"])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("the provider contract file '/nonexistent/oas.yaml' was not found (no such file); nothing was published"),
                      result.stderr)
        XCTAssertTrue(requests.isEmpty)
        let (missingResults, sent) = try await run([try contract(), "--provider", "Bar", "-a", "1", "--verification-success",
                                                    "--verification-results", "/nonexistent/results.xml"])
        XCTAssertEqual(missingResults.status, 1)
        XCTAssertTrue(missingResults.stderr.contains("the verification results file '/nonexistent/results.xml' was not found"), missingResults.stderr)
        XCTAssertTrue(sent.isEmpty)
    }

    func testJSONOutputIsTheBrokersAnswerAsReceived() async throws {
        let (result, _) = try await run([try contract(), "--provider", "Bar", "-a", "1", "--verification-success", "--output", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, Self.published + "\n")
    }

    func testARefusalListsTheErrorsByField() async throws {
        let (result, _) = try await run([try contract(), "--provider", "Bar", "-a", "1", "--verification-success"],
                                        answer: #"{"errors": {"contract.content": ["is not valid base64"], "contract.specification": ["must be oas"]}}"#,
                                        status: 400)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("pactkit publish-provider-contract: the Pact Broker rejected the request (400) (POST "), result.stderr)
        XCTAssertTrue(result.stderr.contains("\n  contract.content: is not valid base64\n  contract.specification: must be oas"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testABrokerWithoutProviderContractsIsNamed() async throws {
        let (result, requests) = try await run([try contract(), "--provider", "Bar", "-a", "1", "--verification-success"],
                                               index: #"{"_links": {}}"#)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("does not support provider contracts (no pf:publish-provider-contract relation in its index)"),
                      result.stderr)
        XCTAssertEqual(requests.map(\.method), ["GET"])
    }
}
