import Foundation
import XCTest

@testable import PactModel

final class PactWriterTests: XCTestCase {
    private func sample(specVersion: PactSpecVersion = .v4) -> Pact {
        var request = PactRequest(
            method: "post", path: "/orders",
            query: [QueryParameter(name: "b", values: ["2", nil]), QueryParameter(name: "a", values: ["x y"])],
            headers: ["Content-Type": ["application/json"], "Accept": ["text/plain", "application/json"]],
            body: .json(["id": 1], contentType: .json))
        request.matchingRules.add(.integer, category: .body, key: "$.id")
        request.generators[.header]["X-Id"] = .uuid(format: nil)
        let response = PactResponse(status: 201, headers: ["Location": ["/orders/1"]], body: .text("created", contentType: .plainText))
        let info = InteractionInfo(
            description: "create an order", providerStates: [ProviderState(name: "empty", params: ["n": 0]), ProviderState(name: "other")],
            comments: ["testname": "t"])
        return Pact(
            consumer: "shop", provider: "orders", interactions: [.http(HTTPInteraction(info: info, request: request, response: response))],
            metadata: ["pact-jvm": ["version": "1"], "pact-specification": ["version": "2.0.0"]], specVersion: specVersion)
    }

    func testV3Document() throws {
        let json = try PactWriter.json(for: sample(), version: .v3)
        XCTAssertEqual(json["metadata"], ["pactSpecification": ["version": "3.0.0"], "pactKit": ["version": "0.1.0"], "pact-jvm": ["version": "1"]])
        XCTAssertEqual(json["consumer"], ["name": "shop"])
        let interaction = try XCTUnwrap(json["interactions"]?.arrayValue?.first)
        XCTAssertNil(interaction["type"])
        XCTAssertNil(interaction["key"])
        XCTAssertNil(interaction["comments"])
        XCTAssertEqual(interaction["providerStates"], [["name": "empty", "params": ["n": 0]], ["name": "other"]])
        let request = try XCTUnwrap(interaction["request"])
        XCTAssertEqual(request["method"], "post")
        XCTAssertEqual(request["query"], ["a": ["x y"], "b": ["2", nil]])
        XCTAssertEqual(request["headers"], ["Content-Type": "application/json", "Accept": "text/plain, application/json"])
        XCTAssertEqual(request["body"], ["id": 1])
        XCTAssertEqual(request["matchingRules"], ["body": ["$.id": ["matchers": [["match": "integer"]], "combine": "AND"]]])
        XCTAssertEqual(request["generators"], ["header": ["X-Id": ["type": "Uuid"]]])
        XCTAssertEqual(interaction["response"], ["status": 201, "headers": ["Location": "/orders/1"], "body": "created"])
    }

    func testV4Document() throws {
        let json = try PactWriter.json(for: sample(), version: .v4)
        XCTAssertEqual(json["metadata"]?["pactSpecification"], ["version": "4.0"])
        let interaction = try XCTUnwrap(json["interactions"]?.arrayValue?.first)
        XCTAssertEqual(interaction["type"], "Synchronous/HTTP")
        XCTAssertEqual(interaction["pending"], false)
        XCTAssertEqual(interaction["comments"], ["testname": "t"])
        XCTAssertEqual(interaction["key"]?.stringValue?.count, 16)
        let request = try XCTUnwrap(interaction["request"])
        XCTAssertEqual(request["headers"], ["Content-Type": ["application/json"], "Accept": ["text/plain", "application/json"]])
        XCTAssertEqual(request["body"], ["content": ["id": 1], "contentType": "application/json", "encoded": false])
        XCTAssertEqual(interaction["response"]?["body"], ["content": "created", "contentType": "text/plain", "encoded": false])
    }

    func testV4BodyObjects() throws {
        func written(_ body: Body, headers: Headers = [:]) -> JSONValue? {
            PactWriter.json(for: PactResponse(headers: headers, body: body), version: .v4)["body"]
        }
        XCTAssertNil(written(.missing))
        XCTAssertEqual(written(.empty), ["content": ""])
        XCTAssertEqual(written(.json([1], contentType: nil)), ["content": [1], "contentType": "application/json", "encoded": false])
        XCTAssertEqual(
            written(.json([1], contentType: nil), headers: ["content-type": ["application/vnd.x+json"]]),
            ["content": [1], "contentType": "application/vnd.x+json", "encoded": false])
        XCTAssertEqual(written(.json("5", contentType: .json)), ["content": "\"5\"", "contentType": "application/json", "encoded": "JSON"])
        XCTAssertEqual(written(.binary(Data("hi".utf8), contentType: .octetStream)), ["content": "aGk=", "contentType": "application/octet-stream", "encoded": "base64"])
    }

    func testV4KeysDoNotDependOnComments() throws {
        var pact = sample()
        let key = { try PactWriter.json(for: pact, version: .v4)["interactions"]?.arrayValue?.first?["key"] }
        let plain = try key()
        guard case .http(var http) = pact.interactions[0] else { return XCTFail() }
        http.info.comments = ["testname": "testSomething()", "text": ["written by another test"]]
        pact.interactions = [.http(http)]
        XCTAssertEqual(try key(), plain, "the test name and comments are not part of what is agreed")
    }

    func testV4KeysAreKeptOrComputedStably() throws {
        var pact = sample()
        let first = try PactWriter.json(for: pact, version: .v4)["interactions"]?.arrayValue?.first?["key"]
        let second = try PactWriter.json(for: pact, version: .v4)["interactions"]?.arrayValue?.first?["key"]
        XCTAssertEqual(first, second)
        guard case .http(var http) = pact.interactions[0] else { return XCTFail() }
        http.info.description = "another description"
        pact.interactions = [.http(http)]
        let changed = try PactWriter.json(for: pact, version: .v4)["interactions"]?.arrayValue?.first?["key"]
        XCTAssertNotEqual(changed, first, "the key depends on the contents")
        http.info.key = "mine"
        pact.interactions = [.http(http)]
        XCTAssertEqual(try PactWriter.json(for: pact, version: .v4)["interactions"]?.arrayValue?.first?["key"], "mine")
    }

    func testComputedKeysAreTheOnesEarlierReleasesWrote() throws {
        // A pact PactKit wrote before the key was hashed while writing (the written bytes were hashed afterwards).
        var pact = try PactReader.read(contentsOf: FixturePaths.fixtures
            .appendingPathComponent("written-by-pactkit/use-an-lpa-data-lpa-codes.json"))
        let written = pact.interactions.map(\.info.key)
        XCTAssertEqual(written.count, 15)
        pact.interactions = pact.interactions.compactMap { interaction in
            guard case .http(var http) = interaction else { return nil }
            http.info.key = nil
            return .http(http)
        }
        let computed = try PactWriter.json(for: pact, version: .v4)["interactions"]?.arrayValue?.map { $0["key"]?.stringValue }
        XCTAssertEqual(computed, written)
    }

    /// The key is the 64-bit FNV-1a of the interaction's compact JSON without `key` and `comments`. The pact file
    /// text hashes it while writing the pretty text, `json(for:)` by writing the compact text apart (in chunks): both
    /// give the hash of the whole compact text, for every interaction kind, with and without comments, for values of
    /// every size with long strings, escapes and non-ASCII text across chunk ends.
    func testInteractionKeyIsTheHashOfTheWholeCompactJSON() throws {
        func fnv1a(_ bytes: [UInt8]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        for size in [0, 1, 100, 1_023, 1_024, 1_025, 8_193, 20_000] {
            let text = String(repeating: "ab\"c\n\u{E9}\\\u{1}", count: size / 8)
            let value: JSONValue = [
                "items": .array((0..<(size / 50)).map { .int($0 - 7) }), "text": .string(text),
                "tail": .string(String(repeating: "x", count: size)), "nested": ["\u{1F389} key": ["deep": .string(text)]],
            ]
            var rules = MatchingRules()
            rules.add(.regex("\\d+ \"q\""), category: .body, key: "$.text")
            let message = MessageContents(contents: .json(value, contentType: nil), metadata: ["contentType": "application/json"],
                                          matchingRules: rules)
            for comments in [[:], ["testname": JSONValue.string(text)]] {
                let info = InteractionInfo(description: "size \(size) \u{E9}\"", providerStates: [ProviderState(name: text)],
                                           comments: comments, transport: size == 1 ? "https" : nil)
                let interactions: [Interaction] = [
                    .http(HTTPInteraction(
                        info: info, request: PactRequest(method: "POST", path: "/x", body: .json(value, contentType: .json), matchingRules: rules),
                        response: PactResponse(headers: ["X": [text]], body: .text(text, contentType: nil)))),
                    .asynchronousMessage(MessageInteraction(info: info, message: message)),
                    .synchronousMessages(SynchronousMessageInteraction(info: info, request: message, responses: [message, MessageContents()])),
                ]
                let pact = Pact(consumer: "c", provider: "p", interactions: interactions)
                let tree = try XCTUnwrap(PactWriter.json(for: pact, version: .v4)["interactions"]?.arrayValue)
                let text = try XCTUnwrap(JSONParser.parse(PactWriter.data(for: pact, version: .v4))["interactions"]?.arrayValue)
                for (index, interaction) in interactions.enumerated() {
                    let compact = try XCTUnwrap(PactWriter.json(for: interaction, version: .v4).objectValue)
                        .filter { $0.key != "key" && $0.key != "comments" }
                    let expected = fnv1a(JSONWriter.compactBytes(.object(compact)))
                    let context = "size \(size), \(interaction.typeName), comments: \(!comments.isEmpty)"
                    XCTAssertEqual(tree[index]["key"]?.stringValue, expected, context)
                    XCTAssertEqual(text[index]["key"]?.stringValue, expected, context)
                }
            }
        }
    }

    /// The pact file text is written straight from the pact, `json(for:)` builds values: they agree, and the text is
    /// the pretty form of its own value (keys sorted), for every version.
    func testPactFileTextIsThePrettyFormOfTheJSON() throws {
        let message = MessageContents(contents: .text("t\u{1}", contentType: nil), metadata: ["content-type": "text/plain", "b": [1, nil]])
        var pacts = [sample()]
        var http = HTTPInteraction(info: InteractionInfo(description: "plain"), request: PactRequest(rawQuery: "a=1"), response: PactResponse(body: .null))
        http.request.matchingRules.add(.regex("\\d"), category: .path)
        pacts.append(Pact(consumer: "c", provider: "p", interactions: [.http(http)], metadata: ["z": [:], "a": []]))
        pacts.append(Pact(consumer: "c", provider: "p", interactions: [
            .asynchronousMessage(MessageInteraction(info: InteractionInfo(description: "m", key: "given", pending: true), message: message)),
        ]))
        pacts.append(Pact(consumer: "c", provider: "p"))
        for (index, pact) in pacts.enumerated() {
            for version in [PactSpecVersion.v1, .v1_1, .v2, .v3, .v4] {
                guard let json = try? PactWriter.json(for: pact, version: version) else {
                    XCTAssertThrowsError(try PactWriter.data(for: pact, version: version), "pact \(index) \(version)")
                    continue
                }
                let data = try PactWriter.data(for: pact, version: version)
                XCTAssertEqual(data, JSONWriter.prettyData(json), "pact \(index) \(version)")
                XCTAssertEqual(data, JSONWriter.prettyData(try JSONParser.parse(data)), "pact \(index) \(version)")
            }
        }
    }

    func testBytesAreDeterministicSortedAndEndWithNewline() throws {
        let pact = try PactReader.read(contentsOf: FixturePaths.examplePact("v4-message-pact-comments.json"))
        let first = try PactWriter.data(for: pact, version: .v4)
        XCTAssertEqual(first, try PactWriter.data(for: pact, version: .v4))
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertFalse(text.hasSuffix("\n\n"))
        let topLevelKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(topLevelKeys, ["consumer", "interactions", "metadata", "provider"])
        XCTAssertEqual(text, JSONWriter.pretty(try JSONParser.parse(first)), "the pretty writer with sorted keys")
    }

    func testV3MessagePactsAndWhatV3CannotHold() throws {
        let message = MessageInteraction(
            info: InteractionInfo(description: "m"),
            message: MessageContents(contents: .json(["a": 1], contentType: .json), metadata: ["contentType": "application/json"],
                                     matchingRules: MatchingRules(categories: [.body: ["$.a": RuleList([.type])]])))
        let messages = Pact(consumer: "c", provider: "p", interactions: [.asynchronousMessage(message)])
        let v3 = try PactWriter.json(for: messages, version: .v3)
        XCTAssertNil(v3["interactions"])
        XCTAssertEqual(v3["messages"]?.arrayValue?.first?["contents"], ["a": 1])
        XCTAssertEqual(v3["messages"]?.arrayValue?.first?["metaData"], ["contentType": "application/json"],
                       "the V3 message specification spells it metaData")
        XCTAssertNil(v3["messages"]?.arrayValue?.first?["metadata"])
        XCTAssertNotNil(v3["messages"]?.arrayValue?.first?["matchingRules"]?["body"])
        let v4 = try PactWriter.json(for: messages, version: .v4)
        XCTAssertNotNil(v4["interactions"]?.arrayValue?.first?["matchingRules"]?["content"], "V4 message rules use 'content'")
        XCTAssertEqual(v4["interactions"]?.arrayValue?.first?["type"], "Asynchronous/Messages")

        var mixed = sample()
        mixed.interactions.append(.asynchronousMessage(message))
        XCTAssertThrowsError(try PactWriter.json(for: mixed, version: .v3)) { error in
            XCTAssertEqual((error as? PactError)?.jsonPath, "$")
        }
        let exchange = SynchronousMessageInteraction(info: InteractionInfo(description: "s"), request: MessageContents(), responses: [])
        let synchronous = Pact(consumer: "c", provider: "p", interactions: [.synchronousMessages(exchange)])
        XCTAssertThrowsError(try PactWriter.json(for: synchronous, version: .v3)) { error in
            XCTAssertEqual((error as? PactError)?.jsonPath, "$.interactions[0]")
        }
        XCTAssertThrowsError(try PactWriter.json(for: sample(), version: .v2))
    }

    func testSinglePartsForOlderVersionsWriteAQueryString() {
        let request = PactRequest(query: [QueryParameter(name: "a b", values: ["1&2", nil])])
        XCTAssertEqual(PactWriter.json(for: request, version: .v2)["query"], "a+b=1%262&a+b")
        var raw = request
        raw.rawQuery = "as=written"
        XCTAssertEqual(PactWriter.json(for: raw, version: .v1)["query"], "as=written")
        XCTAssertEqual(PactWriter.json(for: raw, version: .v3)["query"], ["a b": ["1&2", nil]])
    }

    func testWriteToFileIsReadable() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-writer-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try PactWriter.write(sample(), version: .v4, to: url)
        let reread = try PactReader.read(contentsOf: url)
        XCTAssertEqual(reread.consumer, "shop")
        XCTAssertEqual(reread.httpInteractions.first?.request.headers["Accept"], ["text/plain", "application/json"])
        XCTAssertEqual(reread.metadata["pact-jvm"], ["version": "1"])
        XCTAssertNil(reread.metadata["pact-specification"], "legacy version keys are not written")
    }
}
