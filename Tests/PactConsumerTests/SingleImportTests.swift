import Foundation
import PactConsumer
import XCTest

/// `import PactConsumer` alone reaches the types the DSL takes and gives: this file imports nothing else from
/// PactKit and names them.
final class SingleImportTests: XCTestCase {
    func testModelMockAndMismatchTypesAreReachable() async throws {
        let params: [String: JSONValue] = ["id": 42, "tags": ["a"]]
        let version: PactSpecVersion = .v3
        let statusClass: StatusCodeClass = .success
        let directory = try temporaryDirectory(self)
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, specVersion: version)
        pact.uponReceiving("an order")
            .given("an order exists", params)
            .withRequest(.get, "/orders/42")
            .willRespondWith(status: 200)
        let interactions: [HTTPInteraction] = pact.interactions
        XCTAssertEqual(interactions.first?.info.providerStates.first?.params, params)
        let url: URL = try await pact.run { (server: MockServer) in
            _ = try await TestClient(baseURL: server.url).send("GET", "/orders/42")
            return server.url
        }
        XCTAssertEqual(url.scheme, "http")
        let written: Pact = try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
        XCTAssertEqual(written.specVersion, .v3)
        let mismatch: Mismatch? = nil
        XCTAssertNil(mismatch)
        XCTAssertNotEqual(statusClass, .serverError)
    }
}
