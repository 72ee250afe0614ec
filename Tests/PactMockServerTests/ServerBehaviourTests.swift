import Foundation
import TestSupport
import PactModel
import PactMockServer
import XCTest

final class ServerBehaviourTests: XCTestCase {
    func testCORSPreflightIsAnsweredWhenEnabled() async throws {
        let server = try await MockServer.start(interactions: [interaction("list items", "GET", "/items", body: "[]")],
                                                configuration: MockServerConfiguration(corsPreflight: true))
        let preflight = try await TestHTTP.send("OPTIONS", server.url, "/items", headers: [
            "Origin": "http://app.example", "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "X-Token",
        ])
        XCTAssertEqual(preflight.status, 204)
        XCTAssertEqual(preflight.header("Access-Control-Allow-Origin"), "http://app.example")
        XCTAssertEqual(preflight.header("Access-Control-Allow-Headers"), "X-Token")
        XCTAssertTrue(preflight.header("Access-Control-Allow-Methods")?.contains("GET") ?? false)

        let matched = try await TestHTTP.send("GET", server.url, "/items", headers: ["Origin": "http://app.example"])
        XCTAssertEqual(matched.status, 200)
        XCTAssertEqual(matched.header("Access-Control-Allow-Origin"), "http://app.example")
        let noOrigin = try await TestHTTP.send("GET", server.url, "/items")
        XCTAssertEqual(noOrigin.header("Access-Control-Allow-Origin"), "*")

        let verification = server.verification()
        XCTAssertTrue(verification.isSuccess, "pre-flights are not recorded as unexpected: \(verification.report)")
        XCTAssertEqual(verification.matchedCount, 2)
        try await server.shutdown()
    }

    func testPreflightIsUnexpectedWhenCORSIsOff() async throws {
        let server = try await MockServer.start(interactions: [interaction("list items", "GET", "/items")])
        let preflight = try await TestHTTP.send("OPTIONS", server.url, "/items", headers: ["Origin": "http://app.example"])
        XCTAssertEqual(preflight.status, 500)
        XCTAssertEqual(preflight.header("X-Pact"), "Unexpected-Request")
        XCTAssertNil(preflight.header("Access-Control-Allow-Origin"))
        XCTAssertEqual(server.verification().unexpected.count, 1)
        try await server.shutdown()
    }

    func testManyParallelRequestsAreAllRecorded() async throws {
        let count = 10
        let server = try await MockServer.start(interactions: (0..<count).map {
            interaction("item \($0)", "GET", "/items/\($0)", body: "item \($0)")
        })
        let url = server.url
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for request in 0..<120 {
                group.addTask { try await TestHTTP.send("GET", url, "/items/\(request % count)").text }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        XCTAssertEqual(bodies.sorted(), (0..<120).map { "item \($0 % count)" }.sorted())
        let verification = server.verification()
        XCTAssertEqual(verification.matchedCount, 120)
        XCTAssertEqual(verification.matched.count, 120)
        XCTAssertEqual(Dictionary(grouping: verification.matched, by: \.interactionIndex).mapValues(\.count),
                       Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, 12) }))
        XCTAssertTrue(verification.isSuccess)
        try await server.shutdown()
    }

    func testServersRunSideBySideOnTheirOwnPorts() async throws {
        let first = try await MockServer.start(interactions: [interaction("a", "GET", "/a", body: "a")])
        let second = try await MockServer.start(interactions: [interaction("b", "GET", "/a", body: "b")])
        XCTAssertNotEqual(first.port, second.port)
        XCTAssertEqual(first.url.absoluteString, "http://127.0.0.1:\(first.port)")
        let fromFirst = try await TestHTTP.send("GET", first.url, "/a").text
        let fromSecond = try await TestHTTP.send("GET", second.url, "/a").text
        XCTAssertEqual([fromFirst, fromSecond], ["a", "b"])
        try await first.shutdown()
        try await second.shutdown()
        try await first.shutdown()
    }

    func testVerificationReportText() async throws {
        let json = """
        [{"type": "Synchronous/HTTP", "description": "create an order", "request": {"method": "POST", "path": "/orders",
           "headers": {"Content-Type": ["application/json"]},
           "body": {"contentType": "application/json", "content": {"qty": 1}}}, "response": {"status": 201}},
         {"type": "Synchronous/HTTP", "description": "delete an order",
           "providerStates": [{"name": "order 1 exists"}],
           "request": {"method": "DELETE", "path": "/orders/1"}, "response": {"status": 204}}]
        """
        let server = try await MockServer.start(interactions: try interactions(json))
        _ = try await TestHTTP.send("POST", server.url, "/orders", headers: ["Content-Type": "application/json"],
                                      body: TestHTTP.json(#"{"qty": 2}"#))
        _ = try await TestHTTP.send("GET", server.url, "/nowhere?x=1")
        let report = server.verification().report
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.first, "Mock server at \(server.url.absoluteString): 2 requests received: 0 matched, "
            + "1 mismatched, 1 unexpected; 2 interactions never received.", report)
        XCTAssertTrue(lines.contains("Mismatched request #1: POST /orders"), report)
        XCTAssertTrue(lines.contains("  closest interaction: 'create an order'"), report)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  1) body $.qty: ") }, report)
        XCTAssertTrue(lines.contains("       expected: 1"), report)
        XCTAssertTrue(lines.contains("       actual:   2"), report)
        XCTAssertTrue(lines.contains("Unexpected request #1: GET /nowhere?x=1"), report)
        XCTAssertTrue(lines.contains("Interaction never received: 'delete an order' (given 'order 1 exists')"), report)
        XCTAssertTrue(lines.contains("  expected DELETE /orders/1"), report)
        try await server.shutdown()
    }

    func testSuccessReportIsOneLine() async throws {
        let server = try await MockServer.start(interactions: [interaction("a", "GET", "/a")])
        _ = try await TestHTTP.send("GET", server.url, "/a")
        XCTAssertEqual(server.verification().report,
                       "Mock server at \(server.url.absoluteString): every expected interaction was received (1 request matched).")
        try await server.shutdown()
    }
}
