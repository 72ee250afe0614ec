import PactModel

/// Where a value being matched came from; query and header strings may stand for numbers and booleans.
public enum ValueOrigin: Sendable, Hashable {
    case body, query, header, path, metadata, status
    /// A map key checked by an `eachKey` rule.
    case key
    /// A plain-text body (or multipart field) checked as a whole, which pact-reference matches as a string.
    case text

    /// Values that travel as text, so numeric matchers accept numeric strings ("coerce values from string form").
    var coercesStrings: Bool {
        switch self {
        case .query, .header, .path, .metadata, .status, .key, .text: true
        case .body: false
        }
    }
}

/// Applies matching rules to single values.
public enum ValueMatcher {
    /// Applies `rules` to `actual` (with `expected` as the example); returns a sentence for each failure, or an empty
    /// list when the value matches. An empty rule list means equality.
    public static func match(
        _ rules: RuleList, expected: JSONValue, actual: JSONValue, origin: ValueOrigin = .body
    ) -> [String] {
        match(rules, expected: expected, actual: actual, origin: origin, cascaded: false)
    }

    /// As `match(_:expected:actual:origin:)`; `cascaded` says the rules were chosen from an ancestor of the value, in
    /// which case size limits are not checked (they constrain the collection the rule names, not its members).
    public static func match(
        _ rules: RuleList, expected: JSONValue, actual: JSONValue, origin: ValueOrigin, cascaded: Bool
    ) -> [String] {
        if rules.isEmpty {
            return check(.equality, expected: expected, actual: actual, origin: origin, cascaded: cascaded).map { [$0] } ?? []
        }
        var failures: [String] = []
        for rule in rules.rules {
            if let failure = check(rule, expected: expected, actual: actual, origin: origin, cascaded: cascaded) {
                failures.append(failure)
            } else if rules.logic == .or {
                return []
            }
        }
        return failures
    }

    /// One rule against one value: nil when it matches, otherwise the sentence saying why not.
    public static func check(
        _ rule: MatchingRule, expected: JSONValue, actual: JSONValue, origin: ValueOrigin, cascaded: Bool = false
    ) -> String? {
        let showType = !origin.coercesStrings || !isString(actual)
        switch rule {
        case .equality, .values:
            return StructuralMatchers.equality(expected: expected, actual: actual, showType: showType)
        case .type:
            return StructuralMatchers.sameType(expected: expected, actual: actual)
        case .minType(let min):
            return StructuralMatchers.sameType(expected: expected, actual: actual)
                ?? (cascaded ? nil : StructuralMatchers.size(actual, min: min, max: nil))
        case .maxType(let max):
            return StructuralMatchers.sameType(expected: expected, actual: actual)
                ?? (cascaded ? nil : StructuralMatchers.size(actual, min: nil, max: max))
        case .minMaxType(let min, let max):
            return StructuralMatchers.sameType(expected: expected, actual: actual)
                ?? (cascaded ? nil : StructuralMatchers.size(actual, min: min, max: max))
        case .notEmpty:
            return StructuralMatchers.notEmpty(expected: expected, actual: actual)
        case .null:
            return StructuralMatchers.null(actual)
        case .boolean:
            return StructuralMatchers.boolean(actual, origin: origin)
        case .regex(let pattern):
            return TextMatchers.regex(pattern, actual)
        case .include(let substring):
            return TextMatchers.include(substring, actual)
        case .semver:
            return TextMatchers.semver(actual)
        case .contentType(let contentType):
            return TextMatchers.contentType(contentType, actual)
        case .integer:
            return NumberMatchers.integer(actual, origin: origin)
        case .decimal:
            return NumberMatchers.decimal(actual, origin: origin)
        case .number:
            return NumberMatchers.number(actual, origin: origin)
        case .timestamp(let format):
            return DateTimeMatchers.check(actual, kind: .timestamp, format: format)
        case .date(let format):
            return DateTimeMatchers.check(actual, kind: .date, format: format)
        case .time(let format):
            return DateTimeMatchers.check(actual, kind: .time, format: format)
        case .statusCode(let status):
            return NumberMatchers.statusCode(status, actual)
        case .eachValue(let rules, _):
            // On a single value (a query parameter, a header value) the inner rules apply to it directly; the body
            // walkers apply them to the members of collections.
            if cascaded || actual.isCollection { return nil }
            let failures = match(RuleList(rules), expected: expected, actual: actual, origin: origin, cascaded: false)
            return failures.isEmpty ? nil : failures.joined(separator: "; ")
        case .eachKey, .arrayContains:
            // Only meaningful for maps and lists, where the body walkers handle them.
            return nil
        }
    }

    private static func isString(_ value: JSONValue) -> Bool {
        if case .string = value { return true }
        return false
    }
}

extension JSONValue {
    /// True for lists and maps.
    var isCollection: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}
