import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// The request goes out exactly as the pact says and the response comes back exactly as the provider sent it, over
/// http and https.
final class ProviderTransportTests: XCTestCase {
    func testAGetWithABodyIsSentAsThePactSays() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "a search with a body",
            request: #"{"method": "GET", "path": "/search", "body": {"contentType": "application/json", "content": {"q": "codes"}}}"#,
            response: #"{"status": 200}"#))
        let provider = try await TestProvider.start { _ in ServerResponse(status: 200) }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(try report.single().status, .passed, report.renderConsole(colour: false))
        let request = try XCTUnwrap(provider.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(try JSONParser.parse(request.body), ["q": "codes"])
        XCTAssertEqual(request.header("Content-Type"), "application/json")
    }

    func testRepeatedRequestHeaderValuesAreSentAsSeparateLines() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "two values", request: #"{"method": "GET", "path": "/a", "headers": {"X-Trace": ["one", "two"]}}"#,
            response: #"{"status": 200}"#))
        let provider = try await TestProvider.start { _ in ServerResponse(status: 200) }
        _ = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(provider.requests.first?.headerValues("X-Trace"), ["one", "two"])
    }

    /// `X-TEST: 1` and `X-TEST: 1000` are two values, each matched by the rule, not the one string `1, 1000`.
    func testARuleAppliesToEachValueOfARepeatedResponseHeader() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "a repeated header", request: #"{"method": "GET", "path": "/numbers"}"#,
            response: """
                {"status": 200, "headers": {"X-TEST": ["1"]},
                 "matchingRules": {"header": {"X-TEST": {"combine": "AND", "matchers": [{"match": "regex", "regex": "\\\\d{1,4}"}]}}}}
                """))
        let passing = try await TestProvider.start { _ in ServerResponse(status: 200, headers: [("X-TEST", "1"), ("X-TEST", "1000")]) }
        let passed = await (try Verifier.against(passing.url)).verify(pacts: [pact])
        await passing.stop()
        XCTAssertEqual(try passed.single().status, .passed, passed.renderConsole(colour: false))

        let failing = try await TestProvider.start { _ in ServerResponse(status: 200, headers: [("X-TEST", "1"), ("X-TEST", "10000")]) }
        let failed = await (try Verifier.against(failing.url)).verify(pacts: [pact])
        await failing.stop()
        let result = try failed.single()
        XCTAssertEqual(result.status, .failed)
        XCTAssertEqual(result.mismatches.map(\.actual), ["10000"], "only the value that breaks the rule is reported")
    }

    func testAnHTTPSProviderIsVerifiedWithTheGivenCA() async throws {
        let provider = try await TestPeer.https { _, _ in
            PeerAnswer(status: 200, headers: [("Content-Type", "application/json")], body: #"{"ok": true}"#)
        }
        let pact = try Pacts.v4(Pacts.get("a code over https", path: "/codes/1"))
        let trusted = await (try Verifier.against(provider.url) { $0.caCertificateFile = TLSFixtures.caFile }).verify(pacts: [pact])
        let insecure = await (try Verifier.against(provider.url) { $0.disableTLSVerification = true }).verify(pacts: [pact])
        let untrusted = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(trusted.exitCode, 0, trusted.renderConsole(colour: false))
        XCTAssertEqual(insecure.exitCode, 0, insecure.renderConsole(colour: false))
        XCTAssertEqual(untrusted.exitCode, 2, "a provider whose certificate is not trusted cannot be verified")
        let error = try XCTUnwrap(untrusted.interactions.first?.errors.first)
        XCTAssertEqual(error.kind, .providerUnreachable)
        XCTAssertTrue(error.message.contains("TLS handshake failed"), error.message)
    }

    func testAnUnreadableCAFileIsAConfigurationError() throws {
        XCTAssertThrowsError(try Verifier.against(try XCTUnwrap(URL(string: "https://localhost:1"))) {
            $0.caCertificateFile = "/nonexistent/ca.pem"
        }) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/ca.pem"), "\(error)")
        }
    }

    func testTheRequestFilterSeesAndChangesTheRequest() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "a filtered request", request: #"{"method": "GET", "path": "/a", "headers": {"Authorization": ["Bearer consumer"]}}"#,
            response: #"{"status": 200}"#))
        let provider = try await TestProvider.start { _ in ServerResponse(status: 200) }
        let seen = Locked<[String]>([])
        let verifier = try Verifier.against(provider.url) { configuration in
            configuration.requestFilter = { request in
                seen.withLock { $0 = [request.method, request.url.path] + request.headerValues("authorization") }
                request.setHeader("Authorization", "Bearer provider")
                request.addHeader("X-Added", "yes")
            }
        }
        let report = await verifier.verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(seen.withLock { $0 }, ["GET", "/a", "Bearer consumer"])
        XCTAssertEqual(provider.requests.first?.headerValues("Authorization"), ["Bearer provider"])
        XCTAssertEqual(provider.requests.first?.header("X-Added"), "yes")
    }
}
