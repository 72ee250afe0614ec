import Foundation
import HTTPTypes
import PactConsumer
import XCTest

/// A consumer test that imports swift-http-types (as Hummingbird 2 and swift-openapi-generator clients do) beside
/// PactConsumer names both packages' types unqualified: PactKit's are `PactRequest`/`PactResponse`, and PactConsumer
/// re-exports none of PactModel's common words (`Headers`, `Body`, `ContentType`, `Interaction`, `Generator`).
final class HTTPTypesCoexistenceTests: XCTestCase {
    func testHTTPTypesAndThePactModelAreBothNamedUnqualified() async throws {
        let request = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/orders/42")
        let response = HTTPResponse(status: .ok)
        let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self))
        pact.uponReceiving("an order")
            .withRequest(.get, "/orders/42")
            .willRespondWith(status: 200)
        let declared: PactRequest? = pact.interactions.first?.request
        let answer: PactResponse? = pact.interactions.first?.response
        XCTAssertEqual(declared?.method, request.method.rawValue)
        XCTAssertEqual(declared?.path, request.path)
        XCTAssertEqual(answer?.status, response.status.code)
        try await pact.run { server in
            _ = try await TestClient(baseURL: server.url).send("GET", "/orders/42")
        }
    }
}
