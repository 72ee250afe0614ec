import Foundation
import TestSupport
import PactModel
import PactMockServer
import XCTest

final class GeneratorResponseTests: XCTestCase {
    private let orderInteraction = """
    [{"type": "Synchronous/HTTP", "description": "get order",
      "providerStates": [{"name": "an order exists", "params": {"orderId": 42}},
                         {"name": "a user exists", "params": {"user": "ann"}}],
      "request": {"method": "GET", "path": "/orders/1"},
      "response": {"status": 200,
        "headers": {"Location": ["/orders/1"]},
        "body": {"contentType": "application/json", "encoded": false,
                 "content": {"id": "00000000-0000-0000-0000-000000000000", "count": 1, "orderId": 0, "owner": "x",
                             "self": "http://localhost:1234/orders/1", "created": "2000-01-01T00:00:00",
                             "code": "AAAA"}},
        "generators": {
          "body": {"$.id": {"type": "Uuid"}, "$.count": {"type": "RandomInt", "min": 100, "max": 200},
                   "$.orderId": {"type": "ProviderState", "expression": "${orderId}"},
                   "$.owner": {"type": "ProviderState", "expression": "user ${user}"},
                   "$.self": {"type": "MockServerURL", "regex": ".*(/orders/\\\\d+)$",
                              "example": "http://localhost:1234/orders/1"},
                   "$.created": {"type": "DateTime", "format": "yyyy-MM-dd'T'HH:mm:ss"},
                   "$.code": {"type": "Regex", "regex": "[A-F]{3}-\\\\d{2}"}},
          "header": {"Location": {"type": "ProviderState", "expression": "/orders/${orderId}"}}}}}]
    """

    func testMatchedRequestGetsTheResponseWithGeneratedValues() async throws {
        let server = try await MockServer.start(interactions: try interactions(orderInteraction))
        let response = try await TestHTTP.send("GET", server.url, "/orders/1")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        XCTAssertEqual(response.header("Location"), "/orders/42")
        let body = try XCTUnwrap(response.json?.objectValue, response.text)

        let id = try XCTUnwrap(body["id"]?.stringValue)
        XCTAssertNotNil(UUID(uuidString: id), id)
        XCTAssertNotEqual(id, "00000000-0000-0000-0000-000000000000")
        let count = try XCTUnwrap(body["count"]?.intValue)
        XCTAssertTrue((100...200).contains(count), "\(count)")
        XCTAssertEqual(body["orderId"], .int(42))
        XCTAssertEqual(body["owner"], .string("user ann"))
        XCTAssertEqual(body["self"], .string("\(server.url.absoluteString)/orders/1"))
        let code = try XCTUnwrap(body["code"]?.stringValue)
        XCTAssertNotNil(code.range(of: "^[A-F]{3}-\\d{2}$", options: .regularExpression), code)

        let created = try XCTUnwrap(body["created"]?.stringValue)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        let date = try XCTUnwrap(formatter.date(from: created), created)
        XCTAssertLessThan(abs(date.timeIntervalSinceNow), 24 * 3600, "generated from the current date, not the example")

        let verification = server.verification()
        XCTAssertTrue(verification.isSuccess, verification.report)
        XCTAssertEqual(verification.matched.map(\.interaction), ["get order"])
        XCTAssertEqual(verification.warnings, [])
        try await server.shutdown()
    }

    func testEachRequestGetsFreshValues() async throws {
        let server = try await MockServer.start(interactions: try interactions(orderInteraction))
        let first = try await TestHTTP.send("GET", server.url, "/orders/1").json?["id"]
        let second = try await TestHTTP.send("GET", server.url, "/orders/1").json?["id"]
        XCTAssertNotNil(first)
        XCTAssertNotEqual(first, second)
        try await server.shutdown()
    }

    func testProviderStateWithoutParamsKeepsTheExampleSilently() async throws {
        let json = """
        [{"type": "Synchronous/HTTP", "description": "no params", "providerStates": [{"name": "plain state"}],
          "request": {"method": "GET", "path": "/x"},
          "response": {"status": 200,
            "body": {"contentType": "application/json", "encoded": false, "content": {"id": 7}},
            "generators": {"body": {"$.id": {"type": "ProviderState", "expression": "${id}"}}}}}]
        """
        let server = try await MockServer.start(interactions: try interactions(json))
        let response = try await TestHTTP.send("GET", server.url, "/x")
        XCTAssertEqual(response.json?["id"], .int(7))
        XCTAssertEqual(server.verification().warnings, [])
        try await server.shutdown()
    }

    func testFailingGeneratorKeepsTheExampleAndWarns() async throws {
        let json = """
        [{"type": "Synchronous/HTTP", "description": "bad generator", "providerStates": [{"name": "s", "params": {"a": 1}}],
          "request": {"method": "GET", "path": "/x"},
          "response": {"status": 200,
            "body": {"contentType": "application/json", "encoded": false, "content": {"id": 7, "n": 1}},
            "generators": {"body": {"$.id": {"type": "ProviderState", "expression": "${missing}"},
                                    "$.n": {"type": "RandomInt", "min": 5, "max": 5}}}}}]
        """
        let server = try await MockServer.start(interactions: try interactions(json))
        let response = try await TestHTTP.send("GET", server.url, "/x")
        XCTAssertEqual(response.json?["id"], .int(7))
        XCTAssertEqual(response.json?["n"], .int(5), "the other generator still applies")
        let warnings = server.verification().warnings
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.contains("'bad generator'") ?? false, "\(warnings)")
        XCTAssertTrue(warnings.first?.contains("$.id") ?? false, "\(warnings)")
        XCTAssertTrue(server.verification().isSuccess, "warnings do not fail the verification")
        try await server.shutdown()
    }

    func testStatusGeneratorAndStaticResponses() async throws {
        let json = """
        [{"type": "Synchronous/HTTP", "description": "status", "request": {"method": "POST", "path": "/s"},
          "response": {"status": 200, "generators": {"status": {"type": "RandomInt", "min": 201, "max": 201}}}},
         {"type": "Synchronous/HTTP", "description": "text", "request": {"method": "GET", "path": "/t"},
          "response": {"status": 202, "headers": {"X-A": ["1", "2"]},
                       "body": {"contentType": "text/plain", "encoded": false, "content": "hello"}}}]
        """
        let server = try await MockServer.start(interactions: try interactions(json))
        let generated = try await TestHTTP.send("POST", server.url, "/s")
        XCTAssertEqual(generated.status, 201)
        let text = try await TestHTTP.send("GET", server.url, "/t")
        XCTAssertEqual(text.status, 202)
        XCTAssertEqual(text.text, "hello")
        XCTAssertEqual(text.header("Content-Type"), "text/plain")
        XCTAssertEqual(text.header("X-A"), "1, 2", "URLSession joins the two header fields")
        try await server.shutdown()
    }
}
