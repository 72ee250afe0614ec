import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// Bodies that are themselves JSON lists (`body: .eachLike(…)`), as the README's consumer section shows them with
/// `query:`: written to the pact with their rules at `$`, and matched by the mock against a real client's requests.
final class RootArrayBodyTests: XCTestCase {
    func testRootArrayRequestAndResponseBodiesAreWrittenAndMatched() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "orders-app", provider: "orders-api", directory: directory, reporter: reporter)
        // doc-snippet: README.md
        pact.uponReceiving("a search for open orders")
            .withRequest(.get, "/orders", query: ["status": "open", "page": .regex(#"\d+"#, example: "1")])
            .willRespondWith(status: 200, body: .eachLike(["id": .integer(42), "status": "open"], min: 1))
        pact.uponReceiving("a batch of new orders")
            .withRequest(.post, "/orders/batch", body: .eachLike(["sku": .like("A-1"), "quantity": .integer(1)], min: 1))
            .willRespondWith(status: 201, body: .atLeastOneLike(.integer(7)))
        // doc-snippet-end

        try await pact.run { mockServer in
            let client = TestClient(baseURL: mockServer.url)
            let search = try await client.send("GET", "/orders", query: "status=open&page=3")
            XCTAssertEqual(search.status, 200)
            let orders = try XCTUnwrap(search.json as? [[String: Any]], "a JSON list at the root")
            XCTAssertEqual(orders.first?["id"] as? Int, 42)
            let batch = try JSONSerialization.data(withJSONObject: [["sku": "B-2", "quantity": 3], ["sku": "C-3", "quantity": 1]])
            let created = try await client.send("POST", "/orders/batch", headers: ["Content-Type": "application/json"], body: batch)
            XCTAssertEqual(created.status, 201)
            XCTAssertEqual(created.json as? [Int], [7])
        }
        XCTAssertEqual(reporter.failures, [])

        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("orders-app-orders-api.json"))
        let byDescription = Dictionary(uniqueKeysWithValues: written.httpInteractions.map { ($0.info.description, $0) })
        let batch = try XCTUnwrap(byDescription["a batch of new orders"])
        XCTAssertEqual(batch.request.body, .json([["quantity": 1, "sku": "A-1"]], contentType: ContentType("application/json")!))
        XCTAssertEqual(bodyRules(batch.request.matchingRules)["$"], [["match": "type", "min": 1]])
        XCTAssertEqual(bodyRules(batch.response.matchingRules)["$"], [["match": "type", "min": 1]])
        let search = try XCTUnwrap(byDescription["a search for open orders"])
        XCTAssertEqual(bodyRules(search.response.matchingRules)["$"], [["match": "type", "min": 1]])
        XCTAssertNotNil(search.request.matchingRules[.query]["page"], "the query matcher is written")
    }

    func testTheMockRejectsARootListThatBreaksItsRule() async throws {
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "orders-app", provider: "orders-api",
                               directory: try temporaryDirectory(self), reporter: reporter)
        pact.uponReceiving("a batch of new orders")
            .withRequest(.post, "/orders/batch", body: .eachLike(["sku": .like("A-1")], min: 1))
            .willRespondWith(status: 201)
        do {
            try await pact.run { mockServer in
                let response = try await TestClient(baseURL: mockServer.url)
                    .send("POST", "/orders/batch", headers: ["Content-Type": "application/json"], body: Data("[]".utf8))
                XCTAssertEqual(response.status, 500, "an empty list is below min 1")
            }
            XCTFail("the run must fail")
        } catch {}
        let messages = reporter.failures.map(\.message).joined(separator: "\n")
        XCTAssertTrue(messages.contains("to have minimum size of 1"), messages)
    }

    func testRootArrayMessageContentsAndTheOtherListSpellings() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let messages = MessagePactBuilder(consumer: "audit-log", provider: "orders-api", directory: directory,
                                          reporter: reporter)
        messages.expectsToReceive("a batch of order events")
            .withContents(.eachLike(["id": .integer(42)], min: 2))
        var received: JSONValue?
        try await messages.verifyMessages { message in received = message.json }
        XCTAssertEqual(reporter.failures, [])
        XCTAssertEqual(received, [["id": 42], ["id": 42]])

        // The other list spellings resolve on an optional body too, and are the PactValue matchers at the root.
        let optional: [PactBody?] = [.atMostLike("x", max: 2), .arrayContaining(["a"]), .like(["id": 1])]
        XCTAssertEqual(optional.compactMap { $0 }.count, 3)
        let (response, errors) = declaredResponse(.atMostLike("x", max: 2))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(bodyRules(try XCTUnwrap(response).matchingRules)["$"], [["match": "type", "max": 2]])
        let contains = declaredResponse(.arrayContaining(["a", .integer(1)]))
        XCTAssertEqual(contains.errors, [])
        XCTAssertEqual(contains.response?.body, .json(["a", 1], contentType: ContentType("application/json")!))
    }
}
