import PactMatching
import PactModel
import XCTest

/// The sentences of PACT-SPEC §6, as users see them.
final class MismatchMessageTests: XCTestCase {
    private func body(_ expected: JSONValue, _ actual: JSONValue, rules: [String: [MatchingRule]] = [:], request: Bool = true) -> [Mismatch] {
        JSONBodyMatcher.match(expected: expected, actual: actual, rules: RuleSelector(rules.mapValues { RuleList($0) }),
                              allowUnexpectedKeys: !request)
    }

    func testEqualityPutsTheActualValueFirst() {
        let mismatch = body(["one": "a", "two": "b"], ["one": "a", "two": "c"]).first
        XCTAssertEqual(mismatch?.message, "Expected 'c' (String) to be equal to 'b' (String)")
        XCTAssertEqual(mismatch?.path, "$.two")
        XCTAssertEqual(mismatch?.description, "body $.two: Expected 'c' (String) to be equal to 'b' (String)")
    }

    func testMapKeys() {
        XCTAssertEqual(body(["one": "a", "two": "b"], ["one": "a"]).first?.message,
                       "Expected a Map with keys [one, two] but received one with keys [one]")
    }

    func testTypeMismatch() {
        XCTAssertEqual(body(["a": "a"], ["a": 100], rules: ["$.a": [.type]]).first?.message,
                       "Expected 100 (Integer) to be the same type as 'a' (String)")
    }

    func testMinimumSize() {
        XCTAssertEqual(body(["a": [1]], ["a": []], rules: ["$.a": [.minType(1)]]).first?.message,
                       "Expected [] (size 0) to have minimum size of 1")
    }

    func testNotEmptyAndSemver() {
        XCTAssertEqual(body(["a": "x"], ["a": ""], rules: ["$.a": [.notEmpty]]).first?.message, "Expected '' (String) to not be empty")
        XCTAssertEqual(body(["v": "1.0.0"], ["v": "1.0"], rules: ["$.v": [.semver]]).first?.message,
                       "'1.0' is not a valid semantic version")
    }

    func testIntegerInABodyIsNotCoerced() {
        XCTAssertEqual(body(["n": 1], ["n": "100"], rules: ["$.n": [.integer]]).first?.message,
                       "Expected '100' (String) to be an integer")
    }

    func testArrayContainsVariant() {
        let rules: [String: [MatchingRule]] = ["$": [.arrayContains([ArrayContainsVariant(index: 1)])]]
        XCTAssertEqual(body([["a": 1], ["b": 2]], [["a": 1]], rules: rules).first?.message,
                       #"Variant at index 1 ({"b":2}) was not found in the actual list"#)
    }

    func testBodyType() {
        let mismatches = BodyMatching.match(
            expected: .json(["a": 1], contentType: .json), actual: .text("<a/>", contentType: .xml),
            expectedHeaders: ["Content-Type": ["application/json"]], actualHeaders: ["Content-Type": ["application/xml"]],
            rules: MatchingRules(), allowUnexpectedKeys: false, version: .v3)
        XCTAssertEqual(mismatches.first?.message, "Expected a body of 'application/json' but the actual content type was 'application/xml'")
        XCTAssertEqual(mismatches.first?.description,
                       "bodyType $: Expected a body of 'application/json' but the actual content type was 'application/xml'")
    }

    func testHeaders() {
        XCTAssertEqual(HeaderMatching.match(expected: ["X-TEST": ["1"]], actual: [:]).first?.message,
                       "Expected a header 'X-TEST' but was missing")
        XCTAssertEqual(HeaderMatching.match(expected: ["content-type": ["application/json"]], actual: ["Content-Type": ["text/plain"]],
                                            version: .v3).first?.message,
                       "Mismatch with header 'content-type': Expected header 'content-type' to have value 'application/json' but was 'text/plain'")
    }

    func testQuery() {
        let expected = [QueryParameter(name: "a", values: ["1"]), QueryParameter(name: "b", values: ["2"])]
        let actual = [QueryParameter(name: "a", values: ["2"]), QueryParameter(name: "c", values: ["3"])]
        XCTAssertEqual(QueryMatching.match(expected: expected, actual: actual).map(\.message), [
            "Expected query parameter 'a' with value '1' but was '2'",
            "Expected query parameter 'b' but was missing",
            "Unexpected query parameter 'c' received",
        ])
    }

    func testMetadata() {
        XCTAssertEqual(MetadataMatching.match(expected: ["X": "1"], actual: [:]).first?.message,
                       "Expected message metadata 'X' but was missing")
    }
}
