import Foundation
import HTTPServerCore
import PactBroker
import PactModel
import PactVerifier
import XCTest

/// Verifying from a Pact Broker as a library call: what a Swift provider test gets in process.
final class BrokerVerificationTests: XCTestCase {
    /// A broker selecting a passing pact, a pending failing one and a WIP one, with notices, recording results.
    private static func broker() async throws -> TestProvider {
        try await TestProvider.start { request in
            let base = "http://\(request.header("Host") ?? "")"
            func pact(_ consumer: String, id: Int) -> ServerResponse {
                .json(#"{"consumer": {"name": "\#(consumer)"}, "provider": {"name": "api"}, "metadata": {"pactSpecification": {"version": "4.0"}}, "interactions": [{"type": "Synchronous/HTTP", "key": "k-\#(consumer)", "description": "thing \#(id)", "request": {"method": "GET", "path": "/thing"}, "response": {"status": 200, "body": {"contentType": "application/json", "content": {"id": \#(id)}}}}], "_links": {"pb:publish-verification-results": {"href": "\#(base)/results/\#(consumer)"}}}"#)
            }
            switch (request.method, request.path) {
            case ("GET", "/"):
                return .json(#"{"_links": {"pb:provider-pacts-for-verification": {"href": "\#(base)/pacts/provider/{provider}/for-verification"}}}"#)
            case ("POST", "/pacts/provider/api/for-verification"):
                let notices = #"[{"when": "before_verification", "text": "checking"}, {"when": "after_verification:success_false_published_true", "type": "warning", "text": "still pending"}]"#
                return .json(#"{"_embedded": {"pacts": [{"verificationProperties": {"pending": false}, "_links": {"self": {"href": "\#(base)/pacts/web", "name": "Pact between web and api"}}}, {"verificationProperties": {"pending": true, "notices": \#(notices)}, "_links": {"self": {"href": "\#(base)/pacts/ios", "name": "Pact between ios and api"}}}, {"verificationProperties": {"pending": true, "wip": true}, "_links": {"self": {"href": "\#(base)/pacts/cli", "name": "Pact between cli and api"}}}]}}"#)
            case ("GET", "/pacts/web"): return pact("web", id: 1)
            case ("GET", "/pacts/ios"): return pact("ios", id: 2)
            case ("GET", "/pacts/cli"): return pact("cli", id: 3)
            case ("POST", let path) where path.hasPrefix("/results/"): return .json(#"{"_links": {"self": {"href": "\#(base)\#(path)/1"}}}"#, status: 201)
            default: return .json(#"{"error": "not found"}"#, status: 404)
            }
        }
    }

    func testEverySelectedPactIsVerifiedAndItsResultsPublishedWithTheBrokersNotices() async throws {
        let broker = try await Self.broker()
        let provider = try await TestProvider.start { _ in .json(#"{"id": 1}"#) }
        let verifier = try Verifier.against(provider.url)
        let run = try await verifier.verify(BrokerVerificationSource(
            broker: BrokerConfiguration(baseURL: broker.url, retry: RetryPolicy(retries: 0)),
            request: PactsForVerificationRequest(provider: "api", includePendingStatus: true, includeWipPactsSince: "2026-01-01"),
            publication: ProviderVersionPublication(version: "1.0.0")))
        await provider.stop()
        await broker.stop()

        XCTAssertEqual(run.selected.map(\.name), ["Pact between web and api", "Pact between ios and api", "Pact between cli and api"])
        XCTAssertEqual(run.verification.pacts.map(\.consumer), ["web", "ios", "cli"], "every selected pact is verified")
        XCTAssertEqual(run.verification.interactions.map(\.status), [.passed, .pendingFailed, .pendingFailed])
        XCTAssertEqual(run.exitCode, 0, "pending and WIP failures do not fail the run")
        XCTAssertEqual(run.publications.map(\.success), [true, false, false])
        let published = try broker.requests.filter { $0.path.hasPrefix("/results/") }.map { ($0.path, try JSONParser.parse($0.body)) }
        XCTAssertEqual(published.map(\.0), ["/results/web", "/results/ios", "/results/cli"])
        XCTAssertEqual(published.map { $0.1["success"] }, [true, false, false])
        XCTAssertEqual(published.first?.1["testResults"], [["interactionId": "k-web", "interactionDescription": "thing 1", "success": true]])

        let console = run.renderConsole(colour: false)
        for expected in ["Pact between ios and api [pending]\n  checking", "Pact between cli and api [pending] [WIP]",
                         "3 pact(s), 3 interaction(s), 1 passed, 0 failed, 2 pending",
                         "Published verification results for Pact between web and api: \(broker.url.absoluteString)/results/web/1",
                         "Published verification results for Pact between ios and api: \(broker.url.absoluteString)/results/ios/1\nstill pending"] {
            XCTAssertTrue(console.contains(expected), "missing '\(expected)' in:\n\(console)")
        }
        XCTAssertTrue(run.renderConsole(colour: true).contains("\u{1B}[33mstill pending\u{1B}[0m"), "warnings are yellow")
    }

    func testABrokerThatSelectsNothingSaysSoAndFailsOnlyWhenAsked() async throws {
        let broker = try await TestProvider.start { request in
            let base = "http://\(request.header("Host") ?? "")"
            return request.path == "/"
                ? .json(#"{"_links": {"pb:provider-pacts-for-verification": {"href": "\#(base)/for-verification/{provider}"}}}"#)
                : .json(#"{"_embedded": {"pacts": []}}"#)
        }
        let verifier = try Verifier.against(broker.url)
        for strict in [false, true] {
            let run = try await verifier.verify(BrokerVerificationSource(
                broker: BrokerConfiguration(baseURL: broker.url, retry: RetryPolicy(retries: 0)),
                request: PactsForVerificationRequest(provider: "api"), failIfNoPactsFound: strict))
            XCTAssertEqual(run.exitCode, strict ? 2 : 0)
            XCTAssertEqual(run.renderConsole(colour: false),
                           "No pacts were found for provider 'api' with the given consumer version selectors" + (strict ? "\n" : "; nothing to verify\n"))
        }
        await broker.stop()
    }

    func testABrokerThatCannotBeReachedIsThrown() async throws {
        let broker = try await TestProvider.start { _ in .json("{}") }
        let url = broker.url
        await broker.stop()
        let verifier = try Verifier.against(url)
        do {
            _ = try await verifier.verify(BrokerVerificationSource(
                broker: BrokerConfiguration(baseURL: url, retry: RetryPolicy(retries: 0)), request: PactsForVerificationRequest(provider: "api")))
            XCTFail("expected a broker error")
        } catch {
            XCTAssertEqual(error.kind, .unreachable)
        }
    }
}
