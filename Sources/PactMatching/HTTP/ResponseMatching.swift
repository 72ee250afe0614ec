import PactModel

/// Matches a whole response: status, headers and body. Responses are matched leniently: unexpected body keys are
/// allowed (PACT-SPEC §6).
public enum ResponseMatching {
    /// Every difference between the actual and the expected response; empty when they match.
    public static func match(expected: PactResponse, actual: PactResponse, version: PactSpecVersion) -> [Mismatch] {
        var mismatches = StatusMatching.match(expected: expected.status, actual: actual.status, rules: expected.matchingRules)
        mismatches += HeaderMatching.match(expected: expected.headers, actual: actual.headers,
                                           rules: expected.matchingRules[.header], version: version)
        mismatches += BodyMatching.match(expected: expected.body, actual: actual.body, expectedHeaders: expected.headers,
                                         actualHeaders: actual.headers, rules: expected.matchingRules,
                                         allowUnexpectedKeys: true, version: version)
        return mismatches
    }
}
