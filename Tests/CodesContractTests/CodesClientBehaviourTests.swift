import CodesClient
import Foundation
import PactConsumer
import PactModel
import XCTest

/// How `CodesClient` builds requests and maps answers the real service should never give (wrong statuses, broken
/// bodies), against the mock provider. These pacts go to a temporary folder, never to the committed `pacts/`.
final class CodesClientBehaviourTests: XCTestCase {
    private var directory: URL!
    private var pact: PactBuilder!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("codes-client-\(UUID().uuidString)")
        pact = PactBuilder(consumer: "codes-client-tests", provider: ContractPacts.provider, directory: directory)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func revokeAnswering(status: Int, contentType: String = CodesAPI.errorContentType, body: PactValue) {
        pact.uponReceiving("a revoke answered \(status)")
            .withRequest(.post, "/v1/revoke", body: ["code": "YRMGK7DP3QTV"])
            .willRespondWith(status: .init(status), headers: ["Content-Type": .init(contentType)], body: .json(body))
    }

    func testServerErrorIsAnAPIErrorCarryingTheBody() async throws {
        revokeAnswering(status: 500, body: ["errors": [["code": "OPGDATA-API-SERVERERROR", "title": "Internal server error"]]])
        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).revoke(code: "YRMGK7DP3QTV") }
        }
        guard case .api(let status, let body)? = error else { return XCTFail("expected an API error, got \(String(describing: error))") }
        XCTAssertEqual(status, 500)
        XCTAssertTrue(body.contains("OPGDATA-API-SERVERERROR"), body)
        XCTAssertEqual(error?.apiErrors, [CodesAPIError(code: "OPGDATA-API-SERVERERROR", title: "Internal server error")])
    }

    func testGatewayErrorWithoutAnErrorListIsAnAPIErrorWithNoParsedEntries() async throws {
        // The gateway's templates put one object, not a list, under "errors" (SPEC.md §2.11).
        revokeAnswering(status: 403, contentType: "application/json",
                        body: ["errors": ["code": "OPGDATA-API-FORBIDDEN", "title": "Forbidden"]])
        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).revoke(code: "YRMGK7DP3QTV") }
        }
        guard case .api(403, let body)? = error else { return XCTFail("expected a 403 API error, got \(String(describing: error))") }
        XCTAssertTrue(body.contains("OPGDATA-API-FORBIDDEN"), body)
        XCTAssertEqual(error?.apiErrors, [])
    }

    func testNotFoundOnAnyEndpointIsNotFound() async throws {
        revokeAnswering(status: 404, body: ["errors": [["code": "OPGDATA-API-NOTFOUND", "title": "Not found"]]])
        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).revoke(code: "YRMGK7DP3QTV") }
        }
        XCTAssertEqual(error, .notFound)
    }

    func testSuccessWithAnotherBodyIsAnUnexpectedResponseNamingTheKey() async throws {
        revokeAnswering(status: 200, contentType: "application/json", body: ["codes_revoked": 1])
        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).revoke(code: "YRMGK7DP3QTV") }
        }
        guard case .unexpectedResponse(let endpoint, let reason, _)? = error else {
            return XCTFail("expected an unexpected-response error, got \(String(describing: error))")
        }
        XCTAssertEqual(endpoint, "revoke")
        XCTAssertTrue(reason.contains("codes revoked"), reason)
    }

    func testCreateAnsweredWithFewerCodesThanRequestedFails() async throws {
        pact.uponReceiving("a create that loses an entry")
            .withRequest(.post, "/v1/create", body: ["lpas": [
                ["lpa": "700000000047", "actor": "700000000054", "dob": "1960-06-05"],
                ["lpa": "700000000047", "actor": "700000000061", "dob": "1970-01-31"],
            ]])
            .willRespondWith(status: 200, body: ["codes": [["lpa": "700000000047", "actor": "700000000054", "code": "YRMGK7DP3QTV"]]])
        let entries = [CodeRequest(lpa: "700000000047", actor: "700000000054", dob: "1960-06-05"),
                       CodeRequest(lpa: "700000000047", actor: "700000000061", dob: "1970-01-31")]
        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).createCodes(entries) }
        }
        guard case .unexpectedResponse("create", let reason, _)? = error else {
            return XCTFail("expected an unexpected-response error, got \(String(describing: error))")
        }
        XCTAssertTrue(reason.contains("2 codes requested, 1 returned"), reason)
    }

    func testEmptyCodeDetailsListIsAnUnexpectedResponse() async throws {
        pact.uponReceiving("code details answered with an empty list")
            .withRequest(.post, "/v1/code", body: ["code": "YRMGK7DP3QTV"])
            .willRespondWith(status: 200, body: [])
        let error = try await pact.run { mock in
            await caughtError { () async throws(CodesClientError) in try await CodesAPI.client(mock.url).codeDetails(code: "YRMGK7DP3QTV") }
        }
        guard case .unexpectedResponse("code", _, _)? = error else {
            return XCTFail("expected an unexpected-response error, got \(String(describing: error))")
        }
    }

    func testSendsConfiguredHeadersUnderTheBaseURLPath() async throws {
        pact.uponReceiving("an exists call through a gateway prefix")
            .withRequest(.post, "/gateway/v1/exists", headers: [
                "Accept": "application/vnd.opg-data.v1+json,application/json", "Content-Type": "application/json",
                "Authorization": "Bearer secret-token", "x-amzn-trace-id": "Root=1-abc",
            ], body: ["lpa": "M-1234-1234-1234", "actor": "9a619d46-8712-4bfb-a49f-c14914ff319d"])
            .willRespondWith(status: 200, body: ["Created": "2025-11-11"])
        let existence = try await pact.run { mock in
            let client = CodesClient(baseURL: mock.url.appendingPathComponent("gateway/"), authorization: "Bearer secret-token")
            return try await client.withTraceID("Root=1-abc")
                .exists(lpa: "M-1234-1234-1234", actor: "9a619d46-8712-4bfb-a49f-c14914ff319d")
        }
        XCTAssertEqual(existence, CodeExistence(created: "2025-11-11"))
    }

    func testNothingToCreateSendsNothing() async throws {
        // Port 1 refuses connections: any request would fail, so an empty answer proves none was sent.
        let client = try CodesClient(baseURL: XCTUnwrap(URL(string: "http://127.0.0.1:1")))
        let codes = try await client.createCodes([])
        XCTAssertEqual(codes, [])
    }

    func testBatchSizeBelowOneIsRefusedBeforeSending() async throws {
        let client = try CodesClient(baseURL: XCTUnwrap(URL(string: "http://127.0.0.1:1")))
        let error = await caughtError { () async throws(CodesClientError) in
            try await client.createCodes([CodeRequest(lpa: "700000000047", actor: "700000000054", dob: "1960-06-05")], batchSize: 0)
        }
        XCTAssertEqual(error, .invalidRequest("batchSize must be at least 1, got 0"))
    }

    func testUnreachableServiceIsATransportError() async throws {
        let client = try CodesClient(baseURL: XCTUnwrap(URL(string: "http://127.0.0.1:1")))
        let error = await caughtError { () async throws(CodesClientError) in try await client.revoke(code: "YRMGK7DP3QTV") }
        guard case .transport(let reason)? = error else { return XCTFail("expected a transport error, got \(String(describing: error))") }
        XCTAssertTrue(reason.contains("/v1/revoke"), reason)
    }
}
