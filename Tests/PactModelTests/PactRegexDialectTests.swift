import XCTest

@testable import PactModel

/// Regexes written for Ruby, JavaScript, Python and Rust are translated for ICU (NSRegularExpression).
final class PactRegexDialectTests: XCTestCase {
    func testABraceThatStartsNoRepetitionIsALiteral() {
        XCTAssertEqual(PactRegex.translated(#"http:\/\/.*{pacticipant}.*{branch}"#), #"http:\/\/.*\{pacticipant\}.*\{branch\}"#)
        XCTAssertEqual(PactRegex.translated("{a}"), #"\{a\}"#)
        XCTAssertEqual(PactRegex.translated("a{"), #"a\{"#)
        XCTAssertEqual(PactRegex.translated("a{1"), #"a\{1"#)
        XCTAssertEqual(PactRegex.translated("a{1, 3}"), #"a\{1, 3\}"#)
        XCTAssertTrue(PactRegex.matchesWhole(#"http:\/\/.*{pacticipant}.*{branch}"#, "http://localhost:1234/BRANCH-{pacticipant}-{branch}"))
        XCTAssertFalse(PactRegex.matchesWhole(#"http:\/\/.*{pacticipant}"#, "http://localhost/Foo"))
    }

    func testALoneClosingBraceIsALiteral() {
        XCTAssertEqual(PactRegex.translated("a}"), #"a\}"#)
        XCTAssertEqual(PactRegex.translated("a{2}}"), #"a{2}\}"#)
        XCTAssertTrue(PactRegex.matchesWhole("}", "}"))
    }

    func testCountedRepetitionsAreUntouched() {
        for pattern in ["a{2}", "a{2,}", "a{2,5}", "a{2,5}?", "a{2}+", #"\d{1,4}"#, "(ab){3}", "[a-z]{10}"] {
            XCTAssertEqual(PactRegex.translated(pattern), pattern)
        }
        XCTAssertTrue(PactRegex.matchesWhole(#"\d{1,4}"#, "9999"))
        XCTAssertFalse(PactRegex.matchesWhole(#"\d{1,4}"#, "99999"))
    }

    func testEscapedBracesAndEscapesWithBracesAreUntouched() {
        for pattern in [#"\{a\}"#, #"\p{L}+"#, #"\P{Lu}"#, #"\x{41}"#, #"\N{LATIN SMALL LETTER A}"#, #"\\{2}"#, #"\Qa{b}\E"#] {
            XCTAssertEqual(PactRegex.translated(pattern), pattern)
            XCTAssertTrue(PactRegex.isValid(pattern), pattern)
        }
        XCTAssertTrue(PactRegex.matchesWhole(#"\Qa{b}\E"#, "a{b}"))
        XCTAssertTrue(PactRegex.matchesWhole(#"\\{2}"#, #"\\"#))
    }

    func testBracesInsideCharacterClassesAreUntouched() {
        for pattern in ["[{}]+", "[^{]", "[]{]", "[^]}]", "[[:alpha:]{]", #"[\]{]"#] {
            XCTAssertEqual(PactRegex.translated(pattern), pattern)
        }
        XCTAssertTrue(PactRegex.matchesWhole("[{}]+", "{}{"))
        XCTAssertEqual(PactRegex.translated("[a]{b}"), #"[a]\{b\}"#)
    }

    func testPythonAndRustNamedGroupsUseICUSpelling() {
        XCTAssertEqual(PactRegex.translated(#"(?P<id>\d+)"#), #"(?<id>\d+)"#)
        XCTAssertTrue(PactRegex.matchesWhole(#"/orders/(?P<id>\d+)"#, "/orders/12"))
        // Look-behinds are not named groups.
        XCTAssertEqual(PactRegex.translated("(?<=a)b(?<!c)"), "(?<=a)b(?<!c)")
    }

    func testGroupNamesICUDoesNotTakeStillCapture() throws {
        XCTAssertEqual(PactRegex.translated(#"(?<order_id>\d+)-(?P<line_no>\d+)"#), #"(\d+)-(\d+)"#)
        XCTAssertEqual(try PactRegex.expression(#"(?<order_id>\d+)-(x)"#).numberOfCaptureGroups, 2)
        XCTAssertTrue(PactRegex.matchesWhole(#"(?<order_id>\d+)"#, "42"))
    }

    func testUnicodeCodePointEscapesUseICUSpelling() {
        XCTAssertEqual(PactRegex.translated(#"\u{41}+"#), #"\x{41}+"#)
        XCTAssertTrue(PactRegex.matchesWhole(#"\u{41}+"#, "AA"))
    }

    func testOtherPatternsAreUntouched() {
        for pattern in [#"^http.*"#, #"application\/hal\+json.*"#, #"\d+\.\d{2}"#, "(?i)abc", "a|b", #"\A\w+\z"#] {
            XCTAssertEqual(PactRegex.translated(pattern), pattern)
        }
    }
}
