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
            let failures: [String]
            if let list = RuleLookup.named(key, in: rules) {
                failures = ValueMatcher.match(list, expected: expectedValue, actual: actualValue, origin: .metadata, cascaded: true)
            } else if isContentTypeKey(key), case .string(let e) = expectedValue, case .string(let a) = actualValue {
                failures = ContentTypeRelation.parameterAwareMatch(expected: e, actual: a)
                    ? [] : ["Expected metadata '\(key)' to have value '\(e)' but was '\(a)'"]
            } else {
                failures = StructuralMatchers.equality(expected: expectedValue, actual: actualValue, showType: false).map { [$0] } ?? []
            }
            // pact-reference's MetadataMismatch sentence: both values as JSON, then why.
            mismatches += failures.map {
                Mismatch(kind: .metadata, path: key, expected: expectedText, actual: actualText,
                         message: "Expected metadata key '\(key)' to have value '\(JSONWriter.compact(expectedValue))' "
                             + "but was '\(JSONWriter.compact(actualValue))' - \($0)")
            }
        }
        return mismatches
    }

    static func isContentTypeKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        return lower == "contenttype" || lower == "content-type"
    }
}
