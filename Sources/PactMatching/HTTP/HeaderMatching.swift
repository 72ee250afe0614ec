import Foundation
import PactModel

/// Matches headers (PACT-SPEC §6.4).
///
/// Only expected headers are checked; names ignore case, values do not. Comma-separated values are compared item by
/// item after trimming, so `a,b` matches `a, b` but not `b, a`. From V3 on, `Content-Type` and `Accept` items are
/// compared as media types with parameters. A rule on a header name applies to each of its values.
public enum HeaderMatching {
    /// One mismatch per expected header that is missing or differs. `rules` are the `header` category, keyed by
    /// header name; `version` decides whether media types are compared with their parameters (V3 and later).
    public static func match(
        expected: Headers, actual: Headers, rules: [String: RuleList] = [:], version: PactSpecVersion = .v4
    ) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for name in expected.keys.sorted() {
            let expectedValues = expected[name] ?? []
            guard let actualValues = actual.values(forHeader: name) else {
                mismatches.append(Mismatch(kind: .header, path: name, expected: expectedValues.joined(separator: ", "),
                                           actual: nil, message: "Expected a header '\(name)' but was missing"))
                continue
            }
            if let list = RuleLookup.named(name, in: rules, caseInsensitive: true) {
                mismatches += matchWithRules(name, list, expectedValues, actualValues)
            } else {
                mismatches += matchValues(name, expectedValues, actualValues, version: version)
            }
        }
        return mismatches
    }

    private static func matchValues(_ name: String, _ expected: [String], _ actual: [String], version: PactSpecVersion) -> [Mismatch] {
        // The common case on a mock provider's hot path: the client sent exactly the expected value.
        if expected == actual { return [] }
        let expectedItems = HeaderValues.items(expected)
        let actualItems = HeaderValues.items(actual)
        // Parameter-aware in every version, as pact-reference does: a V2 pact expecting `application/json` must accept
        // `application/json; charset=utf-8` (charset strictness is a top user complaint). The V1/V2 spec files pass
        // either way.
        let parameterAware = HeaderValues.isParameterised(name)
        let equal = expectedItems.count == actualItems.count && zip(expectedItems, actualItems).allSatisfy { e, a in
            parameterAware ? ContentTypeRelation.parameterAwareMatch(expected: e, actual: a) : e == a
        }
        if equal { return [] }
        let expectedText = expected.joined(separator: ", ")
        let actualText = actual.joined(separator: ", ")
        let detail = parameterAware
            ? "Expected header '\(name)' to have value '\(expectedText)' but was '\(actualText)'"
            : "Expected '\(actualText)' to be equal to '\(expectedText)'"
        return [Mismatch(kind: .header, path: name, expected: expectedText, actual: actualText,
                         message: "Mismatch with header '\(name)': \(detail)")]
    }

    /// Each actual value against the expected value at its index (the first one past the end).
    private static func matchWithRules(_ name: String, _ list: RuleList, _ expected: [String], _ actual: [String]) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for (index, raw) in actual.enumerated() {
            let value = String(raw.trimmingWhitespace)
            let example = String((index < expected.count ? expected[index] : expected.first ?? "").trimmingWhitespace)
            let failures = ValueMatcher.match(list, expected: .string(example), actual: .string(value), origin: .header, cascaded: true)
            mismatches += failures.map {
                Mismatch(kind: .header, path: name, expected: example, actual: value, message: "Mismatch with header '\(name)': \($0)")
            }
        }
        return mismatches
    }
}

/// Splitting and classifying header values.
enum HeaderValues {
    /// Headers whose items are media types with parameters.
    static func isParameterised(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "content-type" || lower == "accept"
    }

    /// The comma-separated items of all values, trimmed, with empty items dropped. Commas inside double quotes
    /// (quoted parameter values) do not split.
    static func items(_ values: [String]) -> [String] {
        var items: [String] = []
        for value in values {
            var current = ""
            var quoted = false
            for character in value {
                if character == "\"" { quoted.toggle() }
                if character == ",", !quoted {
                    appendTrimmed(current, to: &items)
                    current = ""
                } else {
                    current.append(character)
                }
            }
            appendTrimmed(current, to: &items)
        }
        return items
    }

    private static func appendTrimmed(_ item: String, to items: inout [String]) {
        let trimmed = String(item.trimmingWhitespace)
        if !trimmed.isEmpty { items.append(trimmed) }
    }
}
