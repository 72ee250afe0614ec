import PactModel

/// Matches query parameters (PACT-SPEC §6.3).
///
/// The same names with the same values; names in any order, the values of a repeated name in the same order;
/// missing and unexpected names fail, each with its own mismatch. A rule on a name applies to each of its values.
public enum QueryMatching {
    /// Matches the queries of two requests the way `version` does. Every version compares parameter by parameter,
    /// as pact-reference does; V1 additionally requires the same order of pairs (see `matchRawOrder`).
    public static func match(expected: PactRequest, actual: PactRequest, version: PactSpecVersion) -> [Mismatch] {
        match(expected: expected, parameters: parameters(of: expected), rules: expected.matchingRules[.query],
              actual: actual, version: version)
    }

    /// As `match(expected:actual:version:)` with the expected request's parameters and rules already read.
    static func match(
        expected: PactRequest, parameters expectedParameters: [QueryParameter]?, rules: [String: RuleList],
        actual: PactRequest, version: PactSpecVersion
    ) -> [Mismatch] {
        let parameters = match(expected: expectedParameters, actual: parameters(of: actual), rules: rules)
        guard parameters.isEmpty, version == .v1, expected.rawQuery != nil || actual.rawQuery != nil else {
            return parameters
        }
        return matchRawOrder(expected: expected, actual: actual)
    }

    /// The decoded parameters of a request, from its raw query when it has one (V1/V2 pacts write the string).
    static func parameters(of request: PactRequest) -> [QueryParameter]? {
        guard let raw = request.rawQuery, request.query == nil else { return request.query }
        return raw.isEmpty ? nil : FormURLEncoding.parseQuery(raw)
    }

    /// PACT-SPEC §6.3 V1: the query strings are compared as ordered, decoded `name=value` pairs, so a different
    /// parameter order or a trailing `&` fails even when every parameter matches. pact-reference relaxes both for V1
    /// (its copies of `different param order` and `trailing amperand` say match:true); this follows the spec files,
    /// which say match:false. Only reached when the parameters themselves match, so a missing or unexpected
    /// parameter is reported by name, as pact-reference reports it.
    private static func matchRawOrder(expected: PactRequest, actual: PactRequest) -> [Mismatch] {
        let expectedPairs = pairs(of: expected)
        let actualPairs = pairs(of: actual)
        if expectedPairs == actualPairs { return [] }
        let expectedText = expected.rawQuery ?? text(expectedPairs)
        let actualText = actual.rawQuery ?? text(actualPairs)
        return [Mismatch(kind: .query, expected: expectedText, actual: actualText,
                         message: "Expected query string '\(expectedText)' but was '\(actualText)'")]
    }

    /// Matches decoded parameters; nil means no query. `rules` are the `query` category, keyed by parameter name.
    public static func match(
        expected: [QueryParameter]?, actual: [QueryParameter]?, rules: [String: RuleList] = [:]
    ) -> [Mismatch] {
        let expected = expected ?? []
        let actual = actual ?? []
        var actualByName: [String: [String?]] = [:]
        for parameter in actual { actualByName[parameter.name, default: []].append(contentsOf: parameter.values) }
        var expectedNames = Set<String>()
        var mismatches: [Mismatch] = []
        for parameter in expected {
            let name = parameter.name
            guard expectedNames.insert(name).inserted else { continue }
            let expectedValues = expected.filter { $0.name == name }.flatMap(\.values)
            guard let actualValues = actualByName[name] else {
                mismatches.append(Mismatch(kind: .query, path: name, expected: text(expectedValues), actual: nil,
                                           message: "Expected query parameter '\(name)' but was missing"))
                continue
            }
            if let list = RuleLookup.named(name, in: rules) {
                mismatches += matchWithRules(name, list, expectedValues, actualValues)
            } else {
                mismatches += matchEqual(name, expectedValues, actualValues)
            }
        }
        var reported = Set<String>()
        for parameter in actual where !expectedNames.contains(parameter.name) && reported.insert(parameter.name).inserted {
            mismatches.append(Mismatch(kind: .query, path: parameter.name, expected: nil,
                                       actual: text(actualByName[parameter.name] ?? []),
                                       message: "Unexpected query parameter '\(parameter.name)' received"))
        }
        return mismatches
    }

    /// The raw query strings of V1 compared pair by pair in order (see `match(expected:actual:version:)`).
    public static func matchRaw(expected: String, actual: String) -> [Mismatch] {
        let expectedRequest = PactRequest(rawQuery: expected)
        let actualRequest = PactRequest(rawQuery: actual)
        return match(expected: expectedRequest, actual: actualRequest, version: .v1)
    }

    /// pact-reference pads the expected values with "" to the actual count and compares index by index; an extra
    /// value is then reported both by value and by count.
    private static func matchEqual(_ name: String, _ expected: [String?], _ actual: [String?]) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for index in 0..<max(expected.count, actual.count) {
            let value = index < expected.count ? expected[index] ?? "" : ""
            guard index < actual.count else {
                mismatches.append(Mismatch(kind: .query, path: name, expected: value, actual: nil,
                                           message: "Expected query parameter '\(name)' value '\(value)' but was missing"))
                continue
            }
            let actualValue = actual[index] ?? ""
            if actualValue != value {
                mismatches.append(Mismatch(
                    kind: .query, path: name, expected: value, actual: actualValue,
                    message: "Expected query parameter '\(name)' with value '\(value)' but was '\(actualValue)'"))
            }
        }
        if actual.count != expected.count {
            mismatches.append(Mismatch(
                kind: .query, path: name, expected: text(expected), actual: text(actual),
                message: "Expected query parameter '\(name)' with \(expected.count) value(s) but received \(actual.count) value(s)"))
        }
        return mismatches
    }

    /// Each actual value against the expected value at its index (the first one past the end), so a rule on a
    /// repeated parameter applies to every value; size rules (`min`, `max`) count the values.
    private static func matchWithRules(_ name: String, _ list: RuleList, _ expected: [String?], _ actual: [String?]) -> [Mismatch] {
        let actualText = ValueText.list(actual.map { $0 ?? "" })
        var mismatches = ListRules.sizeFailures(list, shown: actualText, count: actual.count).map {
            Mismatch(kind: .query, path: name, expected: ValueText.list(expected.map { $0 ?? "" }), actual: actualText, message: $0)
        }
        for (index, value) in actual.enumerated() {
            let example = index < expected.count ? expected[index] : expected.first ?? nil
            let failures = ValueMatcher.match(list, expected: json(example), actual: json(value), origin: .query, cascaded: true)
            mismatches += failures.map {
                Mismatch(kind: .query, path: name, expected: example ?? "", actual: value ?? "", message: $0)
            }
        }
        return mismatches
    }

    private static func json(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    private static func text(_ values: [String?]) -> String { values.map { $0 ?? "" }.joined(separator: ", ") }

    /// `a=1&b=2` as ordered decoded pairs; every `&`-separated piece counts, even an empty one.
    static func pairs(_ query: String) -> [QueryPair] {
        if query.isEmpty { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: false).map { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return QueryPair(name: FormURLEncoding.decode(parts[0]), value: parts.count > 1 ? FormURLEncoding.decode(parts[1]) : nil)
        }
    }

    /// The request's query as ordered pairs: from the raw string when there is one (a pact), else from the parsed
    /// parameters (a request received by a mock server).
    private static func pairs(of request: PactRequest) -> [QueryPair] {
        if let raw = request.rawQuery { return pairs(raw) }
        return (request.query ?? []).flatMap { parameter in
            parameter.values.map { QueryPair(name: parameter.name, value: $0) }
        }
    }

    private static func text(_ pairs: [QueryPair]) -> String {
        pairs.map { pair in pair.value.map { "\(pair.name)=\($0)" } ?? pair.name }.joined(separator: "&")
    }

    struct QueryPair: Hashable {
        var name: String
        var value: String?
    }
}
