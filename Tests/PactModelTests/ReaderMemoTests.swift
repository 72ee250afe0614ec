import Foundation
import XCTest

@testable import PactModel

/// Reading a pact reuses the headers and matching rules of the previous interaction when they are written alike
/// (`ReaderMemo`), and builds JSON paths only for errors (`JSONLocation`). Neither may change what is read or how an
/// error names its place.
final class ReaderMemoTests: XCTestCase {
    private func pact(_ interactions: [String]) -> Data {
        Data(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"4.0"}},"interactions":[\#(interactions.joined(separator: ","))]}"#.utf8)
    }

    private func interaction(_ n: Int, requestHeaders: String, rules: String) -> String {
        #"{"type":"Synchronous/HTTP","description":"d\#(n)","request":{"method":"GET","path":"/o/\#(n)","headers":\#(requestHeaders),"matchingRules":\#(rules)},"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":{"content":{"id":\#(n)},"contentType":"application/json"},"matchingRules":\#(rules)}}"#
    }

    /// Each interaction read in a pact of its own, where nothing can be reused.
    private func readAlone(_ interactions: [String]) throws -> [Interaction] {
        try interactions.map { try XCTUnwrap(PactReader.read(data: pact([$0])).interactions.first) }
    }

    func testRepeatedAndVaryingHeadersAndRulesReadAsOnTheirOwn() throws {
        let rules = #"{"body":{"$.id":{"combine":"AND","matchers":[{"match":"type","min":1}]}},"path":{"matchers":[{"match":"regex","regex":"/o/\\d+"}]}}"#
        let interactions = [
            interaction(0, requestHeaders: #"{"Accept":"application/json"}"#, rules: rules),
            interaction(1, requestHeaders: #"{"Accept":"application/json"}"#, rules: rules),
            // A number written differently, a key more, a header value changed: each is read afresh.
            interaction(2, requestHeaders: #"{"Accept":"text/plain"}"#, rules: rules.replacingOccurrences(of: #""min":1"#, with: #""min":2"#)),
            interaction(3, requestHeaders: #"{"Accept":"text/plain","X":"1"}"#, rules: rules.replacingOccurrences(of: #""min":1"#, with: #""min":2.0"#)),
            interaction(4, requestHeaders: #"{"Accept":"text/plain","X":"1"}"#, rules: "{}"),
            interaction(5, requestHeaders: #"{"Accept":"text/plain","X":"1"}"#, rules: rules),
        ]
        let together = try PactReader.read(data: pact(interactions)).interactions
        XCTAssertEqual(together, try readAlone(interactions))
        let http = together.compactMap { if case .http(let h) = $0 { h } else { nil } }
        XCTAssertEqual(http.map { $0.request.headers["Accept"] }, [
            ["application/json"], ["application/json"], ["text/plain"], ["text/plain"], ["text/plain"], ["text/plain"],
        ])
        XCTAssertEqual(http.map { $0.response.matchingRules[.body]["$.id"]?.rules }, [
            [.minType(1)], [.minType(1)], [.minType(2)], [.minType(2)], nil, [.minType(1)],
        ])
        XCTAssertEqual(http[1].response.body, .json(["id": 1], contentType: .json))
        XCTAssertEqual(http[1].response.headers.contentType, .json)
    }

    func testRepeatedMessageRulesReadAsOnTheirOwn() throws {
        func v3(_ messages: [String]) -> Data {
            Data(#"{"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"3.0.0"}},"messages":[\#(messages.joined(separator: ","))]}"#.utf8)
        }
        func message(_ n: Int, _ rules: String) -> String {
            #"{"description":"m\#(n)","contents":{"id":\#(n)},"metaData":{"contentType":"application/json"},"matchingRules":\#(rules)}"#
        }
        let type = #"{"body":{"$.id":{"matchers":[{"match":"type"}]}}}"#
        let integer = #"{"body":{"$.id":{"matchers":[{"match":"integer"}]}}}"#
        let messages = [message(0, type), message(1, type), message(2, integer), message(3, type)]
        let together = try PactReader.read(data: v3(messages)).interactions
        XCTAssertEqual(together, try messages.map { try XCTUnwrap(PactReader.read(data: v3([$0])).interactions.first) })
        let rules = together.map { interaction -> [MatchingRule]? in
            guard case .asynchronousMessage(let m) = interaction else { return nil }
            return m.message.matchingRules[.body]["$.id"]?.rules
        }
        XCTAssertEqual(rules, [[.type], [.type], [.integer], [.type]])
    }

    func testCanonicallyEquivalentTextIsNotReused() throws {
        // "é" precomposed, then as "e" with a combining accent: equal as Swift strings, different bytes.
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        XCTAssertEqual(precomposed, decomposed)
        let interactions = [precomposed, decomposed].enumerated().map { index, text in
            interaction(index, requestHeaders: #"{"X-Name":"\#(text)"}"#,
                        rules: #"{"header":{"X-Name":{"matchers":[{"match":"regex","regex":"\#(text)"}]}}}"#)
        }
        let read = try PactReader.read(data: pact(interactions)).interactions
        guard case .http(let second) = read[1] else { return XCTFail("expected an HTTP interaction") }
        XCTAssertEqual(second.request.headers["X-Name"].map { $0.map { Array($0.utf8) } }, [Array(decomposed.utf8)])
        guard case .regex(let pattern)? = second.request.matchingRules[.header]["X-Name"]?.rules.first else {
            return XCTFail("expected a regex rule")
        }
        XCTAssertEqual(Array(pattern.utf8), Array(decomposed.utf8))
    }

    func testErrorsAfterRepeatedValuesNameTheirOwnInteraction() {
        let rules = #"{"path":{"matchers":[{"match":"regex","regex":"/o/\\d+"}]}}"#
        let good = (0..<3).map { interaction($0, requestHeaders: #"{"Accept":"application/json"}"#, rules: rules) }

        let badRule = good + [interaction(3, requestHeaders: #"{"Accept":"application/json"}"#, rules: #"{"path":{"matchers":[{"match":"regex","regex":"(unclosed"}]}}"#)]
        XCTAssertThrowsError(try PactReader.read(data: pact(badRule), file: "f.json")) { error in
            let error = error as? PactError
            XCTAssertEqual(error?.file, "f.json")
            XCTAssertEqual(error?.jsonPath, "$.interactions[3].request.matchingRules.path.matchers[0].regex")
            XCTAssertEqual(error?.reason, "'(unclosed' is not a valid regular expression - unclosed group")
        }

        let badHeader = good + [interaction(3, requestHeaders: #"{"Accept":"application/json\r\n"}"#, rules: rules)]
        XCTAssertThrowsError(try PactReader.read(data: pact(badHeader), file: "f.json")) { error in
            let error = error as? PactError
            XCTAssertEqual(error?.jsonPath, "$.interactions[3].request.headers.Accept")
            XCTAssertEqual(error?.reason.hasSuffix("contains CR, LF or NUL, which cannot be sent in an HTTP header"), true)
        }

        // Fields read without the memo still name their own interaction.
        let badStatus = good + [#"{"type":"Synchronous/HTTP","description":"d","request":{"path":"/"},"response":{"status":99}}"#]
        XCTAssertThrowsError(try PactReader.read(data: pact(badStatus))) { error in
            XCTAssertEqual((error as? PactError)?.jsonPath, "$.interactions[3].response.status")
        }
    }

    func testSameComparesStructureBytesAndLiterals() throws {
        func same(_ a: String, _ b: String) throws -> Bool { ReaderMemo.same(try JSONParser.parse(a), try JSONParser.parse(b)) }
        XCTAssertTrue(try same(#"{"a":[1,"x",null,true,{"b":2.5}]}"#, #"{"a":[1,"x",null,true,{"b":2.5}]}"#))
        XCTAssertFalse(try same(#"{"a":1}"#, #"{"b":1}"#))
        XCTAssertFalse(try same(#"{"a":1}"#, #"{"a":1,"b":1}"#))
        XCTAssertFalse(try same("1", "1.0"))
        XCTAssertFalse(try same("100", "1e2"))
        XCTAssertFalse(try same("[1,2]", "[1]"))
        XCTAssertFalse(try same("null", "false"))
        XCTAssertFalse(try same("false", "true"))
        XCTAssertFalse(try same(#""1""#, "1"))
        XCTAssertFalse(try same("[]", "{}"))
        XCTAssertTrue(try same("[]", "[]"))
        XCTAssertFalse(ReaderMemo.same(.string("caf\u{E9}"), .string("cafe\u{301}")))
        XCTAssertTrue(ReaderMemo.same(.string(""), .string("")))
    }

    func testLocationsSpellTheSamePathsAsJSONPath() {
        let interactions = JSONLocation.member(.path("$"), "interactions")
        XCTAssertEqual(JSONLocation.element(interactions, 3).path, "$.interactions[3]")
        XCTAssertEqual(JSONLocation.member(.element(interactions, 0), "it's a key").path, #"$.interactions[0]['it\'s a key']"#)
        XCTAssertEqual(JSONLocation.path("$.x").path, "$.x")
    }

    func testContentTypeAndHeaderLookupShortcuts() {
        XCTAssertEqual(ContentType("application/json"), ContentType(type: "application", subtype: "json"))
        XCTAssertEqual(ContentType("Application/JSON"), .json)
        XCTAssertEqual(ContentType("application/json; charset=utf-8")?.parameter("charset"), "utf-8")
        let headers: Headers = ["content-TYPE": ["text/plain"], "Accept": ["*/*"]]
        XCTAssertEqual(headers.contentType, .plainText)
        XCTAssertEqual(headers.values(forHeader: "ACCEPT"), ["*/*"])
        XCTAssertNil(headers.values(forHeader: "Accepts"))
        // A name outside ASCII is compared as lower-cased text, as before.
        let unicode: Headers = ["X-\u{C9}t\u{E9}": ["1"]]
        XCTAssertEqual(unicode.values(forHeader: "x-\u{E9}t\u{E9}"), ["1"])
    }
}
