import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// A pact cannot put a forged request line or header on the wire (issue 14, item 9).
final class RequestInjectionTests: XCTestCase {
    /// Verifies a pact with `request`; `headers`, when given, replace the request's headers after reading, as a pact
    /// built in code (not read from a file, whose reader already refuses such headers) can hold them.
    private func verify(
        _ request: String, headers: Headers? = nil, filter: RequestFilter? = nil
    ) async throws -> (InteractionResult, TestProvider, VerificationReport) {
        var pact = try Pacts.v4(Pacts.http("an injection", request: request, response: #"{"status": 200}"#))
        if let headers, case .http(var interaction) = pact.interactions[0] {
            interaction.request.headers = headers
            pact.interactions[0] = .http(interaction)
        }
        let provider = try await TestProvider.start { _ in ServerResponse(status: 200) }
        let report = await (try Verifier.against(provider.url) { $0.requestFilter = filter }).verify(pacts: [pact])
        await provider.stop()
        return (try report.single(), provider, report)
    }

    func testAMethodThatIsNotATokenFailsTheInteractionAndNothingIsSent() async throws {
        let (result, provider, report) = try await verify(#"{"method": "GET /evil HTTP/1.1\r\nX: ", "path": "/a"}"#)
        XCTAssertEqual(result.status, .error)
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.kind, .request)
        XCTAssertTrue(error.message.contains("is not an HTTP token"), error.message)
        XCTAssertTrue(provider.requests.isEmpty, "a forged request reached the provider: \(provider.requests.map(\.target))")
        let console = report.renderConsole(colour: false)
        XCTAssertFalse(console.contains("\r"), "the forged method is shown escaped, not written raw")
        XCTAssertTrue(console.contains(#"\r\n"#), console)
        XCTAssertEqual(report.exitCode, 1)
    }

    func testAHeaderValueWithALineBreakFailsTheInteractionAndNothingIsSent() async throws {
        let (result, provider, _) = try await verify(#"{"method": "GET", "path": "/a"}"#, headers: ["X-Test": ["a\r\nInjected: yes"]])
        XCTAssertEqual(result.status, .error)
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.kind, .request)
        XCTAssertTrue(error.message.contains("header 'X-Test' contains a line break"), error.message)
        XCTAssertTrue(provider.requests.isEmpty)
    }

    func testAHeaderNameThatIsNotATokenFailsTheInteraction() async throws {
        let (result, provider, _) = try await verify(#"{"method": "GET", "path": "/a"}"#, headers: ["X-Test: a\r\nX": ["b"]])
        XCTAssertEqual(result.errors.first?.kind, .request)
        XCTAssertTrue(result.errors.first?.message.contains("is not an HTTP token") ?? false, "\(result.errors)")
        XCTAssertTrue(provider.requests.isEmpty)
    }

    func testWhatTheRequestFilterLeavesIsCheckedToo() async throws {
        let (result, provider, _) = try await verify(#"{"method": "GET", "path": "/a"}"#) { request in
            request.setHeader("Authorization", "Bearer x\r\nX-Admin: true")
        }
        XCTAssertEqual(result.errors.first?.kind, .request)
        XCTAssertTrue(provider.requests.isEmpty)
    }

    func testAPactFileWithSuchAHeaderIsRefusedWhenRead() {
        XCTAssertThrowsError(try Pacts.v4(Pacts.http(
            "an injection", request: #"{"method": "GET", "path": "/a", "headers": {"X-Test": ["a\r\nInjected: yes"]}}"#,
            response: #"{"status": 200}"#))) { error in
            XCTAssertTrue("\(error)".contains("$.interactions[0].request.headers"), "\(error)")
        }
    }
}
