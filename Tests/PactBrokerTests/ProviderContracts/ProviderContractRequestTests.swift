import Foundation
import HTTPServerCore
import PactBroker
import PactModel
import XCTest

/// The provider contract publication's body, its files, and what the client does with a broker that lacks the
/// relation or refuses the contract.
final class ProviderContractRequestTests: XCTestCase {
    private func contract(_ text: String = "openapi: 3.0.3\n", name: String = "oas.yaml") throws -> ProviderContractFile {
        try ProviderContractFile.read(path: try ProviderContractPublishContractTests.file(text, name: name, for: self))
    }

    func testTheBodyEncodesBothContentsInBase64WithEveryFieldGiven() throws {
        let publication = ProviderContractPublication(
            provider: "Bar", providerVersion: "1", branch: "main", tags: ["dev", "prod"], buildURL: "http://build",
            contract: ProviderContractFile(path: "oas.yaml", content: Data("---\nsome: contract\n".utf8), contentType: "application/yaml"),
            selfVerification: SelfVerificationResults(success: true, content: Data("some results".utf8), contentType: "text/plain",
                                                      format: "text", verifier: "my custom tool", verifierVersion: "1.0"))
        // The body of the Ruby client's own contract test (pact_broker-client's pactflow_publish_provider_contract_spec).
        let expected = try JSONParser.parse(Data("""
            {"pacticipantVersionNumber": "1", "tags": ["dev", "prod"], "branch": "main", "buildUrl": "http://build",
             "contract": {"content": "LS0tCnNvbWU6IGNvbnRyYWN0Cg==", "contentType": "application/yaml", "specification": "oas",
               "selfVerificationResults": {"success": true, "content": "c29tZSByZXN1bHRz", "contentType": "text/plain",
                 "format": "text", "verifier": "my custom tool", "verifierVersion": "1.0"}}}
            """.utf8))
        XCTAssertEqual(publication.body, expected)
    }

    func testAbsentFieldsAreLeftOut() {
        let publication = ProviderContractPublication(
            provider: "Bar", providerVersion: "2",
            contract: ProviderContractFile(path: "oas.json", content: Data("{}".utf8), contentType: "application/json"),
            selfVerification: SelfVerificationResults(success: false))
        XCTAssertEqual(publication.body, [
            "pacticipantVersionNumber": "2",
            "contract": ["content": "e30=", "contentType": "application/json", "specification": "oas",
                         "selfVerificationResults": ["success": .bool(false)]],
        ])
    }

    func testLongContentIsEncodedWithoutLineBreaks() {
        let content = Data(repeating: 0x61, count: 200)
        let publication = ProviderContractPublication(
            provider: "Bar", providerVersion: "1",
            contract: ProviderContractFile(path: "oas.yaml", content: content, contentType: "application/yaml"),
            selfVerification: SelfVerificationResults(success: true))
        let encoded = publication.body["contract"]?["content"]?.stringValue ?? ""
        XCTAssertFalse(encoded.contains("\n") || encoded.contains("\r"), encoded)
        XCTAssertEqual(Data(base64Encoded: encoded), content)
    }

    func testTheContentTypeFollowsTheExtensionOrTheContent() throws {
        XCTAssertEqual(try contract(name: "oas.yaml").contentType, "application/yaml")
        XCTAssertEqual(try contract(name: "OAS.YML").contentType, "application/yaml")
        XCTAssertEqual(try contract(#"{"openapi": "3.1.0"}"#, name: "oas.json").contentType, "application/json")
        XCTAssertEqual(try contract("\n  {\"swagger\": \"2.0\"}", name: "swagger.txt").contentType, "application/json")
        XCTAssertEqual(try contract("openapi: 3.0.3\n", name: "openapi").contentType, "application/yaml")
        let given = try ProviderContractFile.read(path: try ProviderContractPublishContractTests.file("{}", name: "oas.json", for: self),
                                                  contentType: "application/vnd.oai.openapi+json")
        XCTAssertEqual(given.contentType, "application/vnd.oai.openapi+json")
        XCTAssertEqual(given.content, Data("{}".utf8), "the bytes are sent as they are")
        XCTAssertEqual(given.specification, "oas")
    }

    func testAMissingContractFileIsNamed() {
        XCTAssertThrowsError(try ProviderContractFile.read(path: "/nonexistent/oas.yaml")) { error in
            XCTAssertEqual((error as? BrokerError)?.kind, .invalidInput)
            XCTAssertEqual((error as? BrokerError)?.reason, "the provider contract file '/nonexistent/oas.yaml' was not found (no such file)")
        }
        XCTAssertThrowsError(try ProviderContractFile.read(path: FileManager.default.temporaryDirectory.path)) { error in
            XCTAssertTrue((error as? BrokerError)?.reason.hasSuffix("is a directory, not a file") == true, "\(error)")
        }
    }

    func testAMissingResultsFileIsNamed() {
        XCTAssertThrowsError(try SelfVerificationResults.readContent(path: "/nonexistent/results.xml")) { error in
            XCTAssertEqual((error as? BrokerError)?.reason, "the verification results file '/nonexistent/results.xml' was not found (no such file)")
        }
    }

    private func publication() throws -> ProviderContractPublication {
        ProviderContractPublication(provider: "Pricing Service", providerVersion: "1", contract: try contract(),
                                    selfVerification: SelfVerificationResults(success: true))
    }

    private func client(_ url: URL) throws -> PactBrokerClient {
        try PactBrokerClient(configuration: BrokerConfiguration(baseURL: url, retry: RetryPolicy(retries: 3, backoff: .milliseconds(5)),
                                                                timeout: .seconds(5)))
    }

    func testABrokerWithoutTheRelationDoesNotSupportProviderContracts() async throws {
        let fake = try await FakeBroker { _, _ in FakeBroker.hal(#"{"_links": {"pb:publish-contracts": {"href": "/contracts/publish"}}}"#) }
        let broker = try client(fake.url)
        let publication = try publication()
        let error = await brokerError { try await broker.publishProviderContract(publication) }
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(error?.kind, .unsupported)
        XCTAssertEqual(error?.reason, "the broker at \(fake.url.absoluteString) does not support provider contracts "
            + "(no pf:publish-provider-contract relation in its index)")
        XCTAssertEqual(fake.requests.map(\.method), ["GET"], "nothing is posted")
    }

    func testARefusalListsTheBrokersErrorsByFieldAndIsNotRetried() async throws {
        let fake = try await FakeBroker { request, _ in
            request.method == "GET"
                ? FakeBroker.hal(#"{"_links": {"pf:publish-provider-contract": {"href": "/provider-contracts/provider/{provider}/publish", "templated": true}}}"#)
                : FakeBroker.hal(#"{"errors": {"contract.content": ["is not a readable OpenAPI document: oas.yaml 3:7: mapping values are not allowed here"], "pacticipantVersionNumber": ["is missing"]}}"#, status: 400)
        }
        let broker = try client(fake.url)
        let publication = try publication()
        let error = await brokerError { try await broker.publishProviderContract(publication) }
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(error?.kind, .rejected)
        XCTAssertEqual(error?.status, 400)
        XCTAssertEqual(error?.messages, ["contract.content: is not a readable OpenAPI document: oas.yaml 3:7: mapping values are not allowed here",
                                        "pacticipantVersionNumber: is missing"])
        let posts = fake.requests.filter { $0.method == "POST" }
        XCTAssertEqual(posts.map(\.target), ["/provider-contracts/provider/Pricing%20Service/publish"], "{provider} encoded; one POST")
        let accept = posts.first?.headers.first { $0.name.lowercased() == "accept" }?.value
        XCTAssertEqual(accept, "application/hal+json,application/problem+json")
        XCTAssertEqual(try posts.first.map { try JSONParser.parse($0.body) }, publication.body)
    }

    func testAProblemJSONRefusalNamesTheFieldsOfItsPointers() async throws {
        let fake = try await FakeBroker { request, _ in
            request.method == "GET"
                ? FakeBroker.hal(#"{"_links": {"pf:publish-provider-contract": {"href": "/provider-contracts/provider/{provider}/publish"}}}"#)
                : ServerResponse(status: 400, headers: [("Content-Type", "application/problem+json")], body: Data(#"""
                    {"title": "Validation errors", "type": "http://broker/problems/validation-error", "status": 400, "instance": "/",
                     "errors": [{"type": "http://broker/problems/invalid-body-property-value", "title": "Invalid body parameter",
                                 "detail": "is not valid base64", "pointer": "/contract/content"},
                                {"title": "Invalid body parameter", "detail": "must be oas", "pointer": "/contract/specification"}]}
                    """#.utf8))
        }
        let broker = try client(fake.url)
        let publication = try publication()
        let error = await brokerError { try await broker.publishProviderContract(publication) }
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(error?.kind, .rejected)
        XCTAssertEqual(error?.messages, ["contract.content: is not valid base64", "contract.specification: must be oas"])
    }

    func testWithoutNoticesTheOutcomeSaysWhatWasPublished() async throws {
        let fake = try await FakeBroker { request, _ in
            request.method == "GET"
                ? FakeBroker.hal(#"{"_links": {"pf:publish-provider-contract": {"href": "/provider-contracts/provider/{provider}/publish"}}}"#)
                : FakeBroker.hal(#"{"_links": {}}"#)
        }
        let broker = try client(fake.url)
        let publication = try publication()
        let outcome = try await broker.publishProviderContract(publication)
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(outcome.notices, [BrokerNotice(type: "success", text: "Published the provider contract for Pricing Service version 1")])
        XCTAssertEqual(outcome.body, #"{"_links": {}}"#)
        XCTAssertNil(outcome.contractURL)
    }
}
