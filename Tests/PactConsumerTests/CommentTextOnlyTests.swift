import Foundation
import PactConsumer
import PactModel
import XCTest

/// V4 comments with `text` only: `.testName(nil)` leaves the test name out of the written `comments`; by default the
/// running test's name is still recorded beside the text.
final class CommentTextOnlyTests: XCTestCase {
    /// Runs one interaction declared by `declare` against the mock and returns its `comments` as written, or nil.
    private func writtenComments(_ declare: (PactInteractionBuilder) -> Void) async throws -> JSONValue? {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, reporter: reporter)
        let interaction = pact.uponReceiving("a request for order 42")
            .withRequest(.get, "/orders/42")
            .willRespondWith(status: 204)
        declare(interaction)
        try await pact.run { mockServer in
            let response = try await TestClient(baseURL: mockServer.url).send("GET", "/orders/42")
            XCTAssertEqual(response.status, 204)
        }
        XCTAssertEqual(reporter.failures, [])
        let data = try Data(contentsOf: directory.appendingPathComponent("app-api.json"))
        let interactions = try XCTUnwrap(try JSONParser.parse(data).objectValue?["interactions"]?.arrayValue)
        XCTAssertEqual(interactions.count, 1)
        return interactions.first?.objectValue?["comments"]
    }

    func testCommentsCanBeWrittenWithTextOnly() async throws {
        let comments = try await writtenComments { $0.testName(nil).comment("written by the orders app").comment("v2") }
        XCTAssertEqual(comments, ["text": ["written by the orders app", "v2"]])
    }

    func testTheTestNameStaysTheDefault() async throws {
        let comments = try await writtenComments { $0.comment("written by the orders app") }
        XCTAssertEqual(comments, ["text": ["written by the orders app"], "testname": "testTheTestNameStaysTheDefault()"])
    }

    func testNoTestNameAndNoTextLeavesTheCommentsOut() async throws {
        let comments = try await writtenComments { $0.testName(nil) }
        XCTAssertNil(comments)
    }
}
