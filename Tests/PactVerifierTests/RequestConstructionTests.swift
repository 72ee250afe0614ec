import Foundation
import HTTPServerCore
import PactModel
import PactVerifier
import XCTest

/// Requests built from older pacts and from generators that cannot produce a value.
final class RequestConstructionTests: XCTestCase {
    func testAV2PactWithAQueryStringAndFlatRules() async throws {
        let pact = try PactReader.read(data: Data("""
            {"consumer": {"name": "web"}, "provider": {"name": "codes"},
             "interactions": [{"description": "search", "providerState": "codes exist",
               "request": {"method": "get", "path": "/search", "query": "q=a%20b&page=2&page=3",
                           "headers": {"Accept": "application/json"}},
               "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                            "body": {"results": [{"id": 1}]},
                            "matchingRules": {"$.body.results": {"min": 1, "match": "type"}}}}],
             "metadata": {"pactSpecification": {"version": "2.0.0"}}}
            """.utf8))
        let provider = try await TestProvider.start { _ in .json(#"{"results": [{"id": 7}, {"id": 8}]}"#) }
        let report = await (try Verifier.against(provider.url)).verify(pacts: [pact])
        await provider.stop()
        let result = try report.single()
        XCTAssertEqual(result.status, .passed, "\(result.mismatches)")
        XCTAssertEqual(result.providerStates.map(\.name), ["codes exist"])
        let request = try XCTUnwrap(provider.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/search")
        XCTAssertEqual(FormURLEncoding.parseQuery(request.rawQuery ?? ""),
                       [QueryParameter(name: "q", values: ["a b"]), QueryParameter(name: "page", values: ["2", "3"])])
    }

    /// A `%XX` escape in the pact's path is sent as written (as pact-reference sends it; the Ruby pact_broker-client's
    /// pact asks for `/pacticipants/Pricing%20Service`); characters a path cannot hold, and a `%` that starts no
    /// escape, are escaped.
    func testAnEscapeInThePactsPathIsSentAsWritten() async throws {
        let provider = try await TestProvider.start { _ in .json("{}") }
        let verifier = try Verifier.against(provider.url)
        _ = await verifier.verify(pacts: [try Pacts.v4(Pacts.get("escaped", path: "/pacticipants/Pricing%20Service"),
                                                       Pacts.get("raw", path: "/deals/50%off and more"))])
        await provider.stop()
        XCTAssertEqual(provider.requests.map(\.target), ["/pacticipants/Pricing%20Service", "/deals/50%25off%20and%20more"])
        XCTAssertEqual(provider.requests.map(\.path), ["/pacticipants/Pricing Service", "/deals/50%off and more"])
    }

    func testAProviderStateGeneratorWithoutAValueKeepsTheExampleAndSaysSo() async throws {
        let pact = try Pacts.v4(Pacts.http(
            "a code", request: """
                {"method": "GET", "path": "/codes/EXAMPLE",
                 "generators": {"path": {"type": "ProviderState", "expression": "/codes/${code}"}}}
                """, response: #"{"status": 200}"#))
        let provider = try await TestProvider.start { _ in ServerResponse(status: 200) }
        let verifier = try Verifier.against(provider.url) { $0.stateHandler = ClosureStateHandler { _ in [:] } }
        let report = await verifier.verify(pacts: [pact])
        await provider.stop()
        let result = try report.single()
        XCTAssertEqual(result.status, .passed)
        XCTAssertEqual(provider.requests.first?.path, "/codes/EXAMPLE")
        XCTAssertEqual(result.notes.count, 1)
        XCTAssertTrue(result.notes[0].contains("the request path generator kept the pact's example value"), result.notes[0])
        XCTAssertTrue(report.renderConsole(colour: false).contains("note: the request path generator"))
    }

    func testARequestFilterThatThrowsFailsTheInteraction() async throws {
        struct NoToken: Error, CustomStringConvertible { var description: String { "the token service is down" } }
        let provider = try await TestProvider.start { _ in .json(#"{"ok": true}"#) }
        let verifier = try Verifier.against(provider.url) { $0.requestFilter = { _ in throw NoToken() } }
        let report = await verifier.verify(pacts: [try Pacts.v4(Pacts.get("a", path: "/a"))])
        await provider.stop()
        let error = try XCTUnwrap(report.single().errors.first)
        XCTAssertEqual(error.kind, .request)
        XCTAssertEqual(error.message, "the request filter failed: the token service is down")
        XCTAssertTrue(provider.requests.isEmpty)
        XCTAssertEqual(report.exitCode, 1)
    }
}
