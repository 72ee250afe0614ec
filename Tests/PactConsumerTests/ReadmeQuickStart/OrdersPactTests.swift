// doc-snippet: README.md
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PactConsumer
import XCTest

final class OrdersPactTests: XCTestCase {
    struct Order: Decodable {
        var id: Int
        var status: String
    }

    func testReadsAnOrder() async throws {
        try XCTSkipUnless(ReadmeQuickStart.isScratchRun, "run by ReadmeSnippetTests in a scratch folder")  // repo only
        let pact = PactBuilder(consumer: "orders-app", provider: "orders-api")
        pact.uponReceiving("a request for order 42")
            .given("order 42 exists", ["id": 42])
            .withRequest(.get, "/orders/42", headers: ["Accept": "application/json"])
            .willRespondWith(status: 200, body: ["id": .integer(42), "status": .regex("open|shipped", example: "open")])

        try await pact.run { mockServer in
            var request = URLRequest(url: mockServer.url.appendingPathComponent("orders/42"))
            request.setValue("application/json", forHTTPHeaderField: "Accept")
            let (data, _) = try await URLSession.shared.data(for: request)
            let order = try JSONDecoder().decode(Order.self, from: data)
            XCTAssertEqual(order.status, "open")
        }
    }
}
// doc-snippet-end
