import PactModel

/// Matches response status codes (PACT-SPEC §6.5): equal, unless a rule (V4 `statusCode`) is in the `status`
/// category.
public enum StatusMatching {
    /// A status mismatch, or nothing; `rules` are the expected response's (only the `status` category is used).
    public static func match(expected: Int, actual: Int, rules: MatchingRules = MatchingRules()) -> [Mismatch] {
        if let list = RuleLookup.single(rules[.status]) {
            let failures = ValueMatcher.match(list, expected: .int(expected), actual: .int(actual), origin: .status)
            return failures.map { Mismatch(kind: .status, expected: String(expected), actual: String(actual), message: $0) }
        }
        if expected == actual { return [] }
        return [Mismatch(kind: .status, expected: String(expected), actual: String(actual),
                         message: "expected \(expected) but was \(actual)")]
    }
}
