import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// Filters, pending interactions and message interactions.
final class FilterAndPendingTests: XCTestCase {
    private var pacts: [Pact] {
        get throws {
            [
                try Pacts.v4(consumer: "use-an-lpa",
                             Pacts.get("validate a code", path: "/validate", states: #"[{"name": "a code exists"}]"#),
                             Pacts.get("revoke a code", path: "/revoke", states: #"[{"name": "a used code exists"}]"#),
                             Pacts.get("check the service", path: "/health")),
                try Pacts.v4(consumer: "sirius", Pacts.get("create codes", path: "/create")),
            ]
        }
    }

    private func verified(_ filter: InteractionFilter) async throws -> VerificationReport {
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let report = await (try Verifier.against(provider.url) { $0.filter = filter }).verify(pacts: try pacts)
        await provider.stop()
        return report
    }

    func testFilterByConsumer() async throws {
        let report = try await verified(try InteractionFilter(consumers: ["sirius"]))
        XCTAssertEqual(report.interactions.map(\.description), ["create codes"])
        XCTAssertEqual(report.pactsFilteredOut, 1)
        XCTAssertEqual(report.exitCode, 0)
    }

    func testFilterByDescriptionMatchesAnywhere() async throws {
        let report = try await verified(try InteractionFilter(description: "code"))
        XCTAssertEqual(report.interactions.map(\.description), ["validate a code", "revoke a code", "create codes"])
        XCTAssertEqual(report.pacts.map(\.filteredOut), [1, 0])
    }

    func testFilterByState() async throws {
        let report = try await verified(try InteractionFilter(state: "^a used"))
        XCTAssertEqual(report.interactions.map(\.description), ["revoke a code"])
    }

    func testFilterByNoState() async throws {
        let report = try await verified(try InteractionFilter(noState: true))
        XCTAssertEqual(report.interactions.map(\.description), ["check the service", "create codes"])
        let empty = try await verified(try InteractionFilter(state: ""))
        XCTAssertEqual(empty.interactions.map(\.description), ["check the service", "create codes"])
    }

    func testFiltersCombine() async throws {
        let report = try await verified(try InteractionFilter(consumers: ["use-an-lpa"], description: "a code", state: "exists"))
        XCTAssertEqual(report.interactions.map(\.description), ["validate a code", "revoke a code"])
        XCTAssertTrue(report.renderConsole(colour: false).contains("1 filtered out"))
    }

    func testAnInvalidPatternIsRejected() {
        XCTAssertThrowsError(try InteractionFilter(description: "([")) { error in
            XCTAssertEqual("\(error)", "invalid description filter '([': not a valid regular expression - unclosed character class")
        }
    }

    func testAFailingPendingInteractionIsReportedButDoesNotFailTheRun() async throws {
        let pact = try Pacts.v4(
            Pacts.get("works", path: "/ok"),
            Pacts.http("not built yet", pending: true, request: #"{"method": "GET", "path": "/new"}"#,
                       response: #"{"status": 200}"#))
        let provider = try await TestProvider.start { request in
            request.path == "/ok" ? .json(#"{"ok": true}"#) : ServerResponse(status: 404)
        }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.passed, .pendingFailed])
        XCTAssertEqual(report.interactions.last?.mismatches.first?.kind, .status)
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(report.summary.pending, 1)
        let console = report.renderConsole(colour: false)
        XCTAssertTrue(console.contains("PENDING"), console)
        XCTAssertTrue(console.contains("VERIFIED"), console)
    }

    func testAPendingInteractionDoesNotHideOtherFailures() async throws {
        let pact = try Pacts.v4(
            Pacts.get("broken", path: "/broken"),
            Pacts.http("pending", pending: true, request: #"{"method": "GET", "path": "/new"}"#, response: #"{"status": 200}"#))
        let provider = try await TestProvider.start { _ in ServerResponse(status: 500) }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.failed, .pendingFailed])
        XCTAssertEqual(report.exitCode, 1)
    }

    func testMessageAndHTTPInteractionsOfOnePactAreBothVerified() async throws {
        let message = """
            {"type": "Asynchronous/Messages", "description": "a code was created",
             "contents": {"contentType": "application/json", "content": {"code": "X"}}}
            """
        let provider = try await TestProvider.start { request in
            request.path == "/a" ? .json(#"{"ok": true}"#) : .json(#"{"code": "X"}"#)
        }
        let report = await (try Verifier.against(provider.url) { $0.messages.endpointPath = "/messages" })
            .verify(pacts: [try Pacts.v4(message, Pacts.get("a", path: "/a"))])
        await provider.stop()
        XCTAssertEqual(report.interactions.map(\.status), [.passed, .passed])
        XCTAssertEqual(report.interactions.first?.interactionType, "Asynchronous/Messages")
        XCTAssertEqual(report.interactions.first?.request, "message via POST /messages")
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(provider.requests.map(\.path), ["/messages", "/a"])
    }
}
