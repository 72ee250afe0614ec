import Foundation
import PactModel
import XCTest

@testable import PactMatching

final class FormBodyMatcherTests: XCTestCase {
    private func match(
        _ expected: String, _ actual: String, rules: [String: [MatchingRule]] = [:], allowUnexpectedKeys: Bool = false
    ) -> [Mismatch] {
        let selector = RuleSelector(rules.mapValues { RuleList($0) })
        return FormBodyMatcher.match(expected: expected, actual: actual, rules: selector, allowUnexpectedKeys: allowUnexpectedKeys)
    }

    func testSameParametersInAnyOrderMatch() {
        XCTAssertEqual(match("a=1&b=2&c=3", "c=3&a=1&b=2"), [])
    }

    func testDecodingOfPlusAndPercentEscapes() {
        XCTAssertEqual(match("name=Mary+Jane&city=S%C3%A3o%20Paulo", "city=São+Paulo&name=Mary%20Jane"), [])
        let body = FormBody("a=%41%zz%4&b&=&c=1=2")
        XCTAssertEqual(body.values("a"), ["A%zz%4"])
        XCTAssertEqual(body.values("b"), [""])
        XCTAssertEqual(body.values("c"), ["1=2"])
        XCTAssertEqual(body.parameters.map(\.name), ["a", "b", "c"])
    }

    func testDifferentValueSaysWhichParameter() {
        let mismatches = match("a=1&b=2&c=3&d=4", "a=1&b=2&c=33&d=4")
        XCTAssertEqual(mismatches.map(\.message), ["Expected form post parameter 'c' with value '3' but was '33'"])
        XCTAssertEqual(mismatches.first?.kind, .body)
        XCTAssertEqual(mismatches.first?.path, "$.c")
        XCTAssertEqual(mismatches.first?.expected, "3")
        XCTAssertEqual(mismatches.first?.actual, "33")
    }

    func testMissingParameterFailsEvenWhenUnexpectedKeysAreAllowed() {
        let mismatches = match("a=1&c=3", "a=1", allowUnexpectedKeys: true)
        XCTAssertEqual(mismatches.map(\.message), ["Expected form post parameter 'c' but was missing"])
        XCTAssertEqual(mismatches.first?.path, "$.c")
    }

    func testUnexpectedParameterFailsOnlyWhenNotAllowed() {
        XCTAssertEqual(match("a=1", "a=1&d=4").map(\.message), ["Unexpected form post parameter 'd' received"])
        XCTAssertEqual(match("a=1", "a=1&d=4", allowUnexpectedKeys: true), [])
    }

    func testRepeatedValuesAreComparedInOrder() {
        XCTAssertEqual(match("a=1&a=2", "a=1&a=2"), [])
        let swapped = match("a=1&a=2", "a=2&a=1")
        XCTAssertEqual(swapped.map(\.path), ["$.a[0]", "$.a[1]"])
        let fewer = match("a=1&a=2", "a=1")
        XCTAssertEqual(fewer.map(\.message), ["Expected form post parameter 'a' with 2 value(s) but received 1 value(s)"])
    }

    func testRuleOnTheParameterAppliesToEveryValue() {
        let rules: [String: [MatchingRule]] = ["$.id": [.regex("\\d+")]]
        XCTAssertEqual(match("id=1", "id=42&id=7", rules: rules), [])
        let mismatches = match("id=1", "id=42&id=x7", rules: rules)
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertEqual(mismatches.first?.path, "$.id[1]")
    }

    func testRuleOnOneIndexLeavesTheOthersEqual() {
        let rules: [String: [MatchingRule]] = ["$.id[1]": [.regex("\\d+")]]
        XCTAssertEqual(match("id=1&id=2", "id=1&id=99", rules: rules), [])
        XCTAssertEqual(match("id=1&id=2", "id=5&id=99", rules: rules).map(\.path), ["$.id[0]"])
    }

    func testMinimumRuleChecksTheNumberOfValues() {
        let rules: [String: [MatchingRule]] = ["$.tag": [.minType(2)]]
        XCTAssertEqual(match("tag=a", "tag=b&tag=c", rules: rules), [])
        XCTAssertEqual(
            match("tag=a", "tag=b", rules: rules).map(\.message),
            ["Expected [b] (size 1) to have minimum size of 2"])
    }

    func testEmptyBodies() {
        XCTAssertEqual(match("", ""), [])
        XCTAssertEqual(match("", "a=b").map(\.message), ["Unexpected form post parameter 'a' received"])
        XCTAssertEqual(match("a=b", "").map(\.message), ["Expected form post parameter 'a' but was missing"])
    }
}
