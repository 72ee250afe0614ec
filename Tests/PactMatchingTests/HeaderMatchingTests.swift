import PactMatching
import PactModel
import XCTest

final class HeaderMatchingTests: XCTestCase {
    private func match(
        _ expected: Headers, _ actual: Headers, rules: [String: [MatchingRule]] = [:], version: PactSpecVersion = .v3
    ) -> [Mismatch] {
        HeaderMatching.match(expected: expected, actual: actual, rules: rules.mapValues { RuleList($0) }, version: version)
    }

    func testMissingHeaderIsReported() {
        let mismatches = match(["X-TEST": ["1"]], ["Other": ["1"]])
        XCTAssertEqual(mismatches, [Mismatch(kind: .header, path: "X-TEST", expected: "1", actual: nil,
                                             message: "Expected a header 'X-TEST' but was missing")])
    }

    func testNamesIgnoreCaseAndExtraHeadersAreAllowed() {
        XCTAssertEqual(match(["Accept": ["alligators"]], ["ACCEPT": ["alligators"], "X-Extra": ["1"]]), [])
    }

    func testValuesAreCaseSensitive() {
        let mismatches = match(["X-Animal": ["alligators"]], ["X-Animal": ["Alligators"]])
        XCTAssertEqual(mismatches.map(\.message), ["Mismatch with header 'X-Animal': Expected 'Alligators' to be equal to 'alligators'"])
        XCTAssertEqual(mismatches.first?.path, "X-Animal")
        XCTAssertEqual(mismatches.first?.expected, "alligators")
        XCTAssertEqual(mismatches.first?.actual, "Alligators")
        // Accept is compared as media types from V3 on; values that are not media types are compared as written.
        XCTAssertEqual(match(["Accept": ["alligators"]], ["Accept": ["Alligators"]]).map(\.message),
                       ["Mismatch with header 'Accept': Expected header 'Accept' to have value 'alligators' but was 'Alligators'"])
    }

    func testCommaSeparatedItemsIgnoreWhitespaceButNotOrder() {
        XCTAssertEqual(match(["Cache-Control": ["no-cache,no-store"]], ["cache-control": ["no-cache, no-store"]]), [])
        XCTAssertEqual(match(["X": ["a, b"]], ["X": ["a", "b"]]), [], "one joined value and two values are the same list")
        XCTAssertEqual(match(["X": ["a, b"]], ["X": ["b, a"]]).map(\.message),
                       ["Mismatch with header 'X': Expected 'b, a' to be equal to 'a, b'"])
        XCTAssertEqual(match(["X": ["a, b"]], ["X": ["a"]]).count, 1, "a missing item fails")
        XCTAssertEqual(match(["X": ["a"]], ["X": ["a, b"]]).count, 1, "an extra item fails")
    }

    func testContentTypeIsParameterAwareFromV3() {
        XCTAssertEqual(match(["Content-Type": ["application/json"]], ["Content-Type": ["application/json; charset=UTF-8"]]), [])
        XCTAssertEqual(match(["Content-Type": ["application/json;charset=utf-8"]], ["Content-Type": ["application/json; charset=UTF-8"]]), [])
        XCTAssertEqual(match(["Content-Type": ["text/x-okie; a=1; b=2"]], ["Content-Type": ["Text/X-Okie; b=2;\n a=1"]]), [])
        let different = match(["Content-Type": ["application/json; charset=UTF-16"]], ["Content-Type": ["application/json; charset=UTF-8"]])
        XCTAssertEqual(different.map(\.message), [
            "Mismatch with header 'Content-Type': Expected header 'Content-Type' to have value "
                + "'application/json; charset=UTF-16' but was 'application/json; charset=UTF-8'",
        ])
        XCTAssertEqual(match(["Content-Type": ["application/json; charset=UTF-8"]], ["Content-Type": ["application/json"]]).count, 1,
                       "an expected parameter must be present")
        XCTAssertEqual(match(["Content-Type": ["application/json; v=A"]], ["Content-Type": ["application/json; v=a"]]).count, 1,
                       "only the charset ignores case")
        XCTAssertEqual(match(["Content-Type": ["application/json"]], ["Content-Type": ["application/xml"]]).count, 1)
    }

    func testAcceptListIsParameterAwareItemByItem() {
        XCTAssertEqual(match(["Accept": ["application/xml, application/json"]],
                             ["Accept": ["application/xml;q=0.9, application/json"]]), [])
        XCTAssertEqual(match(["Accept": ["application/xml, application/json"]], ["Accept": ["application/xml;q=0.9"]]).count, 1)
    }

    func testContentTypeIsParameterAwareInV2PactsToo() {
        XCTAssertEqual(match(["Content-Type": ["application/json"]], ["Content-Type": ["application/json; charset=UTF-8"]],
                             version: .v2), [])
        let mismatches = match(["Content-Type": ["application/json; charset=UTF-8"]], ["Content-Type": ["application/json"]],
                               version: .v2)
        XCTAssertEqual(mismatches.map(\.message), [
            "Mismatch with header 'Content-Type': Expected header 'Content-Type' to have value 'application/json; charset=UTF-8' but was 'application/json'",
        ])
    }

    func testRulesApplyToEachValueAndNameIgnoresCase() {
        let rules: [String: [MatchingRule]] = ["accept": [.regex("\\w+")]]
        XCTAssertEqual(match(["Accept": ["alligators"]], ["Accept": ["crocodiles"]], rules: rules), [])
        let mismatches = match(["Accept": ["alligators"]], ["Accept": ["a", "b-c"]], rules: rules)
        XCTAssertEqual(mismatches.map(\.message), ["Mismatch with header 'Accept': Expected 'b-c' to match '\\w+' for value at index 1"])
        XCTAssertEqual(mismatches.first?.actual, "b-c")
    }

    func testRulesCoerceNumbersFromHeaderText() {
        let rules: [String: [MatchingRule]] = ["X-Count": [.integer]]
        XCTAssertEqual(match(["X-Count": ["1"]], ["X-Count": ["42"]], rules: rules), [])
        XCTAssertEqual(match(["X-Count": ["1"]], ["X-Count": ["4.2"]], rules: rules).map(\.message),
                       ["Mismatch with header 'X-Count': Expected '4.2' to match an integer number"])
    }

    func testQuotedCommasDoNotSplit() {
        XCTAssertEqual(match(["X": ["form; name=\"a,b\""]], ["X": ["form; name=\"a,b\""]]), [])
        XCTAssertEqual(match(["X": ["form; name=\"a,b\""]], ["X": ["form; name=\"a, b\""]]).count, 1)
    }
}
