import XCTest

@testable import PactModel

/// A regex that does not compile is reported with the regex and a reason, never with Foundation's generic sentence.
final class PactRegexDiagnosisTests: XCTestCase {
    private func error(_ pattern: String, line: UInt = #line) -> String? {
        let error = PactRegex.compileError(pattern)
        XCTAssertNotNil(error, "'\(pattern)' compiles", line: line)
        XCTAssertFalse(error?.contains("The operation could not be completed") ?? false, line: line)
        return error
    }

    func testCommonCausesAreNamed() {
        let cases: [(String, String)] = [
            ("(unclosed", "unclosed group"),
            ("a)", "unopened group"),
            ("[a-z", "unclosed character class"),
            ("*a", "repetition operator '*' missing expression"),
            ("a|+b", "repetition operator '+' missing expression"),
            ("a**", "repetition operator '*' follows another repetition operator"),
            ("a{3,1}", "invalid repetition count range, the start must be <= the end"),
            ("[z-a]", "invalid character class range, the start must be <= the end"),
            (#"abc\"#, "incomplete escape sequence, reached end of pattern prematurely"),
            (#"\p{NoSuchProperty}"#, #"invalid escape sequence '\p{NoSuchProperty}'"#),
            ("(?<a>x)(?<a>y)", "duplicate capture group name 'a'"),
            ("(?<>x)", "empty capture group name"),
            ("(?z)a", "unrecognized flag in '(?z'"),
            (#"(a)\2"#, "backreference to group 2, which does not exist"),
        ]
        for (pattern, reason) in cases {
            XCTAssertEqual(error(pattern), "'\(pattern)' is not a valid regular expression - \(reason)")
        }
    }

    func testTheDiagnosisDoesNotMistakeValidSyntaxForTheCause() {
        // Each pattern is broken only by its trailing `(`; nothing before it is blamed.
        for prefix in ["a*?b+?c??", "a*+", #"\x41\u0041"#, "[]a]", "[^]a]", "(?i)x", "(?:x)", "(?<=a)b", "(?<n>x)\\k<n>", "a{2}"] {
            XCTAssertEqual(error(prefix + "("), "'\(prefix)(' is not a valid regular expression - unclosed group", prefix)
        }
    }

    func testAPactWithABrokenRegexNamesTheFileThePathTheRegexAndTheReason() {
        let text = #"""
        {"consumer":{"name":"c"},"provider":{"name":"p"},"metadata":{"pactSpecification":{"version":"2.0.0"}},
         "interactions":[{"description":"d","request":{"method":"GET","path":"/"},
          "response":{"status":200,"body":{"a":"x"},"matchingRules":{"$.body.a":{"match":"regex","regex":"x(y"}}}}]}
        """#
        XCTAssertThrowsError(try PactReader.read(data: Data(text.utf8), file: "pacts/c-p.json")) { error in
            let message = "\(error)"
            XCTAssertEqual(message, "pacts/c-p.json: $.interactions[0].response.matchingRules['$.body.a'].regex: "
                + "'x(y' is not a valid regular expression - unclosed group")
            XCTAssertFalse(message.contains("The operation could not be completed"), message)
        }
    }
}
