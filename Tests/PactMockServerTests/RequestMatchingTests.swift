import Foundation
import TestSupport
import PactModel
import PactMockServer
import XCTest

final class RequestMatchingTests: XCTestCase {
    private let createOrder = """
    [{"type": "Synchronous/HTTP", "description": "create an order",
      "request": {"method": "POST", "path": "/orders",
        "headers": {"Content-Type": ["application/json"], "X-Token": ["abc"]},
        "body": {"contentType": "application/json", "encoded": false,
                 "content": {"name": "tea", "items": [{"sku": "A1", "qty": 1}]}},
        "matchingRules": {"body": {"$.items[*].qty": {"combine": "AND", "matchers": [{"match": "integer"}]}}}},
      "response": {"status": 201}}]
    """

    func testMatchingRequestIsAnsweredAndRecorded() async throws {
        let server = try await MockServer.start(interactions: try interactions(createOrder))
        let response = try await TestHTTP.send(
            "POST", server.url, "/orders", headers: ["Content-Type": "application/json; charset=utf-8", "X-Token": "abc"],
            body: TestHTTP.json(#"{"name": "tea", "items": [{"sku": "A1", "qty": 30}]}"#))
        XCTAssertEqual(response.status, 201)
        let verification = server.verification()
        XCTAssertTrue(verification.isSuccess, verification.report)
        XCTAssertEqual(verification.matched.first?.request.body,
                       .json(["name": "tea", "items": [["sku": "A1", "qty": 30]]],
                             contentType: ContentType("application/json; charset=utf-8")))
        try await server.shutdown()
    }

    func testMismatchedBodyAndHeaderGet500WithEachPathAndSentence() async throws {
        let server = try await MockServer.start(interactions: try interactions(createOrder))
        let response = try await TestHTTP.send(
            "POST", server.url, "/orders", headers: ["Content-Type": "application/json", "X-Token": "abd"],
            body: TestHTTP.json(#"{"name": "tea", "items": [{"sku": "A1", "qty": "one"}]}"#))
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(response.header("X-Pact"), "Request-Mismatch")
        XCTAssertEqual(response.header("Content-Type"), "application/json; charset=utf-8")
        let body = try XCTUnwrap(response.json, response.text)
        XCTAssertEqual(body["type"], "request-mismatch")
        XCTAssertEqual(body["method"], "POST")
        XCTAssertEqual(body["path"], "/orders")
        XCTAssertEqual(body["interaction"], "create an order")
        let mismatches = try XCTUnwrap(body["mismatches"]?.arrayValue)
        let bodyMismatch = try XCTUnwrap(mismatches.first { $0["type"] == "body" }, response.text)
        XCTAssertEqual(bodyMismatch["path"], "$.items[0].qty")
        XCTAssertEqual(bodyMismatch["actual"], "\"one\"")
        XCTAssertTrue(bodyMismatch["mismatch"]?.stringValue?.contains("integer") ?? false, response.text)
        let headerMismatch = try XCTUnwrap(mismatches.first { $0["type"] == "header" }, response.text)
        XCTAssertEqual(headerMismatch["path"], "X-Token")
        XCTAssertEqual(headerMismatch["expected"], "abc")
        XCTAssertEqual(headerMismatch["actual"], "abd")
        let error = try XCTUnwrap(body["error"]?.stringValue)
        XCTAssertTrue(error.hasPrefix("POST /orders does not match interaction 'create an order': "), error)
        XCTAssertTrue(error.hasSuffix("(and 1 more)"), error)

        let verification = server.verification()
        XCTAssertFalse(verification.isSuccess)
        XCTAssertEqual(verification.mismatched.count, 1)
        XCTAssertEqual(verification.mismatched.first?.interaction, "create an order")
        XCTAssertEqual(Set(verification.mismatched.first?.mismatches.map(\.path) ?? []), ["$.items[0].qty", "X-Token"])
        XCTAssertEqual(verification.missing.map(\.info.description), ["create an order"])
        try await server.shutdown()
    }

    func testUnexpectedRequestListsTheKnownInteractions() async throws {
        let server = try await MockServer.start(interactions: [
            interaction("list items", "GET", "/items"),
            interaction("create an order", "POST", "/orders"),
        ])
        let response = try await TestHTTP.send("GET", server.url, "/orders?page=2")
        XCTAssertEqual(response.status, 500)
        XCTAssertEqual(response.header("X-Pact"), "Unexpected-Request")
        let body = try XCTUnwrap(response.json, response.text)
        XCTAssertEqual(body["type"], "request-not-found")
        XCTAssertEqual(body["path"], "/orders")
        XCTAssertEqual(body["query"], "page=2")
        let known = try XCTUnwrap(body["knownInteractions"]?.arrayValue)
        XCTAssertEqual(known.first, ["method": "POST", "path": "/orders", "description": "create an order"],
                       "the interaction with the same path comes first")
        XCTAssertEqual(known.count, 2)

        let verification = server.verification()
        XCTAssertEqual(verification.unexpected.map(\.request.path), ["/orders"])
        XCTAssertEqual(verification.unexpected.first?.request.query, [QueryParameter(name: "page", values: ["2"])])
        XCTAssertTrue(verification.mismatched.isEmpty)
        try await server.shutdown()
    }

    func testInteractionsNeverReceivedAreMissing() async throws {
        let server = try await MockServer.start(interactions: [
            interaction("list items", "GET", "/items"),
            interaction("delete item", "DELETE", "/items/1"),
            interaction("create item", "POST", "/items"),
        ])
        _ = try await TestHTTP.send("POST", server.url, "/items")
        let verification = server.verification()
        XCTAssertEqual(verification.missing.map(\.info.description), ["list items", "delete item"])
        XCTAssertFalse(verification.isSuccess)
        XCTAssertEqual(verification.matchedCount, 1)
        try await server.shutdown()
    }

    func testBestMatchAmongInteractionsWithTheSameMethodAndPath() async throws {
        let json = """
        [{"type": "Synchronous/HTTP", "description": "type a", "request": {"method": "GET", "path": "/items",
           "query": {"type": ["a"]}}, "response": {"status": 200, "body": {"content": "A", "contentType": "text/plain"}}},
         {"type": "Synchronous/HTTP", "description": "type b page 1", "request": {"method": "GET", "path": "/items",
           "query": {"type": ["b"], "page": ["1"]}}, "response": {"status": 200, "body": {"content": "B", "contentType": "text/plain"}}},
         {"type": "Synchronous/HTTP", "description": "kind x", "request": {"method": "POST", "path": "/items",
           "headers": {"Content-Type": ["application/json"]},
           "body": {"contentType": "application/json", "content": {"kind": "x"}}},
           "response": {"status": 201, "body": {"content": "X", "contentType": "text/plain"}}},
         {"type": "Synchronous/HTTP", "description": "kind y", "request": {"method": "POST", "path": "/items",
           "headers": {"Content-Type": ["application/json"]},
           "body": {"contentType": "application/json", "content": {"kind": "y"}}},
           "response": {"status": 201, "body": {"content": "Y", "contentType": "text/plain"}}}]
        """
        let server = try await MockServer.start(interactions: try interactions(json))
        let b = try await TestHTTP.send("GET", server.url, "/items?page=1&type=b")
        XCTAssertEqual(b.text, "B")
        let a = try await TestHTTP.send("GET", server.url, "/items?type=a")
        XCTAssertEqual(a.text, "A")
        let y = try await TestHTTP.send("POST", server.url, "/items", headers: ["Content-Type": "application/json"],
                                          body: TestHTTP.json(#"{"kind":"y"}"#))
        XCTAssertEqual(y.text, "Y")
        // Against "type a": a wrong type and an unexpected page; against "type b page 1": only the page differs.
        let near = try await TestHTTP.send("GET", server.url, "/items?type=b&page=2")
        XCTAssertEqual(near.status, 500)
        XCTAssertEqual(near.json?["interaction"], "type b page 1")
        let verification = server.verification()
        XCTAssertEqual(verification.matched.map(\.interaction), ["type b page 1", "type a", "kind y"])
        XCTAssertEqual(verification.missing.map(\.info.description), ["kind x"])
        XCTAssertEqual(verification.mismatched.first?.mismatches.map(\.path), ["page"])
        try await server.shutdown()
    }

    func testIdenticalInteractionsAreEachUsedBeforeAnyIsReused() async throws {
        let server = try await MockServer.start(interactions: [
            interaction("first attempt", "POST", "/jobs", status: 503, body: "busy"),
            interaction("second attempt", "POST", "/jobs", status: 202, body: "accepted"),
        ])
        var statuses: [Int] = []
        for _ in 0..<3 { statuses.append(try await TestHTTP.send("POST", server.url, "/jobs").status) }
        XCTAssertEqual(statuses, [503, 202, 503])
        XCTAssertTrue(server.verification().isSuccess)
        try await server.shutdown()
    }

    func testPathRegexInteraction() async throws {
        let json = """
        [{"type": "Synchronous/HTTP", "description": "get any order",
          "request": {"method": "GET", "path": "/orders/1",
            "matchingRules": {"path": {"combine": "AND", "matchers": [{"match": "regex", "regex": "^/orders/\\\\d+$"}]}}},
          "response": {"status": 200, "body": {"content": "order", "contentType": "text/plain"}}},
         {"type": "Synchronous/HTTP", "description": "get order 5 exactly", "request": {"method": "GET", "path": "/orders/5"},
          "response": {"status": 200, "body": {"content": "five", "contentType": "text/plain"}}}]
        """
        let server = try await MockServer.start(interactions: try interactions(json))
        let any = try await TestHTTP.send("GET", server.url, "/orders/987")
        XCTAssertEqual(any.text, "order")
        let five = try await TestHTTP.send("GET", server.url, "/orders/5")
        XCTAssertEqual(five.text, "five", "both match; the path-rule one was already received, so the other wins")
        let wrong = try await TestHTTP.send("GET", server.url, "/orders/abc")
        XCTAssertEqual(wrong.header("X-Pact"), "Unexpected-Request")
        let verification = server.verification()
        XCTAssertEqual(verification.matched.map(\.interaction), ["get any order", "get order 5 exactly"])
        XCTAssertEqual(verification.unexpected.map(\.request.path), ["/orders/abc"])
        try await server.shutdown()
    }
}
