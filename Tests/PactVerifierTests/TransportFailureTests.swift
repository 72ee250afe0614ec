import Foundation
import HTTPServerCore
import PactVerifier
import XCTest

/// Providers that do not answer properly: they close the connection, never answer, or are not there.
final class TransportFailureTests: XCTestCase {
    func testAProviderThatClosesTheConnectionIsAnError() async throws {
        let server = try ClosingServer()
        defer { server.stop() }
        let verifier = try Verifier.against(try XCTUnwrap(URL(string: "http://127.0.0.1:\(server.port)")))
        let report = await verifier.verify(pacts: [try Pacts.v4(Pacts.get("a code", path: "/codes/1"))])
        let result = try report.single()
        XCTAssertEqual(result.status, .error)
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.kind, .transport)
        XCTAssertTrue(error.message.contains("GET http://127.0.0.1:\(server.port)/codes/1"), error.message)
        XCTAssertTrue(error.message.contains("the connection was closed before a complete answer arrived"), error.message)
        XCTAssertEqual(report.exitCode, 1)
    }

    func testAProviderThatNeverAnswersTimesOutAndIsARunError() async throws {
        let provider = try await TestProvider.startAsync { _ in
            try? await Task.sleep(for: .seconds(60))
            return ServerResponse(status: 200)
        }
        let verifier = try Verifier.against(provider.url, timeout: .milliseconds(300))
        let report = await verifier.verify(pacts: [try Pacts.v4(Pacts.get("a slow code", path: "/slow"))])
        await provider.stop()
        let result = try report.single()
        XCTAssertEqual(result.status, .error)
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.kind, .timeout)
        XCTAssertTrue(error.message.contains("/slow: no complete answer within 300 ms"), error.message)
        XCTAssertEqual(report.exitCode, 2, "a provider that answers nothing within the timeout is a run error")
    }

    func testAnUnreachableProviderIsARunError() async throws {
        let port = try ClosingServer.unusedPort()
        let verifier = try Verifier.against(try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)")))
        let report = await verifier.verify(pacts: [try Pacts.v4(Pacts.get("a", path: "/a"), Pacts.get("b", path: "/b"))])
        XCTAssertEqual(report.interactions.map(\.status), [.error, .error])
        let error = try XCTUnwrap(report.interactions.first?.errors.first)
        XCTAssertEqual(error.kind, .providerUnreachable)
        XCTAssertTrue(error.message.contains("cannot connect to the provider"), error.message)
        XCTAssertEqual(report.exitCode, 2)
    }

    func testABadBaseURLIsRejectedUpFront() throws {
        XCTAssertThrowsError(try Verifier.against(try XCTUnwrap(URL(string: "ftp://example.com")))) { error in
            XCTAssertTrue("\(error)".contains("must be an http or https URL"), "\(error)")
        }
        XCTAssertThrowsError(try Verifier.against(try XCTUnwrap(URL(string: "http://localhost:1")), timeout: .zero))
    }
}
