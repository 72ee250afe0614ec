import PactMatching
import PactModel
import XCTest

/// Whole requests, responses and messages, and the small parts (method, path, status, metadata).
final class InteractionMatchingTests: XCTestCase {
    func testMethodIgnoresCase() {
        XCTAssertEqual(MethodMatching.match(expected: "POST", actual: "post"), [])
        XCTAssertEqual(MethodMatching.match(expected: "POST", actual: "GET"),
                       [Mismatch(kind: .method, expected: "POST", actual: "GET", message: "expected POST but was GET")])
    }

    func testPathIsExactUnlessARuleApplies() {
        XCTAssertEqual(PathMatching.match(expected: "/a/", actual: "/a").map(\.message), ["Expected '/a' to be equal to '/a/'"])
        XCTAssertEqual(PathMatching.match(expected: "", actual: "/").count, 1)
        var rules = MatchingRules()
        rules.add(.regex("\\/path\\/to\\/\\d{4}"), category: .path)
        XCTAssertEqual(PathMatching.match(expected: "/path/to/1234", actual: "/path/to/5678", rules: rules), [])
        XCTAssertEqual(PathMatching.match(expected: "/path/to/1234", actual: "/path/to/56789", rules: rules).map(\.message),
                       ["Expected '/path/to/56789' to match '\\/path\\/to\\/\\d{4}'"])
    }

    func testStatusIsExactUnlessAStatusCodeRuleApplies() {
        XCTAssertEqual(StatusMatching.match(expected: 202, actual: 400),
                       [Mismatch(kind: .status, expected: "202", actual: "400", message: "expected 202 but was 400")])
        var rules = MatchingRules()
        rules.add(.statusCode(.success), category: .status)
        XCTAssertEqual(StatusMatching.match(expected: 200, actual: 201, rules: rules), [])
        XCTAssertEqual(StatusMatching.match(expected: 200, actual: 500, rules: rules).map(\.kind), [.status])
    }

    func testRequestCollectsEveryDifference() {
        let expected = PactRequest(
            method: "POST", path: "/animals", query: [QueryParameter(name: "a", values: ["1"])],
            headers: ["Content-Type": ["application/json"]], body: .json(["name": "Mary"], contentType: .json))
        let actual = PactRequest(
            method: "PUT", path: "/animals", query: [QueryParameter(name: "a", values: ["2"])],
            headers: ["Content-Type": ["application/json"]], body: .json(["name": "Mary", "x": 1], contentType: .json))
        let mismatches = RequestMatching.match(expected: expected, actual: actual, version: .v3)
        XCTAssertEqual(mismatches.map(\.kind), [.method, .query, .body])
        XCTAssertEqual(RequestMatching.match(expected: expected, actual: expected, version: .v3), [])
    }

    func testResponseAllowsUnexpectedKeysAndHeaders() {
        let expected = PactResponse(status: 200, headers: ["Content-Type": ["application/json"]],
                                    body: .json(["a": ["b": 1]], contentType: .json))
        let actual = PactResponse(status: 200, headers: ["content-type": ["application/json; charset=UTF-8"], "X-More": ["1"]],
                                  body: .json(["a": ["b": 1, "c": 2], "d": nil], contentType: .json))
        XCTAssertEqual(ResponseMatching.match(expected: expected, actual: actual, version: .v3), [])
        var wrong = actual
        wrong.status = 404
        XCTAssertEqual(ResponseMatching.match(expected: expected, actual: wrong, version: .v3).map(\.kind), [.status])
    }

    func testMessageContentsAreReadWithTheMetadataContentType() {
        let expected = MessageContents(contents: .text(#"{"a":1}"#, contentType: nil), metadata: ["contentType": "application/json"])
        let actual = MessageContents(contents: .text(#"{"b":2,"a":1}"#, contentType: nil),
                                     metadata: ["contentType": "application/json; charset=utf-8", "extra": 1])
        XCTAssertEqual(MessageMatching.match(expected: expected, actual: actual, version: .v3), [])
    }

    func testMessageMetadataMustBePresentAndEqual() {
        let expected = MessageContents(contents: .missing, metadata: ["destination": "a/b", "priority": 1])
        let missing = MessageMatching.match(expected: expected, actual: MessageContents(metadata: ["priority": 1]), version: .v3)
        XCTAssertEqual(missing, [Mismatch(kind: .metadata, path: "destination", expected: "a/b", actual: nil,
                                          message: "Expected message metadata 'destination' but was missing")])
        let different = MessageMatching.match(expected: expected, actual: MessageContents(metadata: ["destination": "a/b", "priority": 2]),
                                              version: .v3)
        XCTAssertEqual(different.map(\.message), ["Expected metadata key 'priority' to have value '1' but was '2' - Expected 2 to be equal to 1"])
    }

    func testMetadataRules() {
        var rules = MatchingRules()
        rules.add(.regex("[a-z]+/[a-z]+"), category: .metadata, key: "destination")
        let expected = MessageContents(metadata: ["destination": "a/b"], matchingRules: rules)
        XCTAssertEqual(MessageMatching.match(expected: expected, actual: MessageContents(metadata: ["destination": "xy/z"]), version: .v4), [])
        XCTAssertEqual(MessageMatching.match(expected: expected, actual: MessageContents(metadata: ["destination": "X/1"]), version: .v4)
            .map(\.message), ["Expected metadata key 'destination' to have value '\"a/b\"' but was '\"X/1\"' - Expected 'X/1' to match '[a-z]+/[a-z]+'"])
    }
}
