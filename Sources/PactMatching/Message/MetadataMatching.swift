import PactModel

/// Matches message metadata (PACT-SPEC §6.7): every expected key must be present with an equal value, unless a
/// `metadata` rule applies to it. The content type is compared as a media type with parameters.
public enum MetadataMatching {
    /// One mismatch per expected key that is missing or differs; `rules` are the `metadata` category, keyed by name.
    public static func match(
        expected: [String: JSONValue], actual: [String: JSONValue], rules: [String: RuleList] = [:]
    ) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for key in expected.keys.sorted() {
            guard let expectedValue = expected[key] else { continue }
            guard let actualValue = actual[key] else {
                mismatches.append(Mismatch(kind: .metadata, path: key, expected: ValueText.field(expectedValue, origin: .metadata),
                                           actual: nil, message: "Expected message metadata '\(key)' but was missing"))
                continue
            }
            let expectedText = ValueText.field(expectedValue, origin: .metadata)
            let actualText = ValueText.field(actualValue, origin: .metadata)
            if let list = RuleLookup.named(key, in: rules) {
                let failures = ValueMatcher.match(list, expected: expectedValue, actual: actualValue, origin: .metadata, cascaded: true)
                mismatches += failures.map {
                    Mismatch(kind: .metadata, path: key, expected: expectedText, actual: actualText,
                             message: "Metadata '\(key)': \($0)")
                }
                continue
            }
            let equal: Bool
            if isContentTypeKey(key), case .string(let e) = expectedValue, case .string(let a) = actualValue {
                equal = ContentTypeRelation.parameterAwareMatch(expected: e, actual: a)
            } else {
                equal = expectedValue == actualValue
            }
            if !equal {
                mismatches.append(Mismatch(
                    kind: .metadata, path: key, expected: expectedText, actual: actualText,
                    message: "Expected message metadata '\(key)' to have value \(ValueText.plain(expectedValue)) "
                        + "but was \(ValueText.plain(actualValue))"))
            }
        }
        return mismatches
    }

    static func isContentTypeKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        return lower == "contenttype" || lower == "content-type"
    }
}
