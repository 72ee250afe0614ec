import Foundation
import XCTest

@testable import PactModel

/// V1, V1.1 and V2 pacts written as pact-reference writes them, read back equal, and what they cannot hold refused.
final class LegacyPactWriterTests: XCTestCase {
    private func interaction(
        states: [ProviderState] = [ProviderState(name: "user 1 exists")], rules: MatchingRules = MatchingRules(),
        responseRules: MatchingRules = MatchingRules(), generators: Generators = Generators()
    ) -> HTTPInteraction {
        var request = PactRequest(
            method: "GET", path: "/users/1", query: [QueryParameter(name: "a", values: ["1"]), QueryParameter(name: "b", values: ["x y"])],
            headers: ["Accept": ["application/json"]])
        request.rawQuery = "a=1&b=x+y"
        request.matchingRules = rules
        request.generators = generators
        var response = PactResponse(status: 200, headers: ["Content-Type": ["application/json"]],
                                    body: .json(["id": 1, "tags": ["a"]], contentType: .json))
        response.matchingRules = responseRules
        return HTTPInteraction(info: InteractionInfo(description: "get user 1", providerStates: states),
                               request: request, response: response)
    }

    private func pact(_ interactions: [Interaction], version: PactSpecVersion) -> Pact {
        Pact(consumer: "app", provider: "api", interactions: interactions, specVersion: version)
    }

    private var v2Rules: (request: MatchingRules, response: MatchingRules) {
        var request = MatchingRules()
        request.add(.regex(#"/users/\d+"#), category: .path)
        request.add(.regex(#"\d+"#), category: .query, key: "a")
        request.add(.regex("application/.*"), category: .header, key: "Accept")
        var response = MatchingRules()
        response.add(.type, category: .body, key: "$.id")
        response.add(.minType(1), category: .body, key: "$.tags")
        response.add(.maxType(3), category: .body, key: "$['odd key'][*]")
        response.add(.minMaxType(min: 1, max: 2), category: .body, key: "$")
        response.add(.regex("json"), category: .header, key: "Content-Type")
        return (request, response)
    }

    func testV1AndV11DocumentsHaveAProviderStateStringAQueryStringAndNoRules() throws {
        for (version, text) in [(PactSpecVersion.v1, "1.0.0"), (.v1_1, "1.1.0")] {
            let json = try PactWriter.json(for: pact([.http(interaction())], version: version), version: version)
            XCTAssertEqual(json["metadata"]?["pactSpecification"], ["version": .string(text)])
            let written = try XCTUnwrap(json["interactions"]?.arrayValue?.first)
            XCTAssertEqual(written["providerState"], "user 1 exists")
            XCTAssertNil(written["providerStates"])
            XCTAssertNil(written["type"])
            XCTAssertNil(written["key"])
            XCTAssertEqual(written["request"], ["method": "GET", "path": "/users/1", "query": "a=1&b=x+y",
                                                "headers": ["Accept": "application/json"]])
            XCTAssertEqual(written["response"], ["status": 200, "headers": ["Content-Type": "application/json"],
                                                 "body": ["id": 1, "tags": ["a"]]])
        }
    }

    func testV2DocumentHasFlatMatchingRules() throws {
        let rules = v2Rules
        let json = try PactWriter.json(
            for: pact([.http(interaction(rules: rules.request, responseRules: rules.response))], version: .v2), version: .v2)
        XCTAssertEqual(json["metadata"]?["pactSpecification"], ["version": "2.0.0"])
        let written = try XCTUnwrap(json["interactions"]?.arrayValue?.first)
        XCTAssertEqual(written["providerState"], "user 1 exists")
        XCTAssertEqual(written["request"]?["query"], "a=1&b=x+y")
        XCTAssertEqual(written["request"]?["matchingRules"], [
            "$.path": ["match": "regex", "regex": #"/users/\d+"#],
            "$.query.a": ["match": "regex", "regex": #"\d+"#],
            "$.headers.Accept": ["match": "regex", "regex": "application/.*"],
        ])
        XCTAssertEqual(written["response"]?["matchingRules"], [
            "$.body.id": ["match": "type"],
            "$.body.tags": ["match": "type", "min": 1],
            "$.body['odd key'][*]": ["match": "type", "max": 3],
            "$.body": ["match": "type", "min": 1, "max": 2],
            "$.headers.Content-Type": ["match": "regex", "regex": "json"],
        ])
        XCTAssertNil(written["request"]?["generators"])
    }

    func testWrittenPactsReadBackEqual() throws {
        let rules = v2Rules
        let withRules = interaction(rules: rules.request, responseRules: rules.response)
        var stateless = interaction(states: [])
        stateless.info.description = "list users"
        for version in [PactSpecVersion.v1, .v1_1, .v2] {
            let interactions: [Interaction] = version == .v2 ? [.http(withRules), .http(stateless)] : [.http(interaction()), .http(stateless)]
            let original = pact(interactions, version: version)
            let reread = try PactReader.read(data: try PactWriter.data(for: original, version: version))
            XCTAssertEqual(reread.specVersion, version)
            XCTAssertEqual(reread.interactions, original.interactions, "\(version)")
            XCTAssertEqual(try PactWriter.data(for: reread, version: version), try PactWriter.data(for: original, version: version))
        }
    }

    func testWhatOlderVersionsCannotHoldIsAnErrorNamingIt() {
        func reason(_ pact: Pact, _ version: PactSpecVersion) -> String {
            do {
                _ = try PactWriter.json(for: pact, version: version)
                return "written"
            } catch {
                return error.description
            }
        }
        let message = MessageInteraction(info: InteractionInfo(description: "an event"), message: MessageContents())
        XCTAssertTrue(reason(pact([.asynchronousMessage(message)], version: .v2), .v2)
            .contains("holds HTTP interactions only, not the message 'an event'"))
        let twoStates = interaction(states: [ProviderState(name: "a"), ProviderState(name: "b")])
        XCTAssertTrue(reason(pact([.http(twoStates)], version: .v2), .v2).contains("has 2 provider states"))
        let params = interaction(states: [ProviderState(name: "a", params: ["id": 1])])
        XCTAssertTrue(reason(pact([.http(params)], version: .v1), .v1).contains("'a' of interaction 'get user 1' has parameters"))
        var generators = Generators()
        generators[.body]["$.id"] = .randomInt(min: 0, max: 9)
        XCTAssertTrue(reason(pact([.http(interaction(generators: generators))], version: .v2), .v2)
            .contains("$.interactions[0].request.generators: a V2.0.0 pact cannot hold generators"))
        var typeRule = MatchingRules()
        typeRule.add(.type, category: .body, key: "$.id")
        XCTAssertTrue(reason(pact([.http(interaction(responseRules: typeRule))], version: .v1_1), .v1_1)
            .contains("a V1.1.0 pact cannot hold matching rules"))
        var integer = MatchingRules()
        integer.add(.integer, category: .body, key: "$.id")
        XCTAssertTrue(reason(pact([.http(interaction(responseRules: integer))], version: .v2), .v2)
            .contains("'$.body.id' has the integer matcher, which a V2 pact cannot hold"))
        var two = MatchingRules()
        two.add(.type, category: .body, key: "$.id")
        two.add(.regex("1"), category: .body, key: "$.id")
        XCTAssertTrue(reason(pact([.http(interaction(responseRules: two))], version: .v2), .v2)
            .contains("'$.body.id' has several matchers (type, regex)"))
        var status = MatchingRules()
        status.add(.statusCode(.success), category: .status)
        XCTAssertTrue(reason(pact([.http(interaction(responseRules: status))], version: .v2), .v2)
            .contains("cannot hold matching rules on the status"))
    }

    func testReferencePactsOfOlderVersionsRewriteToTheSameModel() throws {
        for name in ["v1-pact.json", "v2-pact.json", "v2_pact_query.json"] {
            let url = FixturePaths.examplePact(name)
            let original = try PactReader.read(contentsOf: url)
            let version = original.specVersion
            let reread = try PactReader.read(data: try PactWriter.data(for: original, version: version))
            XCTAssertEqual(reread.interactions, original.interactions, name)
        }
    }
}
