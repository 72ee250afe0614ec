import Foundation
import PactModel
import XCTest

@testable import PactMatching

final class ValueMatcherTests: XCTestCase {
    private func check(
        _ rule: MatchingRule, _ expected: JSONValue, _ actual: JSONValue, origin: ValueOrigin = .body, cascaded: Bool = false
    ) -> [String] {
        ValueMatcher.match(RuleList([rule]), expected: expected, actual: actual, origin: origin, cascaded: cascaded)
    }

    // MARK: Equality

    func testEmptyRuleListMeansEquality() {
        XCTAssertEqual(ValueMatcher.match(RuleList([]), expected: "a", actual: "a"), [])
        XCTAssertEqual(ValueMatcher.match(RuleList([]), expected: "b", actual: "c"),
                       ["Expected 'c' (String) to be equal to 'b' (String)"])
    }

    func testEqualityKeepsIntegersAndDecimalsApart() {
        XCTAssertEqual(check(.equality, 1, 1), [])
        XCTAssertEqual(check(.equality, 1, 1.0), ["Expected 1.0 (Decimal) to be equal to 1 (Integer)"])
        XCTAssertEqual(check(.equality, nil, 33), ["Expected 33 (Integer) to be equal to null (Null)"])
        XCTAssertEqual(check(.equality, true, false), ["Expected false (Boolean) to be equal to true (Boolean)"])
    }

    func testEqualityOfStringOriginsLeavesTypesOut() {
        XCTAssertEqual(check(.equality, "a", "b", origin: .header), ["Expected 'b' to be equal to 'a'"])
    }

    // MARK: Regex

    func testRegexMustMatchTheWholeValue() {
        XCTAssertEqual(check(.regex("\\d{1,4}"), "1", "9999"), [])
        XCTAssertEqual(check(.regex("\\d{1,4}"), "1", "9999ABC"), ["Expected '9999ABC' to match '\\d{1,4}'"])
        XCTAssertEqual(check(.regex("\\d{1,4}"), "1", "x12"), ["Expected 'x12' to match '\\d{1,4}'"])
    }

    func testRegexAlternationMatchesAsAWhole() {
        XCTAssertEqual(check(.regex("red|blue"), "red", "blue"), [])
        XCTAssertEqual(check(.regex("a|ab"), "a", "ab"), [])
        XCTAssertEqual(check(.regex("red|blue"), "red", "redblue"), ["Expected 'redblue' to match 'red|blue'"])
    }

    func testRegexSeesNumbersAsTheirText() {
        XCTAssertEqual(check(.regex("[0-9]"), 4, 4), [])
        XCTAssertEqual(check(.regex("\\d+\\.\\d{2}"), 1.5, 500.55), [])
        XCTAssertEqual(check(.regex("\\d"), 4, 42), ["Expected '42' to match '\\d'"])
    }

    func testInvalidRegexIsReported() {
        XCTAssertEqual(check(.regex("(unclosed"), "a", "a"), ["'(unclosed' is not a valid regular expression - unclosed group"])
    }

    // MARK: Type and size

    func testTypeMatchesSameJSONType() {
        XCTAssertEqual(check(.type, "a", "b"), [])
        XCTAssertEqual(check(.type, 1, 2.5), [], "integers and decimals are both numbers")
        XCTAssertEqual(check(.type, [1], [1, 2, 3]), [])
        XCTAssertEqual(check(.type, ["a": 1], [:]), [])
        XCTAssertEqual(check(.type, "a", 100), ["Expected 100 (Integer) to be the same type as 'a' (String)"])
        XCTAssertEqual(check(.type, nil, "x"), ["Expected 'x' (String) to be the same type as null (Null)"])
    }

    func testMinAndMaxCheckSizesOfTheNamedCollection() {
        XCTAssertEqual(check(.minType(1), [1], []), ["Expected [] (size 0) to have minimum size of 1"])
        XCTAssertEqual(check(.minType(1), [1], [5]), [])
        XCTAssertEqual(check(.maxType(2), [1], [1, 2, 3]), ["Expected [1, 2, 3] (size 3) to have maximum size of 2"])
        XCTAssertEqual(check(.minMaxType(min: 1, max: 2), [1], [1, 2]), [])
        XCTAssertEqual(check(.minMaxType(min: 2, max: 3), [1], [1]), ["Expected [1] (size 1) to have minimum size of 2"])
        XCTAssertEqual(check(.minType(2), ["a": 1], ["a": 1]), ["Expected {\"a\":1} (size 1) to have minimum size of 2"])
    }

    func testCascadedSizeRulesOnlyCheckTheType() {
        XCTAssertEqual(check(.minType(3), [1], [], cascaded: true), [])
        XCTAssertEqual(check(.maxType(1), [1], [1, 2], cascaded: true), [])
        XCTAssertEqual(check(.minType(3), "a", 1, cascaded: true), ["Expected 1 (Integer) to be the same type as 'a' (String)"])
    }

    // MARK: Strings

    func testInclude() {
        XCTAssertEqual(check(.include("gat"), "x", "alligator"), [])
        XCTAssertEqual(check(.include("croc"), "x", "alligator"), ["Expected 'alligator' to include 'croc'"])
    }

    func testSemver() {
        XCTAssertEqual(check(.semver, "1.0.0", "1.2.3"), [])
        XCTAssertEqual(check(.semver, "1.0.0", "1.2.3-beta.1+build.5"), [])
        XCTAssertEqual(check(.semver, "1.0.0", "1.0"), ["'1.0' is not a valid semantic version"])
        XCTAssertEqual(check(.semver, "1.0.0", "01.0.0"), ["'01.0.0' is not a valid semantic version"])
        XCTAssertEqual(check(.semver, "1.0.0", "1.0.0-01"), ["'1.0.0-01' is not a valid semantic version"])
        XCTAssertEqual(check(.semver, "1.0.0", 1), ["Expected something that matches a semantic version, but got '1'"])
    }

    func testNotEmpty() {
        XCTAssertEqual(check(.notEmpty, "a", "b"), [])
        XCTAssertEqual(check(.notEmpty, "a", ""), ["Expected '' (String) to not be empty"])
        XCTAssertEqual(check(.notEmpty, [1], []), ["Expected [] (Array) to not be empty"])
        XCTAssertEqual(check(.notEmpty, ["a": 1], [:]), ["Expected {} (Map) to not be empty"])
        XCTAssertEqual(check(.notEmpty, "a", nil), ["Expected non-empty value but got a NULL"])
        XCTAssertEqual(check(.notEmpty, "a", 5), ["Expected 5 (Integer) to be the same type as 'a' (String)"])
    }

    // MARK: Numbers

    func testNumbersInBodiesFollowTheJSONType() {
        XCTAssertEqual(check(.integer, 1, 100), [])
        XCTAssertEqual(check(.integer, 1, "100"), ["Expected '100' (String) to be an integer"])
        XCTAssertEqual(check(.integer, 1, 1.5), ["Expected 1.5 (Decimal) to be an integer"])
        XCTAssertEqual(check(.decimal, 1.5, 2.25), [])
        XCTAssertEqual(check(.decimal, 1.5, 2), ["Expected 2 (Integer) to be a decimal number"])
        XCTAssertEqual(check(.number, 1, 2.5), [])
        XCTAssertEqual(check(.number, 1, "a"), ["Expected 'a' (String) to be a number"])
    }

    func testNumbersFromStringOriginsAreReadFromTheirText() {
        XCTAssertEqual(check(.integer, "1", "100", origin: .query), [])
        XCTAssertEqual(check(.integer, "1", "-7", origin: .header), [])
        XCTAssertEqual(check(.integer, "1", "1.5", origin: .query), ["Expected '1.5' to match an integer number"])
        XCTAssertEqual(check(.decimal, "1.5", "2.75", origin: .path), [])
        XCTAssertEqual(check(.number, "1", "1e3", origin: .query), [])
        XCTAssertEqual(check(.number, "1", "abc", origin: .query), ["Expected 'abc' to match a number"])
    }

    // MARK: Null, boolean, dates

    func testNullAndBoolean() {
        XCTAssertEqual(check(.null, nil, nil), [])
        XCTAssertEqual(check(.null, nil, ""), ["Expected '' (String) to be a null value"])
        XCTAssertEqual(check(.boolean, true, false), [])
        XCTAssertEqual(check(.boolean, true, "true"), [])
        XCTAssertEqual(check(.boolean, true, "yes"), ["Expected 'yes' (String) to match a boolean"])
        XCTAssertEqual(check(.boolean, true, 1), ["Expected 1 (Integer) to match a boolean"])
    }

    func testDateTimeMatchersUseJavaPatterns() {
        XCTAssertEqual(check(.date(format: "yyyy-MM-dd"), "2020-01-01", "2024-02-29"), [])
        XCTAssertEqual(check(.date(format: "yyyy-MM-dd"), "2020-01-01", "29/02/2024"),
                       ["Expected '29/02/2024' to match a date pattern of 'yyyy-MM-dd'"])
        XCTAssertEqual(check(.date(format: nil), "2020-01-01", "2024-02-29"), [], "ISO date by default")
        XCTAssertEqual(check(.time(format: "HH:mm"), "10:00", "23:59"), [])
        XCTAssertEqual(check(.time(format: "HH:mm"), "10:00", "25:00"), ["Expected '25:00' to match a time pattern of 'HH:mm'"])
        XCTAssertEqual(check(.timestamp(format: "yyyy-MM-dd HH:mm:ss"), "x", "2020-05-01 10:11:12"), [])
        // pact-reference's default for a date-time without a format requires the zone offset.
        XCTAssertEqual(check(.timestamp(format: nil), "x", "2020-05-01T10:11:12Z"), [])
        XCTAssertEqual(check(.timestamp(format: nil), "x", "2020-05-01T10:11:12+01:00"), [])
        XCTAssertEqual(check(.timestamp(format: nil), "x", "2020-05-01T10:11:12"),
                       ["Expected '2020-05-01T10:11:12' to match a timestamp pattern of 'yyyy-MM-dd'T'HH:mm:ssXXX'"])
        XCTAssertEqual(check(.timestamp(format: nil), "x", 12), ["Expected '12' to match a timestamp pattern of 'yyyy-MM-dd'T'HH:mm:ssXXX'"])
    }

    func testInvalidDatePatternIsReported() {
        let failures = check(.date(format: "yyyy-MM-dd'"), "x", "2020-01-01")
        XCTAssertEqual(failures.count, 1)
        XCTAssertTrue(failures.first?.hasPrefix("Invalid date pattern") == true, "\(failures)")
    }

    // MARK: Content type and status

    func testContentTypeDetectsTheBytes() {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).base64EncodedString()
        XCTAssertEqual(check(.contentType("image/png"), "", .string(png)), [])
        XCTAssertEqual(check(.contentType("application/json"), "", "{\"a\": 1}"), [])
        XCTAssertEqual(check(.contentType("image/png"), "", "plain words"),
                       ["Expected binary contents to have content type 'image/png' but detected contents was 'text/plain'"])
    }

    func testStatusCodeClasses() {
        XCTAssertEqual(check(.statusCode(.success), 200, 204, origin: .status), [])
        XCTAssertEqual(check(.statusCode(.success), 200, 404, origin: .status),
                       ["Expected status code 404 to be a Successful response (200–299)"])
        XCTAssertEqual(check(.statusCode(.clientError), 400, 404, origin: .status), [])
        XCTAssertEqual(check(.statusCode(.nonError), 200, 302, origin: .status), [])
        XCTAssertEqual(check(.statusCode(.error), 500, 302, origin: .status),
                       ["Expected status code 302 to be a Error response (>= 400)"])
        XCTAssertEqual(check(.statusCode(.codes([200, 201])), 200, 201, origin: .status), [])
        XCTAssertEqual(check(.statusCode(.codes([200, 201])), 200, 202, origin: .status),
                       ["Expected status code 202 to be a 200, 201"])
    }

    // MARK: Collection rules on single values

    func testValuesOnASingleValueIsEquality() {
        XCTAssertEqual(check(.values, "a", "a"), [])
        XCTAssertEqual(check(.values, "a", "b"), ["Expected 'b' (String) to be equal to 'a' (String)"])
    }

    func testEachValueAppliesItsRulesToASingleValue() {
        let rule = MatchingRule.eachValue(rules: [.regex("[a-z]+")], example: nil)
        XCTAssertEqual(check(rule, "a", "abc", origin: .query), [])
        XCTAssertEqual(check(rule, "a", "ABC", origin: .query), ["Expected 'ABC' to match '[a-z]+'"])
    }

    func testEachKeyAndArrayContainsIgnoreSingleValues() {
        XCTAssertEqual(check(.eachKey(rules: [.regex("x")], example: nil), "a", "b"), [])
        XCTAssertEqual(check(.arrayContains([]), "a", "b"), [])
    }

    // MARK: Logic

    func testAndNeedsEveryRuleAndReportsEachFailure() {
        let rules = RuleList([.include("a"), .include("z")], logic: .and)
        XCTAssertEqual(ValueMatcher.match(rules, expected: "a", actual: "abc"), ["Expected 'abc' to include 'z'"])
        XCTAssertEqual(ValueMatcher.match(rules, expected: "a", actual: "bcd"),
                       ["Expected 'bcd' to include 'a'", "Expected 'bcd' to include 'z'"])
    }

    func testOrNeedsOneRule() {
        let rules = RuleList([.include("a"), .include("z")], logic: .or)
        XCTAssertEqual(ValueMatcher.match(rules, expected: "a", actual: "xyz"), [])
        XCTAssertEqual(ValueMatcher.match(rules, expected: "a", actual: "bcd"),
                       ["Expected 'bcd' to include 'a'", "Expected 'bcd' to include 'z'"])
    }
}
