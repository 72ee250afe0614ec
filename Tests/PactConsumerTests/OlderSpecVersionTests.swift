import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// `specVersion: .v1`, `.v1_1` and `.v2`: pact files written as pact-reference writes them, read back equal by
/// PactKit's reader, and a usage error at its line for each thing such a pact cannot hold.
final class OlderSpecVersionTests: XCTestCase {
    private func writtenJSON(_ directory: URL) throws -> JSONValue {
        try JSONParser.parse(try Data(contentsOf: directory.appendingPathComponent("app-api.json")))
    }

    func testAV2PactHasFlatRulesAQueryStringAndOneProviderStateAndReadsBackEqual() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, specVersion: .v2, reporter: reporter)
        pact.uponReceiving("a request for user 1")
            .given("user 1 exists")
            .withRequest(.get, .regex(#"/users/\d+"#, example: "/users/1"),
                         query: ["b": "x y", "a": .regex(#"\d+"#, example: "1")],
                         headers: ["Accept": .regex("application/.*", example: "application/json")])
            .willRespondWith(status: 200, headers: ["Content-Type": "application/json"],
                             body: ["id": .like(1), "tags": .eachLike("admin", min: 1), "name": "Ada"])
        let declared = pact.interactions
        try await pact.run { mockServer in
            let response = try await TestClient(baseURL: mockServer.url)
                .send("GET", "/users/1", query: "a=1&b=x+y", headers: ["Accept": "application/json"])
            XCTAssertEqual(response.status, 200)
        }
        XCTAssertEqual(reporter.failures, [])

        let json = try writtenJSON(directory)
        XCTAssertEqual(json["metadata"]?["pactSpecification"], ["version": "2.0.0"])
        let interaction = try XCTUnwrap(json["interactions"]?.arrayValue?.first)
        XCTAssertEqual(interaction["providerState"], "user 1 exists")
        XCTAssertNil(interaction["providerStates"])
        XCTAssertNil(interaction["key"])
        XCTAssertNil(interaction["comments"], "the test name is a V4 comment")
        XCTAssertEqual(interaction["request"]?["query"], "a=1&b=x+y")
        XCTAssertEqual(interaction["request"]?["matchingRules"], [
            "$.path": ["match": "regex", "regex": #"/users/\d+"#],
            "$.query.a": ["match": "regex", "regex": #"\d+"#],
            "$.headers.Accept": ["match": "regex", "regex": "application/.*"],
        ])
        XCTAssertEqual(interaction["response"]?["matchingRules"], [
            "$.body.id": ["match": "type"],
            "$.body.tags": ["match": "type", "min": 1],
        ])
        XCTAssertEqual(interaction["response"]?["body"], ["id": 1, "tags": ["admin"], "name": "Ada"])

        let reread = try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
        XCTAssertEqual(reread.specVersion, .v2)
        XCTAssertEqual(reread.httpInteractions, declared)
    }

    func testV1AndV11PactsHaveNoRulesAndReadBackEqual() async throws {
        for (version, text) in [(PactSpecVersion.v1, "1.0.0"), (.v1_1, "1.1.0")] {
            let directory = try temporaryDirectory(self)
            let reporter = CollectingFailureReporter()
            let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, specVersion: version, reporter: reporter)
            pact.uponReceiving("a search")
                .given("two users exist")
                .withRequest(.get, "/users", query: ["name": "ada", "active": "true"])
                .willRespondWith(status: 200, body: ["count": 2])
            let declared = pact.interactions
            try await pact.run { mockServer in
                let response = try await TestClient(baseURL: mockServer.url).send("GET", "/users", query: "active=true&name=ada")
                XCTAssertEqual(response.status, 200)
            }
            XCTAssertEqual(reporter.failures, [], "\(version)")
            let json = try writtenJSON(directory)
            XCTAssertEqual(json["metadata"]?["pactSpecification"], ["version": .string(text)])
            let interaction = try XCTUnwrap(json["interactions"]?.arrayValue?.first)
            XCTAssertEqual(interaction["providerState"], "two users exist")
            XCTAssertEqual(interaction["request"], ["method": "GET", "path": "/users", "query": "active=true&name=ada"])
            XCTAssertNil(interaction["response"]?["matchingRules"])
            let reread = try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
            XCTAssertEqual(reread.specVersion, version)
            XCTAssertEqual(reread.httpInteractions, declared, "\(version)")
        }
    }

    /// The single usage error of a builder, as `(line, reason)`.
    private func onlyError(_ pact: PactBuilder, file: StaticString = #filePath, line: UInt = #line) -> (UInt, String) {
        XCTAssertEqual(pact.usageErrors.count, 1, "\(pact.usageErrors)", file: file, line: line)
        return (pact.usageErrors.first?.location.line ?? 0, pact.usageErrors.first?.reason ?? "")
    }

    private func builder(_ version: PactSpecVersion) -> PactBuilder {
        PactBuilder(consumer: "app", provider: "api", specVersion: version, reporter: CollectingFailureReporter())
    }

    func testMatchersAVersionCannotHoldAreUsageErrorsAtTheirLine() {
        let v1 = builder(.v1)
        let likeLine = #line + 1
        v1.uponReceiving("a").withRequest(.get, "/").willRespondWith(body: ["id": .like(1)])
        XCTAssertEqual(onlyError(v1).0, UInt(likeLine))
        XCTAssertEqual(onlyError(v1).1, "like needs Pact V2.0.0 or later, but this pact is written as V1.0.0; use "
                       + "specVersion: .v2, .v3 or .v4")

        let v2 = builder(.v2)
        let integerLine = #line + 1
        v2.uponReceiving("a").withRequest(.get, "/").willRespondWith(body: ["id": .integer(1)])
        XCTAssertEqual(onlyError(v2).0, UInt(integerLine))
        XCTAssertEqual(onlyError(v2).1, "integer needs Pact V3.0.0 or later, but this pact is written as V2.0.0; use "
                       + "specVersion: .v3 or .v4")

        for (name, value) in [("datetime", PactValue.datetime("yyyy", example: "2024")), ("includes", .includes("a", example: "abc")),
                              ("boolean", .boolean(true)), ("semver", .semver("1.0.0")), ("equal", .equal(1)),
                              ("eachKey", .eachKey(["a": 1], matching: .regex("[a-z]+", example: "a")))] {
            let pact = builder(.v2)
            pact.uponReceiving("a").withRequest(.get, "/").willRespondWith(body: ["x": value])
            XCTAssertTrue(onlyError(pact).1.hasPrefix("\(name) needs Pact V"), "\(name): \(pact.usageErrors)")
        }
    }

    func testAGeneratorIsAUsageErrorInV2() {
        let pact = builder(.v2)
        let line = #line + 1
        pact.uponReceiving("a").withRequest(.get, "/").willRespondWith(body: ["id": .uuid()])
        XCTAssertEqual(onlyError(pact).0, UInt(line))
        XCTAssertEqual(onlyError(pact).1, "uuid generates its value here (a generator), which needs Pact V3 or later, but "
                       + "this pact is written as V2.0.0; give it an example, or use specVersion: .v3 or .v4")
        let withExample = builder(.v2)
        withExample.uponReceiving("a").withRequest(.get, "/")
            .willRespondWith(body: ["id": .uuid("e2490de5-5bd3-43d5-b7c4-526e33f71304")])
        XCTAssertEqual(withExample.usageErrors, [])
    }

    func testTwoMatchersInOnePlaceAreAUsageErrorInV2() {
        let pact = builder(.v2)
        let line = #line + 1
        pact.uponReceiving("a").withRequest(.get, "/").willRespondWith(body: ["code": .like(.regex("[A-Z]+", example: "AB"))])
        XCTAssertEqual(onlyError(pact).0, UInt(line))
        XCTAssertEqual(pact.usageErrors.first?.part, "response body $.code")
        XCTAssertEqual(onlyError(pact).1, "type and regex apply here, but a V2 pact holds one matcher per place; keep "
                       + "one, or use specVersion: .v3 or .v4")
    }

    func testProviderStatesBeyondOneNameAreUsageErrorsAtTheGivenLine() {
        let two = builder(.v2)
        let secondLine = #line + 2
        two.uponReceiving("a").given("user 1 exists")
            .given("user 2 exists")
            .withRequest(.get, "/").willRespondWith(status: 200)
        XCTAssertEqual(onlyError(two).0, UInt(secondLine))
        XCTAssertEqual(onlyError(two).1, "a V2.0.0 pact holds one provider state per interaction (providerState), but "
                       + "this one is given 'user 1 exists', 'user 2 exists'; several states need Pact V3 or later, use "
                       + "specVersion: .v3 or .v4")

        let params = builder(.v1)
        let paramsLine = #line + 1
        params.uponReceiving("a").given("user exists", ["id": 1]).withRequest(.get, "/").willRespondWith(status: 200)
        XCTAssertEqual(onlyError(params).0, UInt(paramsLine))
        XCTAssertEqual(onlyError(params).1, "the provider state 'user exists' has parameters, which a V1.0.0 pact cannot "
                       + "hold (providerState is a name only); parameters need Pact V3 or later, use specVersion: .v3 or .v4")
    }

    func testV4OnlyFeaturesAndMessagesAreUsageErrors() {
        let pact = builder(.v2)
        pact.uponReceiving("a").pending().key("k").comment("c").withRequest(.get, "/").willRespondWith(status: 200)
        XCTAssertEqual(pact.usageErrors.map(\.reason), ["pending", "key", "comment"].map {
            "\($0) needs Pact V4 or later, but this pact is written as V2.0.0; use specVersion: .v4"
        })
        let status = builder(.v2)
        status.uponReceiving("a").withRequest(.get, "/").willRespondWith(status: .status(.success, example: 200))
        XCTAssertTrue(onlyError(status).1.contains("needs Pact V4 or later"), "\(status.usageErrors)")

        let line = #line + 1
        let messages = MessagePactBuilder(consumer: "app", provider: "api", specVersion: .v2, reporter: CollectingFailureReporter())
        XCTAssertEqual(messages.usageErrors.map(\.location.line), [UInt(line)])
        XCTAssertEqual(messages.usageErrors.map(\.reason), [
            "messages need Pact V3 or later, but this pact is written as V2.0.0; use specVersion: .v3 or .v4",
        ])
    }
}
