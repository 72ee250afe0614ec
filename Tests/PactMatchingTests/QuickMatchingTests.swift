import PactModel
import XCTest

@testable import PactMatching

/// The shortcuts a large body's walk takes (QuickRegex, QuickRules, RuleStates) must agree with the full matchers.
final class QuickMatchingTests: XCTestCase {
    private let supported = [
        #"ORD-\d{8}"#, #"[^@]+@[a-z.]+"#, #"^\d+$"#, #"\w+"#, #"a*a*b"#, #"[a-c-]x?"#, #"[-a]{2,}"#, #".{3,5}"#,
        #"\D\W\S\s"#, #"[\d.]+"#, #"x\.y\$"#, #"[A-Z][a-z]*"#, #"\$"#, #"a{0,2}b{1,}"#,
        // Read as literal braces (PactRegex.translated escapes a brace that starts no counted repetition).
        #"a{,2}"#, #"{x}"#,
        // Groups repeated a fixed number of times, unrolled.
        #"P(-[A-Z0-9]{4}){3}-[A-Z0-9]{2}"#, #"M(-[0-9]{4}){3}"#, #"(ab)"#, #"(a(bc){2}){2}d"#, #"(x*y){2}"#, #"()a"#,
        #"(a?){3}b"#, #"^(\d\.){2}\d$"#, #"(ab){0}c"#,
    ]
    private let texts = [
        "", "ORD-00000001", "ORD-0000001", "a@b.c", "a@@b", "123", "12a", "abc_1", "aab", "b", "ab-x", "--", "abcd",
        "abcdef", "a b", "A- x", "a!x ", "1.2.3", "x.y$", "Hello", "hello", "$", "aab", "aaab", "bbb", "a{,2}", "aa", "{x}",
        "P-1234-ABCD-12XY-9Z", "P-1234-1234-1234", "P-1234-1234-1234-123", "P-1234-abcd-1234-12", "M-1234-1234-1234",
        "M-1234-1234", "M-1234-1234-12345", "abab", "ab", "abcbcabcbcd", "abcbcd", "xyxy", "yy", "xxyxy", "xyxyxy", "a",
        "ab", "aab", "aaab", "aaaab", "1.2.3", "1.2", "c", "abc",
    ]

    func testAgreesWithICUOnPrintableText() throws {
        for pattern in supported {
            let quick = try XCTUnwrap(QuickRegex(pattern: pattern), pattern)
            for text in texts {
                XCTAssertEqual(quick.matchesWhole(text), PactRegex.matchesWhole(pattern, text), "\(pattern) against '\(text)'")
            }
        }
    }

    func testLeavesOtherSyntaxToICU() {
        for pattern in [#"(a|b)"#, #"a|b"#, #"a*?"#, #"a++"#, #"[[a]]"#, #"\p{L}"#, #"[a&&b]"#, #"[a-z--c]"#, #"\bfoo"#,
                        #"x{2,1}"#, #"[z-a]"#, #"(a"#, #"a^b"#, #"[:alpha:]"#, #"[ ]"#, #"\x41"#, #"[]a]"#, #"a{2}?"#,
                        #"(ab)+"#, #"(ab)*"#, #"(ab)?"#, #"(ab){1,3}"#, #"(ab){2,}"#, #"(?:ab){2}"#, #"(a|b){2}"#,
                        #"(ab){2}?"#, #"(a)\1"#, #"(?i)ab"#, #"a)"#, #"(((((a)))))"#, #"(ab){200}"#, #"(a{2}"#] {
            XCTAssertNil(QuickRegex(pattern: pattern), pattern)
        }
    }

    func testSaysNothingAboutTextOutsidePrintableASCII() throws {
        let any = try XCTUnwrap(QuickRegex(pattern: ".+"))
        XCTAssertFalse(any.matchesWhole("é"))
        XCTAssertFalse(any.matchesWhole("a\tb"))
        XCTAssertTrue(PactRegex.matchesWhole(".+", "é"))
        XCTAssertTrue(try XCTUnwrap(QuickRegex(pattern: #"\d+"#)).matchesWhole("0123456789"))
        XCTAssertFalse(try XCTUnwrap(QuickRegex(pattern: #"\d+"#)).matchesWhole("١٢٣"))
    }

    func testGivesUpOnRunawayBacktracking() throws {
        let nested = try XCTUnwrap(QuickRegex(pattern: "a*a*a*a*a*a*a*a*c"))
        XCTAssertFalse(nested.matchesWhole(String(repeating: "a", count: 60)))
    }

    func testStatesChooseTheRulesTheSelectorChooses() {
        let keys = ["$.a", "$.a[*].*", "$.a[1].b", "$.a[*].b", "$.*.c", "$.a[2]", "$.x.y.z", "$"]
        let selector = RuleSelector(Dictionary(uniqueKeysWithValues: keys.map { ($0, RuleList([.include($0)])) }))
        var states = RuleStates(selector)
        let paths: [[PathExpression.Segment]] = [
            [], [.field("a")], [.field("a"), .index(0)], [.field("a"), .index(1), .field("b")],
            [.field("a"), .index(3), .field("b")], [.field("a"), .index(2)], [.field("a"), .index(2), .field("q")],
            [.field("x"), .field("c")], [.field("x"), .field("y"), .field("z")], [.field("x"), .field("y"), .field("w")],
            [.field("a"), .index(1), .field("b"), .index(0)], [.field("other")],
        ]
        for path in paths {
            let state = states.state(for: path)
            XCTAssertEqual(states.selection(state), selector.selection(for: path), "\(path)")
            XCTAssertEqual(states.hasRules(state), selector.hasRules(for: path), "\(path)")
        }
    }

    func testOneFailingItemOfALargeListIsReportedAsBefore() throws {
        func item(_ i: Int) -> JSONValue {
            ["reference": .string(i == 700 ? "ORD-12" : String(format: "ORD-%08d", i)), "lines": .array([["n": .int(i)]])]
        }
        let expected: JSONValue = ["orders": [item(0)]]
        let actual: JSONValue = ["orders": .array((0..<1_000).map(item) + [["reference": 5, "lines": []]])]
        var rules = MatchingRules()
        rules.add(.minType(1), category: .body, key: "$.orders")
        rules.add(.regex(#"ORD-\d{8}"#), category: .body, key: "$.orders[*].reference")
        rules.add(.minType(1), category: .body, key: "$.orders[*].lines")
        let mismatches = JSONBodyMatcher.match(
            expected: expected, actual: actual, rules: RuleSelector(rules[.body]), allowUnexpectedKeys: true)
        XCTAssertEqual(mismatches.map(\.path), ["$.orders[700].reference", "$.orders[1000].lines", "$.orders[1000].reference"])
        XCTAssertEqual(mismatches.map(\.message), [
            "Expected 'ORD-12' to match 'ORD-\\d{8}'",
            "Expected [] (size 0) to have minimum size of 1",
            "Expected '5' to match 'ORD-\\d{8}'",
        ])
    }

    /// Items missing from a list without rules are looked up in states the walk has not met yet (a crash once: the
    /// state was added while the lookup read the states from before).
    func testMissingItemsOfAListWithoutRulesAreReported() {
        let expected: JSONValue = ["lpas": [["lpa": "700000000047", "actor": "700000000054"], ["lpa": "700000000048"]]]
        let actual: JSONValue = ["lpas": []]
        let mismatches = JSONBodyMatcher.match(
            expected: expected, actual: actual, rules: RuleSelector(MatchingRules()[.body]), allowUnexpectedKeys: true)
        XCTAssertEqual(mismatches.map(\.path), ["$.lpas", "$.lpas", "$.lpas"])
        XCTAssertEqual(mismatches.last?.message, "Expected a List with 2 elements but received 0 elements")
    }
}
