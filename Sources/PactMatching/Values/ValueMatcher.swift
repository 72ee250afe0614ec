import PactModel

/// Where a value being matched came from; query and header strings may stand for numbers and booleans.
public enum ValueOrigin: Sendable, Hashable {
    case body, query, header, path, metadata, status
}

/// Applies matching rules to single values.
public enum ValueMatcher {
    /// Applies `rules` to `actual` (with `expected` as the example); returns a sentence for each failure, or an empty
    /// list when the value matches. An empty rule list means equality.
    public static func match(
        _ rules: RuleList, expected: JSONValue, actual: JSONValue, origin: ValueOrigin = .body
    ) -> [String] {
        // Placeholder until the value matchers land: equality only.
        expected == actual ? [] : ["Expected \(actual) to be equal to \(expected)"]
    }
}
