import PactMatching
import PactModel
import XCTest

final class QueryMatchingTests: XCTestCase {
    private func query(_ pairs: [(String, [String?])]) -> [QueryParameter] {
        pairs.map { QueryParameter(name: $0.0, values: $0.1) }
    }

    private func match(_ expected: [(String, [String?])], _ actual: [(String, [String?])], rules: [String: [MatchingRule]] = [:]) -> [Mismatch] {
        QueryMatching.match(expected: query(expected), actual: query(actual), rules: rules.mapValues { RuleList($0) })
    }

    func testSameParametersInAnyOrderMatch() {
        XCTAssertEqual(match([("a", ["1"]), ("b", ["2"])], [("b", ["2"]), ("a", ["1"])]), [])
    }

    func testMissingUnexpectedAndDifferentParameters() {
        XCTAssertEqual(match([("a", ["1"]), ("b", ["2"])], [("a", ["1"])]),
                       [Mismatch(kind: .query, path: "b", expected: "2", actual: nil, message: "Expected query parameter 'b' but was missing")])
        XCTAssertEqual(match([("a", ["1"])], [("a", ["1"]), ("c", ["3"])]),
                       [Mismatch(kind: .query, path: "c", expected: nil, actual: "3", message: "Unexpected query parameter 'c' received")])
        XCTAssertEqual(match([("a", ["1"])], [("a", ["2"])]),
                       [Mismatch(kind: .query, path: "a", expected: "1", actual: "2",
                                 message: "Expected query parameter 'a' with value '1' but was '2'")])
    }

    func testRepeatedValuesMustKeepTheirOrderAndCount() {
        XCTAssertEqual(match([("a", ["1", "2"])], [("a", ["1", "2"])]), [])
        XCTAssertEqual(match([("a", ["1", "2"])], [("a", ["2", "1"])]).count, 2)
        XCTAssertEqual(match([("a", ["1", "2"])], [("a", ["1"])]).map(\.message),
                       ["Expected query parameter 'a' value '2' but was missing",
                        "Expected query parameter 'a' with 2 value(s) but received 1 value(s)"])
        // pact-reference pads the expected values with "" and reports the extra value and the count.
        XCTAssertEqual(match([("a", ["1"])], [("a", ["1", "2"])]).map(\.message),
                       ["Expected query parameter 'a' with value '' but was '2'",
                        "Expected query parameter 'a' with 1 value(s) but received 2 value(s)"])
    }

    func testNoQueryAndEmptyQueryAreTheSame() {
        XCTAssertEqual(QueryMatching.match(expected: nil, actual: []), [])
        XCTAssertEqual(QueryMatching.match(expected: nil, actual: query([("a", ["1"])])).map(\.message),
                       ["Unexpected query parameter 'a' received"])
    }

    func testValuelessParameterIsNotAnEmptyValue() {
        XCTAssertEqual(match([("flag", [nil])], [("flag", [nil])]), [])
        XCTAssertEqual(match([("flag", [nil])], [("flag", ["x"])]).map(\.message),
                       ["Expected query parameter 'flag' with value '' but was 'x'"])
    }

    func testARuleAppliesToEveryValueOfARepeatedParameter() {
        let rules: [String: [MatchingRule]] = ["a": [.regex("\\d{1,4}")]]
        XCTAssertEqual(match([("a", ["1"])], [("a", ["123", "9999", "1"])], rules: rules), [])
        let mismatches = match([("a", ["1"])], [("a", ["123", "9999X"])], rules: rules)
        XCTAssertEqual(mismatches, [Mismatch(kind: .query, path: "a", expected: "1", actual: "9999X",
                                             message: "Expected '9999X' to match '\\d{1,4}'")])
    }

    func testRulesCoerceNumbersAndCountValues() {
        XCTAssertEqual(match([("id", ["1"])], [("id", ["100"])], rules: ["id": [.integer]]), [])
        XCTAssertEqual(match([("id", ["1"])], [("id", ["abc"])], rules: ["id": [.number]]).map(\.message),
                       ["Expected 'abc' to match a number"])
        XCTAssertEqual(match([("id", ["1", "2"])], [("id", ["3"])], rules: ["id": [.minType(2)]]).map(\.message),
                       ["Expected [3] (size 1) to have minimum size of 2"])
    }

    func testRulesKeyedByV2PathAreFound() {
        XCTAssertEqual(match([("a", ["1"])], [("a", ["2"])], rules: ["$.a": [.type]]), [])
    }

    func testV1ComparesTheRawQueryPairByPair() {
        XCTAssertEqual(QueryMatching.matchRaw(expected: "a=1&b=2", actual: "a=1&b=2"), [])
        XCTAssertEqual(QueryMatching.matchRaw(expected: "options=x=true&b=1", actual: "options=x%3Dtrue&b=1"), [],
                       "values are compared decoded")
        XCTAssertEqual(QueryMatching.matchRaw(expected: "a=1+2", actual: "a=1%202"), [])
        XCTAssertEqual(QueryMatching.matchRaw(expected: "a=1&b=2", actual: "b=2&a=1").map(\.message),
                       ["Expected query string 'a=1&b=2' but was 'b=2&a=1'"])
        XCTAssertEqual(QueryMatching.matchRaw(expected: "a=1&b=2", actual: "a=1&b=2&").count, 1, "a trailing & counts in V1")
    }

    func testV1UsesTheParsedParametersOfAReceivedRequest() {
        let expected = PactRequest(query: query([("a", ["1"]), ("b", ["2"])]), rawQuery: "a=1&b=2")
        XCTAssertEqual(QueryMatching.match(expected: expected, actual: PactRequest(query: query([("a", ["1"]), ("b", ["2"])])),
                                           version: .v1), [])
        XCTAssertEqual(QueryMatching.match(expected: expected, actual: PactRequest(query: query([("b", ["2"]), ("a", ["1"])])),
                                           version: .v1).map(\.message),
                       ["Expected query string 'a=1&b=2' but was 'b=2&a=1'"])
    }

    func testRequestQueryUsesTheVersion() {
        let expected = PactRequest(query: query([("a", ["1"]), ("b", ["2"])]), rawQuery: "a=1&b=2")
        let actual = PactRequest(query: query([("b", ["2"]), ("a", ["1"])]), rawQuery: "b=2&a=1")
        XCTAssertEqual(QueryMatching.match(expected: expected, actual: actual, version: .v1).count, 1)
        XCTAssertEqual(QueryMatching.match(expected: expected, actual: actual, version: .v1_1), [])
    }
}
