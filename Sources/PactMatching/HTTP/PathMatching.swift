import PactModel

/// Matches request paths (PACT-SPEC §6.2): exact and case-sensitive, a trailing slash counts, unless a rule in the
/// `path` category applies.
public enum PathMatching {
    /// A path mismatch, or nothing; `rules` are the expected request's (only the `path` category is used).
    public static func match(expected: String, actual: String, rules: MatchingRules = MatchingRules()) -> [Mismatch] {
        match(expected: expected, actual: actual, list: RuleLookup.single(rules[.path]))
    }

    /// As `match(expected:actual:rules:)` with the path category's rules already looked up.
    static func match(expected: String, actual: String, list: RuleList?) -> [Mismatch] {
        if let list {
            let failures = ValueMatcher.match(list, expected: .string(expected), actual: .string(actual), origin: .path)
            return failures.map { Mismatch(kind: .path, expected: expected, actual: actual, message: $0) }
        }
        if expected == actual { return [] }
        return [Mismatch(kind: .path, expected: expected, actual: actual,
                         message: "Expected '\(actual)' to be equal to '\(expected)'")]
    }
}
