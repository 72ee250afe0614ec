import Foundation
import PactMockServer
import PactStandaloneMock
import PactModel
import XCTest

/// What unmatched requests get back, and CORS.
final class StandaloneResponseTests: XCTestCase {
    private func mock(options: StandaloneOptions = StandaloneOptions(), lines: LineCollector? = nil) throws -> StandaloneMock {
        let post = #", "headers": {"Content-Type": ["application/json"]}, "body": {"content": {"name": "x", "size": 1}, "contentType": "application/json"}, "matchingRules": {"body": {"$.name": {"combine": "AND", "matchers": [{"match": "type"}]}, "$.size": {"combine": "AND", "matchers": [{"match": "integer"}]}}}"#
        return try StandalonePacts.mock([StandalonePacts.pact("""
        [\(StandalonePacts.interaction("get an order", path: "/orders/1", responseBody: #"{"id": 1}"#)),
         \(StandalonePacts.interaction("create an order", states: ["stock"], method: "POST", path: "/orders",
                                       requestExtra: post, status: 201))]
        """)], options: options, lines: lines)
    }

    func testAMismatchNamesTheClosestInteractionAndEveryDifference() throws {
        let lines = LineCollector()
        let response = try mock(lines: lines).handle(
            method: "POST", target: "/orders", headers: [("Content-Type", "application/json")],
            body: Data(#"{"name": 5, "size": "big"}"#.utf8))
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(response.header("X-Pact"), "Request-Mismatch")
        let json = try XCTUnwrap(response.json)
        XCTAssertEqual(json["type"], "request-mismatch")
        XCTAssertEqual(json["closestInteraction"]?["description"], "create an order")
        XCTAssertEqual(json["closestInteraction"]?["providerStates"], ["stock"])
        XCTAssertEqual(json["closestInteraction"]?["file"], "pacts/app-api.json")
        let mismatches = try XCTUnwrap(json["mismatches"]?.arrayValue)
        XCTAssertEqual(Set(mismatches.compactMap { $0["path"]?.stringValue }), ["$.name", "$.size"])
        for mismatch in mismatches {
            XCTAssertEqual(mismatch["type"], "body")
            XCTAssertNotNil(mismatch["expected"]?.stringValue)
            XCTAssertNotNil(mismatch["actual"]?.stringValue)
            XCTAssertFalse(mismatch["mismatch"]?.stringValue?.isEmpty ?? true)
        }
        let line = try XCTUnwrap(lines.lines.first)
        XCTAssertTrue(line.hasPrefix("POST /orders -> 500 Request-Mismatch with 'create an order' given 'stock' [pacts/app-api.json]: body $."), line)
        XCTAssertTrue(line.hasSuffix("(and 1 more)"), line)
    }

    func testAnUnexpectedRequestNamesTheInteractionWithTheNearestPath() throws {
        let lines = LineCollector()
        let response = try mock(lines: lines).handle(method: "GET", target: "/orders/2")
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(response.header("X-Pact"), "Unexpected-Request")
        let json = try XCTUnwrap(response.json)
        XCTAssertEqual(json["type"], "request-not-found")
        XCTAssertEqual(json["closestInteraction"]?["description"], "get an order")
        XCTAssertEqual(json["mismatches"]?.arrayValue?.first?["type"], "path")
        XCTAssertEqual(json["mismatches"]?.arrayValue?.first?["actual"], "/orders/2")
        XCTAssertEqual(lines.lines.first, "GET /orders/2 -> 500 Unexpected-Request: no interaction expects GET /orders/2; "
            + "closest 'get an order' (GET /orders/1) [pacts/app-api.json]")
        // Same path, other method: that interaction is the closest.
        let wrongMethod = try mock().handle(method: "DELETE", target: "/orders")
        XCTAssertEqual(wrongMethod.json?["closestInteraction"]?["description"], "create an order")
        XCTAssertEqual(wrongMethod.json?["mismatches"]?.arrayValue?.first?["type"], "method")
    }

    func testCORSPreflightIsAnsweredOnlyWhenEnabled() throws {
        let cors = try mock(options: StandaloneOptions(cors: true))
        let preflight = cors.handle(method: "OPTIONS", target: "/orders", headers: [
            ("Origin", "http://localhost:3000"), ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ])
        XCTAssertEqual(preflight.status, 204)
        XCTAssertEqual(preflight.header("Access-Control-Allow-Origin"), "http://localhost:3000")
        XCTAssertEqual(preflight.header("Access-Control-Allow-Headers"), "content-type")
        XCTAssertTrue(preflight.header("Access-Control-Allow-Methods")?.contains("POST") ?? false)
        guard case .preflight = cors.logEntries().first?.outcome else { return XCTFail("not logged as a pre-flight") }
        // Actual responses carry the CORS headers too, cached match or not.
        for _ in 0..<2 {
            let get = cors.handle(method: "GET", target: "/orders/1", headers: [("Origin", "http://localhost:3000")])
            XCTAssertEqual(get.status, 200)
            XCTAssertEqual(get.header("Access-Control-Allow-Origin"), "http://localhost:3000")
        }
        XCTAssertTrue(cors.verification().failures.isEmpty, "a pre-flight is not a failure")

        let plain = try mock()
        XCTAssertEqual(plain.handle(method: "OPTIONS", target: "/orders", headers: [("Origin", "http://x")]).status, 500)
        XCTAssertNil(plain.handle(method: "GET", target: "/orders/1", headers: [("Origin", "http://x")])
            .header("Access-Control-Allow-Origin"))
    }
}
