import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// V4 interaction keys: `.key(_:)` writes an explicit key, the computed key stays the default, one key per interaction
/// of a pact, and a merge replaces the interaction the file holds under the same key.
final class InteractionKeyTests: XCTestCase {
    private func makePact(_ directory: URL, _ reporter: CollectingFailureReporter, version: PactSpecVersion = .v4) -> PactBuilder {
        PactBuilder(consumer: "app", provider: "api", directory: directory, specVersion: version, reporter: reporter)
    }

    /// The interactions of the written file as raw JSON, by description.
    private func writtenInteractions(_ directory: URL) throws -> [String: JSONValue] {
        let data = try Data(contentsOf: directory.appendingPathComponent("app-api.json"))
        let interactions = try XCTUnwrap(try JSONParser.parse(data).objectValue?["interactions"]?.arrayValue)
        var byDescription: [String: JSONValue] = [:]
        for interaction in interactions {
            byDescription[try XCTUnwrap(interaction.objectValue?["description"]?.stringValue)] = interaction
        }
        return byDescription
    }

    func testTheWrittenPactHasTheExplicitKeyAndTheDefaultStaysComputed() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        pact.uponReceiving("a request for order 42")
            .key("get-order-42")
            .withRequest(.get, "/orders/42")
            .willRespondWith(status: 200)
        pact.uponReceiving("a request for order 43")
            .withRequest(.get, "/orders/43")
            .willRespondWith(status: 200)
        try await pact.run { mockServer in
            let client = TestClient(baseURL: mockServer.url)
            let first = try await client.send("GET", "/orders/42")
            let second = try await client.send("GET", "/orders/43")
            XCTAssertEqual([first.status, second.status], [200, 200])
        }
        XCTAssertEqual(reporter.failures, [])
        let written = try writtenInteractions(directory)
        XCTAssertEqual(written["a request for order 42"]?.objectValue?["key"], "get-order-42")
        let computed = try XCTUnwrap(written["a request for order 43"]?.objectValue?["key"]?.stringValue)
        XCTAssertEqual(computed.count, 16, "without .key the key is computed from the contents: \(computed)")
        XCTAssertTrue(computed.allSatisfy(\.isHexDigit), computed)
    }

    func testTwoInteractionsWithOneKeyAreAUsageErrorNamingBoth() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let firstLine = #line + 1
        pact.uponReceiving("a request for order 42").key("order")
            .withRequest(.get, "/orders/42").willRespondWith(status: 200)
        let secondLine = #line + 1
        pact.uponReceiving("a request for order 43").key("order")
            .withRequest(.get, "/orders/43").willRespondWith(status: 200)
        do {
            try await pact.run { _ in XCTFail("a run with usage errors does not start the mock") }
            XCTFail("run must throw")
        } catch {}
        let messages = reporter.failures.map(\.message)
        XCTAssertEqual(messages.count, 1, "\(messages)")
        let message = messages.first ?? ""
        XCTAssertTrue(message.contains("'a request for order 43'") && message.contains("'a request for order 42'"), message)
        XCTAssertTrue(message.contains("the key 'order'"), message)
        XCTAssertTrue(message.contains(":\(firstLine)"), "names where the first was declared: \(message)")
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(secondLine))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("app-api.json").path))
    }

    func testAKeyIsV4OnlyAndNotEmpty() {
        let v3 = PactBuilder(consumer: "app", provider: "api", specVersion: .v3, reporter: CollectingFailureReporter())
        v3.uponReceiving("a request").key("k").withRequest(.get, "/").willRespondWith(status: 200)
        XCTAssertTrue(v3.usageErrors.first?.reason.contains("key needs Pact V4") ?? false, "\(v3.usageErrors)")
        let empty = PactBuilder(consumer: "app", provider: "api", reporter: CollectingFailureReporter())
        empty.uponReceiving("a request").key(" ").withRequest(.get, "/").willRespondWith(status: 200)
        XCTAssertEqual(empty.usageErrors.map(\.reason), ["the interaction key must not be empty"])
    }

    func testMergeAcrossRunsReplacesTheInteractionWithTheSameKey() async throws {
        let directory = try temporaryDirectory(self)
        // An earlier run wrote the interaction under its old description, and another one without a key.
        var renamed = HTTPInteraction(info: InteractionInfo(description: "get order 42", key: "get-order"),
                                      request: PactRequest(method: "GET", path: "/orders/42"),
                                      response: PactResponse(status: 200))
        renamed.info.comments["testname"] = "testOld()"
        let other = HTTPInteraction(info: InteractionInfo(description: "list orders"),
                                    request: PactRequest(method: "GET", path: "/orders"), response: PactResponse(status: 200))
        try PactWriter.write(Pact(consumer: "app", provider: "api", interactions: [.http(renamed), .http(other)]),
                             version: .v4, to: directory.appendingPathComponent("app-api.json"))

        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        pact.uponReceiving("a request for order 42").key("get-order")
            .withRequest(.get, "/orders/42").willRespondWith(status: 200)
        try await pact.run { mockServer in
            let response = try await TestClient(baseURL: mockServer.url).send("GET", "/orders/42")
            XCTAssertEqual(response.status, 200)
        }
        XCTAssertEqual(reporter.failures, [])
        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
        XCTAssertEqual(written.interactions.map(\.description), ["a request for order 42", "list orders"],
                       "the interaction with the same key is replaced, the others kept")
        XCTAssertEqual(written.interactions.first?.info.key, "get-order")
    }

    func testTwoRunsOfOneProcessWithOneKeyForDifferentInteractionsAreAnError() throws {
        let directory = try temporaryDirectory(self)
        func request(_ description: String, line: UInt) -> PactFileWriter.Request {
            let interaction = HTTPInteraction(info: InteractionInfo(description: description, key: "shared"),
                                              request: PactRequest(method: "GET", path: "/"), response: PactResponse(status: 200))
            return PactFileWriter.Request(consumer: "app", provider: "api", version: .v4, mode: .merge,
                                          directory: directory,
                                          interactions: [(.http(interaction), PactSourceLocation(line: line))])
        }
        try PactFileWriter.write(request("first", line: 11))
        XCTAssertThrowsError(try PactFileWriter.write(request("second", line: 22))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("'first'") && text.contains("'second'") && text.contains("the key 'shared'"), text)
            XCTAssertTrue(text.contains(":11") && text.contains(":22"), text)
        }
        XCTAssertEqual(try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
            .interactions.map(\.description), ["first"])
    }
}
