import PactModel

/// Matches a whole request: method, path, query, headers and body. Requests are matched strictly: unexpected body
/// keys fail (PACT-SPEC §6).
public enum RequestMatching {
    /// Every difference between the actual and the expected request; empty when they match.
    public static func match(expected: PactRequest, actual: PactRequest, version: PactSpecVersion) -> [Mismatch] {
        var mismatches = MethodMatching.match(expected: expected.method, actual: actual.method)
        mismatches += PathMatching.match(expected: expected.path, actual: actual.path, rules: expected.matchingRules)
        mismatches += QueryMatching.match(expected: expected, actual: actual, version: version)
        mismatches += HeaderMatching.match(expected: expected.headers, actual: actual.headers,
                                           rules: expected.matchingRules[.header], version: version)
        mismatches += BodyMatching.match(expected: expected.body, actual: actual.body, expectedHeaders: expected.headers,
                                         actualHeaders: actual.headers, rules: expected.matchingRules,
                                         allowUnexpectedKeys: false, version: version)
        return mismatches
    }
}
