import PactModel

/// Matches plain-text bodies: equality, unless a rule applies to the whole body (`$`).
enum TextBodyMatcher {
    static func match(expected: String, actual: String, rules: RuleSelector) -> [Mismatch] {
        if let selection = rules.selection(for: []) {
            let failures = ValueMatcher.match(selection.rules, expected: .string(expected), actual: .string(actual), origin: .text)
            return failures.map { Mismatch(kind: .body, path: "$", expected: expected, actual: actual, message: $0) }
        }
        if expected == actual { return [] }
        return [Mismatch(kind: .body, path: "$", expected: expected, actual: actual,
                         message: "Expected body '\(expected)' to match '\(actual)' using equality but did not match")]
    }
}
