import Foundation
import PactMatching
import PactModel
import XCTest

/// Matching behaviour that follows pact-reference where the specification is silent (issue 13), from the scenarios of
/// the Pact compatibility suite (`V1/http_consumer.feature`, `V2/http_consumer.feature`, `V2/http_provider.feature`,
/// `V4/matching_rules.feature`).
final class ReferenceBehaviourTests: XCTestCase {
    private func headers(_ expected: Headers, _ actual: Headers, rules: [String: [MatchingRule]] = [:]) -> [String] {
        HeaderMatching.match(expected: expected, actual: actual, rules: rules.mapValues { RuleList($0) }).map(\.message)
    }

    // MARK: Repeated headers

    func testAHeaderRuleAppliesToEachRepeatedValue() throws {
        // V2/http_consumer.feature, "Supports matchers for repeated request headers": the rule comes from a V2 pact.
        let pact = try PactReader.read(data: Data(#"""
            {"consumer": {"name": "c"}, "provider": {"name": "p"}, "metadata": {"pactSpecification": {"version": "2.0.0"}},
             "interactions": [{"description": "d", "request": {"method": "GET", "path": "/path", "headers": {"X-Test": "1000"},
               "matchingRules": {"$.header.x-test": {"match": "regex", "regex": "\\d{1,4}"}}},
              "response": {"status": 200}}]}
            """#.utf8))
        let expected = try XCTUnwrap(pact.httpInteractions.first).request
        var actual = PactRequest(method: "GET", path: "/path", headers: ["X-Test": ["1000", "1234", "9999"]])
        XCTAssertEqual(RequestMatching.match(expected: expected, actual: actual, version: pact.specVersion), [])
        actual.headers = ["X-Test": ["1000", "1234", "9999ABC"]]
        let mismatches = RequestMatching.match(expected: expected, actual: actual, version: pact.specVersion)
        XCTAssertEqual(mismatches.map(\.message),
                       [#"Mismatch with header 'X-Test': Expected '9999ABC' to match '\d{1,4}' for value at index 2"#])
        XCTAssertEqual(mismatches.first?.actual, "9999ABC")
    }

    func testSizeRulesCountTheValuesOfARepeatedHeader() {
        let rules: [String: [MatchingRule]] = ["id": [.minType(2)]]
        XCTAssertEqual(headers(["id": ["1", "2"]], ["id": ["1", "2", "3", "4"]], rules: rules), [])
        XCTAssertEqual(headers(["id": ["1", "2", "3", "4"]], ["id": ["1"]], rules: rules),
                       ["Expected [1] (size 1) to have minimum size of 2"])
    }

    func testRepeatedValuesWithoutRulesAreComparedIndexByIndex() {
        XCTAssertEqual(headers(["c": ["d", "e"]], ["c": ["e"]]), [
            "Mismatch with header 'c': Expected 'e' to be equal to 'd' for value at index 0",
            "Mismatch with header 'c': Expected value 'e' at index 1 but was missing (actual has 1 value(s))",
        ])
        XCTAssertEqual(headers(["X-TEST": ["1"]], ["X-TEST": ["1", "1000"]]),
                       ["Mismatch with header 'X-TEST': Expected '1000' to be equal to '' for value at index 1"])
        XCTAssertEqual(headers(["c": []], ["c": ["d"]]), ["Expected an empty header 'c' but actual value was 'd'"])
    }

    func testASingleValueStillReadsWithoutAnIndex() {
        XCTAssertEqual(headers(["X-TEST": ["1"]], ["X-TEST": ["2"]]), ["Mismatch with header 'X-TEST': Expected '2' to be equal to '1'"])
        XCTAssertEqual(headers(["X": ["a, b"]], ["X": ["a", "b"]]), [], "a joined value and repeated values are the same list")
    }

    func testKnownListHeadersAreSplitAtTheirCommasAsTheReferenceReadsThem() {
        let rules: [String: [MatchingRule]] = ["Cache-Control": [.regex("no-(cache|store)|max-age=\\d+")]]
        XCTAssertEqual(headers(["Cache-Control": ["no-cache"]], ["cache-control": ["no-cache, no-store", "max-age=0"]], rules: rules), [])
        XCTAssertEqual(headers(["Cache-Control": ["no-cache"]], ["cache-control": ["no-cache, private"]], rules: rules),
                       ["Mismatch with header 'Cache-Control': Expected 'private' to match 'no-(cache|store)|max-age=\\d+' for value at index 1"])
        XCTAssertEqual(headers(["Accept": ["text/html, application/xml"]], ["Accept": ["text/html, application/json"]]), [
            "Mismatch with header 'Accept': Expected header 'Accept' at index 1 to have value 'application/xml' but was 'application/json'",
        ])
        // Other headers keep their commas: a date is one value.
        XCTAssertEqual(headers(["Date": ["Sun, 12 Mar 2023 01:21:35 GMT"]], ["Date": ["Sun, 12 Mar 2023 01:21:52 GMT"]]), [
            "Mismatch with header 'Date': Expected 'Sun, 12 Mar 2023 01:21:52 GMT' to be equal to 'Sun, 12 Mar 2023 01:21:35 GMT'",
        ])
    }

    // MARK: V1, V1.1 and V2 query strings

    func testAV1QueryStringIsComparedParameterByParameter() {
        // V1/http_consumer.feature, "Request with invalid query parameters".
        let expected = PactRequest(path: "/with_params", query: FormURLEncoding.parseQuery("a=1&b=2"), rawQuery: "a=1&b=2")
        let actual = PactRequest(path: "/with_params", query: FormURLEncoding.parseQuery("a=1&c=3"), rawQuery: "a=1&c=3")
        for version in [PactSpecVersion.v1, .v1_1, .v2] {
            let mismatches = RequestMatching.match(expected: expected, actual: actual, version: version)
            XCTAssertEqual(mismatches.map(\.message),
                           ["Expected query parameter 'b' but was missing", "Unexpected query parameter 'c' received"], "\(version)")
            XCTAssertEqual(mismatches.map(\.path), ["b", "c"])
        }
    }

    func testV1StillRequiresTheSameOrderAsTheSpecificationSays() {
        // The V1 spec testcase `different param order` says match:false (pact-reference relaxes it).
        let mismatches = QueryMatching.matchRaw(expected: "a=1&b=2", actual: "b=2&a=1")
        XCTAssertEqual(mismatches.map(\.message), ["Expected query string 'a=1&b=2' but was 'b=2&a=1'"])
        XCTAssertEqual(QueryMatching.matchRaw(expected: "a=1&b=2", actual: "a=1&b=2"), [])
        XCTAssertEqual(QueryMatching.matchRaw(expected: "a=1&b=2", actual: "a=1&b=3").map(\.message),
                       ["Expected query parameter 'b' with value '2' but was '3'"])
    }

    func testAV2QueryRuleAppliesToEachRepeatedValue() throws {
        // V2/http_consumer.feature, "Supports matchers for repeated request query parameters".
        var rules = MatchingRules()
        rules.add(.regex(#"\d{1,4}"#), category: .query, key: "a")
        let expected = PactRequest(path: "/path", query: FormURLEncoding.parseQuery("a=1&b=2&c=abc&d=true"),
                                   rawQuery: "a=1&b=2&c=abc&d=true", matchingRules: rules)
        func actual(_ query: String) -> PactRequest {
            PactRequest(path: "/path", query: FormURLEncoding.parseQuery(query), rawQuery: query)
        }
        XCTAssertEqual(RequestMatching.match(expected: expected, actual: actual("a=123&b=2&c=abc&d=true&a=9999"), version: .v2), [])
        XCTAssertEqual(RequestMatching.match(expected: expected, actual: actual("a=123&b=2&c=abc&d=true&a=9999X"), version: .v2)
            .map(\.message), [#"Expected '9999X' to match '\d{1,4}'"#])
    }

    // MARK: notEmpty on an empty binary body

    func testNotEmptyOnAnEmptyBinaryBodySaysSo() {
        // V4/matching_rules.feature, "Supports a not empty matcher with binary data (negative case)".
        var rules = MatchingRules()
        rules.add(.notEmpty, category: .body, key: "$")
        let jpeg = ContentType(type: "image", subtype: "jpeg")
        let expected = Body.binary(Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]), contentType: jpeg)
        let mismatches = BodyMatching.match(
            expected: expected, actual: .empty, expectedHeaders: ["Content-Type": ["image/jpeg"]],
            actualHeaders: ["Content-Type": ["image/jpeg"]], rules: rules, allowUnexpectedKeys: false, version: .v4)
        XCTAssertEqual(mismatches.map(\.message), ["Expected [] (0 bytes) to not be empty"])
        XCTAssertEqual(mismatches.first?.path, "$")
        let present = BodyMatching.match(
            expected: expected, actual: .binary(Data([0xFF, 0xD8, 0xFF]), contentType: jpeg), expectedHeaders: [:],
            actualHeaders: [:], rules: rules, allowUnexpectedKeys: false, version: .v4)
        XCTAssertEqual(present, [])
        // Without a rule on the whole body an empty body is still reported as empty.
        let unruled = BodyMatching.match(expected: expected, actual: .empty, expectedHeaders: [:], actualHeaders: [:],
                                         rules: MatchingRules(), allowUnexpectedKeys: false, version: .v4)
        XCTAssertEqual(unruled.count, 1)
        XCTAssertTrue(unruled.first?.message.hasSuffix("but was empty") == true)
    }
}
