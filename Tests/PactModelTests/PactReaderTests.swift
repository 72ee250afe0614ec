import Foundation
import XCTest

@testable import PactModel

final class PactReaderTests: XCTestCase {
    private func read(_ name: String) throws -> Pact {
        try PactReader.read(contentsOf: FixturePaths.examplePact(name))
    }

    private func firstHTTP(_ pact: Pact) throws -> HTTPInteraction {
        try XCTUnwrap(pact.httpInteractions.first)
    }

    private func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    // MARK: - Example pacts

    func testV2PactWithoutMetadataReadsQueryStringAndTextBody() throws {
        let pact = try read("pact.json")
        XCTAssertEqual(pact.consumer, "Consumer")
        XCTAssertEqual(pact.provider, "Alice Service")
        XCTAssertEqual(pact.specVersion, .v2)
        XCTAssertEqual(pact.metadata, [:])
        let interaction = try firstHTTP(pact)
        XCTAssertEqual(interaction.info.description, "a retrieve Mallory request")
        XCTAssertEqual(interaction.request.method, "GET")
        XCTAssertEqual(interaction.request.path, "/mallory")
        XCTAssertEqual(interaction.request.query, [
            QueryParameter(name: "name", values: ["ron"]), QueryParameter(name: "status", values: ["good"]),
        ])
        XCTAssertEqual(interaction.request.rawQuery, "name=ron&status=good")
        XCTAssertEqual(interaction.request.body, .missing)
        XCTAssertEqual(interaction.response.status, 200)
        XCTAssertEqual(interaction.response.headers, ["Content-Type": ["text/html"]])
        XCTAssertEqual(interaction.response.body, .text("\"That is some good Mallory.\"", contentType: .html))
    }

    func testJSONStringBodyIsParsedAsJSONText() throws {
        let interaction = try firstHTTP(read("test_pact_root_string_json.json"))
        XCTAssertEqual(interaction.response.body, .json(.string("That is some good Mallory."), contentType: .json))
    }

    func testBase64BodyWithBinaryContentTypeIsDecoded() throws {
        let interaction = try firstHTTP(read("test_pact_binary_body.json"))
        guard case .binary(let data, let contentType) = interaction.response.body else {
            return XCTFail("expected a binary body, got \(interaction.response.body)")
        }
        XCTAssertEqual(contentType?.essence, "image/gif")
        XCTAssertEqual(String(decoding: data.prefix(6), as: UTF8.self), "GIF87a")
        XCTAssertEqual(data.count, 35)
    }

    func testV4HTTPPactReadsBodyObjectAndInteractionAttributes() throws {
        let pact = try read("v4-http-pact.json")
        XCTAssertEqual(pact.specVersion, .v4)
        let interaction = try firstHTTP(pact)
        XCTAssertEqual(interaction.info.key, "001")
        XCTAssertFalse(interaction.info.pending)
        XCTAssertEqual(interaction.response.headers, ["Content-Type": ["image/gif"]])
        guard case .binary(let data, _) = interaction.response.body else { return XCTFail("expected binary") }
        XCTAssertEqual(String(decoding: data.prefix(6), as: UTF8.self), "GIF87a")
    }

    func testLowercaseMethodAndV3QueryMap() throws {
        let pact = try read("test_pact_lowercase_method.json")
        XCTAssertEqual(pact.specVersion, .v3)
        let interaction = try firstHTTP(pact)
        XCTAssertEqual(interaction.request.method, "get")
        XCTAssertEqual(interaction.info.providerStates, [ProviderState(name: "test state")])
        XCTAssertEqual(interaction.request.query, [
            QueryParameter(name: "q", values: ["p", "p2"]), QueryParameter(name: "r", values: ["s"]),
        ])
        XCTAssertNil(interaction.request.rawQuery, "V3 files do not keep a raw query")
        XCTAssertEqual(interaction.request.headers, ["testreqheader": ["testreqheadervalue"]])
        XCTAssertEqual(interaction.request.body, .json(["test": true], contentType: nil))
    }

    func testQueryStringsArePercentAndPlusDecoded() throws {
        let encoded = try firstHTTP(read("test_pact_encoded_query.json"))
        XCTAssertEqual(encoded.request.queryValues("datetime"), ["2011-12-03T10:15:30+01:00"])
        XCTAssertEqual(encoded.request.queryValues("description"), ["hello world!"])
        let pact = try read("v2_pact_query.json")
        XCTAssertEqual(pact.httpInteractions.count, 3)
        XCTAssertEqual(pact.httpInteractions[0].request.queryValues("q"), ["p", "p2"])
        XCTAssertEqual(pact.httpInteractions[2].request.queryValues("options"), ["delete.topic.enable=true"])
    }

    func testV2AndLegacyMatchingRuleKeys() throws {
        for name in ["test_pact_matchers.json", "test_pact_matchers_old_format.json"] {
            let interaction = try firstHTTP(read(name))
            XCTAssertEqual(interaction.request.matchingRules[.body]["$.test"], RuleList([.type]), name)
            XCTAssertEqual(interaction.response.matchingRules[.body]["$.responsetest"], RuleList([.type]), name)
        }
    }

    func testSpecVersionFromEveryMetadataSpelling() throws {
        XCTAssertEqual(try read("v1-pact.json").specVersion, .v1)
        XCTAssertEqual(try read("test_pact_camel_case_spec_version.json").specVersion, .v1_1)
        XCTAssertEqual(try read("test_pact.json").specVersion, .v2)
        XCTAssertEqual(try read("test_pact_no_version.json").specVersion, .v2, "a null version is inferred")
        let noSpec = try read("test_pact_no_spec_version.json")
        XCTAssertEqual(noSpec.specVersion, .v2)
        XCTAssertEqual(noSpec.metadata, ["pact-jvm": ["version": ""]])
        let legacyKey = try PactReader.read(json: json(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecificationVersion":"3.0.0","x":1}}"#))
        XCTAssertEqual(legacyKey.specVersion, .v3)
        XCTAssertEqual(legacyKey.metadata, ["x": 1])
    }

    func testSpecVersionInferredFromContent() throws {
        let v4 = try PactReader.read(json: json(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"type":"Synchronous/HTTP","description":"d","request":{"method":"GET","path":"/"},"response":{"status":200}}]}"#))
        XCTAssertEqual(v4.specVersion, .v4)
        let v3 = try PactReader.read(json: json(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"providerStates":[{"name":"s","params":{"id":1}}],"description":"d","request":{"method":"GET","path":"/"},"response":{"status":200}}]}"#))
        XCTAssertEqual(v3.specVersion, .v3)
        XCTAssertEqual(v3.interactions.first?.info.providerStates, [ProviderState(name: "s", params: ["id": 1])])
        let empty = try PactReader.read(json: json(#"{"consumer":{"name":"c"},"provider":{"name":"p"}}"#))
        XCTAssertEqual(empty.specVersion, .v2)
        XCTAssertEqual(empty.interactions, [])
    }

    func testBodiesMissingAndEmptyObject() throws {
        let noBodies = try firstHTTP(read("test_pact_no_bodies.json"))
        XCTAssertEqual(noBodies.request.body, .missing)
        XCTAssertEqual(noBodies.response.body, .missing)
        XCTAssertEqual(noBodies.info.providerStates, [ProviderState(name: "test state")])
        let withBodies = try firstHTTP(read("test_pact_with_bodies.json"))
        XCTAssertEqual(withBodies.response.body, .json([:], contentType: nil))
        XCTAssertEqual(withBodies.request.body.isMissing, false)
    }

    func testV3MessagePacts() throws {
        let pact = try read("v3-message-pact.json")
        XCTAssertEqual(pact.specVersion, .v3)
        guard case .asynchronousMessage(let message) = pact.interactions.first else { return XCTFail("expected a message") }
        XCTAssertEqual(message.info.description, "a hello message")
        XCTAssertEqual(message.info.providerStates, [ProviderState(name: "message exists")])
        XCTAssertEqual(message.message.metadata, ["contentType": "application/json"])
        XCTAssertEqual(message.message.contents, .json(.string("Hello"), contentType: .json))
        XCTAssertTrue(message.message.matchingRules.isEmpty)

        guard case .asynchronousMessage(let generated) = try read("v3-message-pact-generators.json").interactions.first else {
            return XCTFail("expected a message")
        }
        XCTAssertEqual(generated.message.generators[.body]["a"], .uuid(format: nil))
        XCTAssertEqual(generated.message.contents, .json(["a": "1234-1234"], contentType: .json))
    }

    func testV4MessageAndCombinedPacts() throws {
        let pact = try read("v4-message-pact-comments.json")
        guard case .asynchronousMessage(let message) = pact.interactions.first else { return XCTFail("expected a message") }
        XCTAssertEqual(message.info.key, "m_001")
        XCTAssertEqual(message.info.comments["testname"], "example_test.groovy")
        XCTAssertEqual(message.info.comments["text"]?.arrayValue?.count, 3)
        XCTAssertEqual(message.message.matchingRules[.body]["$.a"], RuleList([.regex("\\d+-\\d+")]))
        XCTAssertEqual(message.message.generators[.body]["a"], .uuid(format: nil))
        XCTAssertEqual(message.message.metadata["destination"], "a/b/c")

        let combined = try read("v4-combined-pact.json")
        XCTAssertEqual(combined.interactions.map(\.typeName), ["Synchronous/HTTP", "Asynchronous/Messages"])
    }

    // MARK: - Inline documents

    func testV4BodyObjectForms() throws {
        func body(_ text: String, headers: String = "{}") throws -> Body {
            try PactReader.request(from: json(#"{"method":"POST","path":"/","headers":\#(headers),"body":\#(text)}"#), version: .v4).body
        }
        XCTAssertEqual(try body(#"{"content":""}"#), .empty)
        XCTAssertEqual(try body(#"{"content":null}"#), .null)
        XCTAssertEqual(try body("null"), .null)
        XCTAssertEqual(try body(#"{"contentType":"application/json"}"#), .missing)
        XCTAssertEqual(try body(#"{"contentType":"application/json","encoded":false,"content":{"a":1}}"#), .json(["a": 1], contentType: .json))
        XCTAssertEqual(try body(#"{"contentType":"application/json","encoded":"JSON","content":"\"x\""}"#), .json("x", contentType: .json))
        XCTAssertEqual(try body(#"{"contentType":"application/json","content":"[1,2]"}"#), .json([1, 2], contentType: .json))
        XCTAssertEqual(try body(#"{"contentType":"application/json","content":"not json"}"#), .text("not json", contentType: .json))
        XCTAssertEqual(try body(#"{"contentType":"text/plain","content":"[1]"}"#), .text("[1]", contentType: .plainText))
        XCTAssertEqual(try body(#"{"contentType":"application/json","encoded":"base64","content":"eyJhIjoxfQ=="}"#), .json(["a": 1], contentType: .json))
        XCTAssertEqual(try body(#"{"contentType":"text/plain","encoded":"base64","content":"aGk="}"#), .text("hi", contentType: .plainText))
        XCTAssertEqual(try body(#"{"encoded":"base64","content":"aGk="}"#), .binary(Data("hi".utf8), contentType: nil))
        XCTAssertEqual(try body(#"{"content":{"a":1}}"#, headers: #"{"Content-Type":["application/json"]}"#), .json(["a": 1], contentType: .json))
        XCTAssertEqual(try body("[1]"), .json([1], contentType: nil), "a raw value in a V4 file reads like V3")
    }

    func testLegacyBodyForms() throws {
        func body(_ text: String, contentType: String? = nil) throws -> Body {
            let headers = contentType.map { #"{"Content-Type":"\#($0)"}"# } ?? "{}"
            return try PactReader.response(from: json(#"{"status":200,"headers":\#(headers),"body":\#(text)}"#), version: .v3).body
        }
        XCTAssertEqual(try body(#""""#, contentType: "application/json"), .empty)
        XCTAssertEqual(try body("null", contentType: "application/json"), .null)
        XCTAssertEqual(try body(#""plain""#), .text("plain", contentType: nil))
        XCTAssertEqual(try body(#""{\"a\":1}""#, contentType: "application/json"), .json(["a": 1], contentType: .json))
        XCTAssertEqual(try body(#""<a/>""#, contentType: "application/xml"), .text("<a/>", contentType: .xml))
        XCTAssertEqual(try body("[true]", contentType: "application/json"), .json([true], contentType: .json))
        XCTAssertEqual(try body(#""not base64!""#, contentType: "application/octet-stream"), .text("not base64!", contentType: .octetStream))
    }

    func testRequestQueryAndHeaderForms() throws {
        let request = try PactReader.request(from: json(#"""
            {"method":"GET","path":"/","query":{"a":["1",null],"b":"x","c":null},
             "headers":{"Accept":"application/json, text/plain","X-Multi":["1","2"],"X-Num":5}}
            """#), version: .v3)
        XCTAssertEqual(request.query, [
            QueryParameter(name: "a", values: ["1", nil]), QueryParameter(name: "b", values: ["x"]),
            QueryParameter(name: "c", values: [nil]),
        ])
        XCTAssertEqual(request.headers["Accept"], ["application/json, text/plain"], "a header string is one value")
        XCTAssertEqual(request.headers["X-Multi"], ["1", "2"])
        XCTAssertEqual(request.headers["X-Num"], ["5"])

        let v1 = try PactReader.request(from: json(#"{"method":"GET","path":"/","query":"a=1&flag&a=2&b=&"}"#), version: .v1)
        XCTAssertEqual(v1.query, [
            QueryParameter(name: "a", values: ["1", "2"]), QueryParameter(name: "flag", values: [nil]),
            QueryParameter(name: "b", values: [""]),
        ])
        XCTAssertEqual(v1.rawQuery, "a=1&flag&a=2&b=&")
    }

    func testTestcasePartsDefaultMissingMethodPathAndStatus() throws {
        let request = try PactReader.request(from: json(#"{"headers":{"Accept":"text/plain"}}"#), version: .v1)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.path, "/")
        XCTAssertNil(request.query)
        let response = try PactReader.response(from: json(#"{"status":"201","body":{"a":1}}"#), version: .v2)
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(try PactReader.response(from: json("{}"), version: .v2).status, 200)
    }

    func testMessageObjects() throws {
        let v3 = try PactReader.message(from: json(#"{"metaData":{"contentType":"application/json"},"contents":{"a":1},"matchingRules":{"body":{"$.a":{"matchers":[{"match":"type"}]}}}}"#), version: .v3)
        XCTAssertEqual(v3.contents, .json(["a": 1], contentType: .json))
        XCTAssertEqual(v3.metadata, ["contentType": "application/json"])
        XCTAssertEqual(v3.matchingRules[.body]["$.a"], RuleList([.type]))
        let v4 = try PactReader.message(from: json(#"{"contents":{"contentType":"text/plain","encoded":false,"content":"hi"},"metadata":{"k":"v"}}"#), version: .v4)
        XCTAssertEqual(v4.contents, .text("hi", contentType: .plainText))
        XCTAssertEqual(v4.metadata, ["k": "v"])
        XCTAssertEqual(try PactReader.message(from: json("{}"), version: .v3).contents, .missing)
    }

    func testV4SynchronousMessagesAndInfo() throws {
        let pact = try PactReader.read(json: json(#"""
            {"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"4.0"}},
             "interactions":[{"type":"Synchronous/Messages","description":"ask","pending":true,"key":"k1",
               "transport":"grpc","interactionMarkup":{"markup":"# x","markupType":"COMMON_MARK"},
               "request":{"contents":{"content":"q","contentType":"text/plain"}},
               "response":[{"contents":{"content":{"r":1},"contentType":"application/json"},"metadata":{"m":1}}]}]}
            """#))
        guard case .synchronousMessages(let exchange) = pact.interactions.first else { return XCTFail("expected sync messages") }
        XCTAssertEqual(exchange.info.key, "k1")
        XCTAssertTrue(exchange.info.pending)
        XCTAssertEqual(exchange.info.transport, "grpc")
        XCTAssertEqual(exchange.info.interactionMarkup["markupType"], "COMMON_MARK")
        XCTAssertEqual(exchange.request.contents, .text("q", contentType: .plainText))
        XCTAssertEqual(exchange.responses, [MessageContents(contents: .json(["r": 1], contentType: .json), metadata: ["m": 1])])
    }

    func testLegacyProviderStateSpellings() throws {
        let pact = try PactReader.read(json: json(#"""
            {"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[
              {"description":"a","provider_state":"ruby","request":{"method":"GET","path":"/"},"response":{"status":200}},
              {"description":"b","providerState":"jvm","request":{"method":"GET","path":"/"},"response":{"status":200}}]}
            """#))
        XCTAssertEqual(pact.interactions.map(\.info.providerStates), [[ProviderState(name: "ruby")], [ProviderState(name: "jvm")]])
    }

    // MARK: - Spec testcases

    /// The conformance runner reads every testcase's `expected` and `actual` with these entry points.
    func testEverySpecTestcasePartReads() throws {
        let versions: [(String, PactSpecVersion)] = [
            ("version-1", .v1), ("version-1.1", .v1_1), ("version-2", .v2), ("version-3", .v3), ("version-4", .v4),
        ]
        var count = 0
        for (folder, version) in versions {
            let root = FixturePaths.specification.appendingPathComponent(folder).appendingPathComponent("testcases")
            guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
                return XCTFail("no testcases in \(root.path)")
            }
            for case let url as URL in files where url.pathExtension == "json" {
                let testcase = try JSONParser.parse(Data(contentsOf: url))
                let kind = url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
                for side in ["expected", "actual"] {
                    guard let part = testcase[side] else { continue }
                    let path = "$.\(side)"
                    switch kind {
                    case "request": _ = try PactReader.request(from: part, version: version, at: path, file: url.path)
                    case "response": _ = try PactReader.response(from: part, version: version, at: path, file: url.path)
                    case "message": _ = try PactReader.message(from: part, version: version, at: path, file: url.path)
                    default: XCTFail("unexpected testcase folder \(kind)")
                    }
                    count += 1
                }
            }
        }
        XCTAssertGreaterThan(count, 1_500)
    }
}
