import Foundation
import PactModel

/// Matches headers (PACT-SPEC §6.4).
///
/// Only expected headers are checked; names ignore case, values do not. Each value of a repeated header is a value of
/// its own, compared with the expected value at its index as pact-reference does; comma-separated items are compared
/// after trimming, so `a,b` matches `a, b` (and the values `a` and `b`) but not `b, a`. `Content-Type` and `Accept`
/// items are compared as media types with parameters. A rule on a header name applies to each of its values, and
/// size rules (`min`, `max`) count the values.
public enum HeaderMatching {
    /// One mismatch per expected header that is missing, and per value that differs. `rules` are the `header`
    /// category, keyed by header name; `version` is accepted for symmetry with the other matchers (media types are
    /// compared with their parameters in every version, as pact-reference does).
    public static func match(
        expected: Headers, actual: Headers, rules: [String: RuleList] = [:], version: PactSpecVersion = .v4
    ) -> [Mismatch] {
        ExpectedHeaders(expected, rules: rules).match(actual)
    }

    /// The loop of `match`, over headers prepared by `ExpectedHeaders`.
    fileprivate static func match(_ expected: [ExpectedHeaders.Header], actual: Headers) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for header in expected {
            let name = header.name
            let expectedValues = header.values
            guard let actualValues = actual.values(forHeader: name) else {
                mismatches.append(Mismatch(kind: .header, path: name, expected: expectedValues.joined(separator: ", "),
                                           actual: nil, message: "Expected a header '\(name)' but was missing"))
                continue
            }
            if expectedValues.isEmpty {
                if !actualValues.isEmpty {
                    let actualText = actualValues.joined(separator: ", ")
                    mismatches.append(Mismatch(kind: .header, path: name, expected: "", actual: actualText,
                                               message: "Expected an empty header '\(name)' but actual value was '\(actualText)'"))
                }
                continue
            }
            if expectedValues == actualValues { continue }
            // pact-reference splits the values of known list headers at their commas wherever it reads them.
            let actualList = header.isList ? HeaderValues.items(actualValues) : actualValues
            if let list = header.rules {
                mismatches += matchWithRules(header, list, actualList)
            } else {
                mismatches += matchValues(header, actualList)
            }
        }
        return mismatches
    }

    private static func matchValues(_ header: ExpectedHeaders.Header, _ actual: [String]) -> [Mismatch] {
        let name = header.name
        let expected = header.list
        // The common case on a mock provider's hot path: the client sent exactly the expected value.
        if expected == actual { return [] }
        let parameterAware = header.parameterAware
        // One joined value and several values are the same list (`a, b` against `a` and `b`): PactKit reads pact
        // headers as written, where pact-reference splits only known list headers, so compare the items first.
        if itemsMatch(header.items, HeaderValues.items(actual), parameterAware: parameterAware) { return [] }
        if expected.count == 1 && actual.count == 1 {
            return compareValue(name, expected[0], actual[0], index: nil, parameterAware: parameterAware)
        }
        var mismatches: [Mismatch] = []
        // pact-reference pads the expected values with "" to the actual count and compares index by index.
        for index in 0..<max(expected.count, actual.count) {
            let expectedValue = index < expected.count ? expected[index] : ""
            guard index < actual.count else {
                mismatches.append(Mismatch(
                    kind: .header, path: name, expected: expectedValue, actual: nil,
                    message: "Mismatch with header '\(name)': Expected value '\(expectedValue)' at index \(index) "
                        + "but was missing (actual has \(actual.count) value(s))"))
                continue
            }
            mismatches += compareValue(name, expectedValue, actual[index], index: index, parameterAware: parameterAware)
        }
        return mismatches
    }

    private static func itemsMatch(_ expected: [String], _ actual: [String], parameterAware: Bool) -> Bool {
        expected.count == actual.count && zip(expected, actual).allSatisfy { e, a in
            parameterAware ? ContentTypeRelation.parameterAwareMatch(expected: e, actual: a) : e == a
        }
    }

    /// One value against one expected value: media types with parameters for `Content-Type` and `Accept`, otherwise
    /// equality of the comma-separated items. `index` is nil when both sides have a single value.
    private static func compareValue(_ name: String, _ rawExpected: String, _ rawActual: String, index: Int?,
                                     parameterAware: Bool) -> [Mismatch] {
        let expected = rawExpected.trimmedOfWhitespace
        let actual = rawActual.trimmedOfWhitespace
        let expectedItems = HeaderValues.items([expected])
        let actualItems = HeaderValues.items([actual])
        if itemsMatch(expectedItems, actualItems, parameterAware: parameterAware) { return [] }
        let detail: String
        if parameterAware {
            let place = index.map { "'\(name)' at index \($0)" } ?? "'\(name)'"
            detail = "Expected header \(place) to have value '\(expected)' but was '\(actual)'"
        } else {
            detail = "Expected '\(actual)' to be equal to '\(expected)'" + suffix(index)
        }
        return [Mismatch(kind: .header, path: name, expected: expected, actual: actual,
                         message: "Mismatch with header '\(name)': \(detail)")]
    }

    /// pact-reference's " for value at index N" on a value of a header with several values. (It writes index 0
    /// for every value checked under a rule; the real index is written here, so the sentence points at the value.)
    private static func suffix(_ index: Int?) -> String {
        index.map { " for value at index \($0)" } ?? ""
    }

    /// The rules on the list of values (its size), then on each actual value against the expected value at its
    /// index (the first one past the end).
    private static func matchWithRules(_ header: ExpectedHeaders.Header, _ list: RuleList, _ actual: [String]) -> [Mismatch] {
        let name = header.name
        let expected = header.list
        let single = expected.count == 1 && actual.count == 1
        var mismatches: [Mismatch] = []
        if !single {
            let expectedText = ValueText.list(expected)
            let actualText = ValueText.list(actual)
            for failure in ListRules.sizeFailures(list, shown: actualText, count: actual.count) {
                mismatches.append(Mismatch(kind: .header, path: name, expected: expectedText, actual: actualText, message: failure))
            }
        }
        for (index, raw) in actual.enumerated() {
            let value = raw.trimmedOfWhitespace
            let example = index < expected.count ? header.trimmedList[index] : header.trimmedList.first ?? ""
            // Most values pass their rules (a type rule on a token that differs per request): tell that cheaply.
            if header.quickRules.passes(expected: .string(example), actual: .string(value)) { continue }
            let failures = ValueMatcher.match(list, expected: .string(example), actual: .string(value), origin: .header, cascaded: true)
            mismatches += failures.map {
                Mismatch(kind: .header, path: name, expected: example, actual: value,
                         message: "Mismatch with header '\(name)': \($0)" + suffix(single ? nil : index))
            }
        }
        return mismatches
    }
}

/// Expected headers with what matching reads from them worked out once: the names in order, each one's values split
/// as matching splits them, and its rules.
struct ExpectedHeaders: Sendable {
    struct Header: Sendable {
        let name: String
        let values: [String]
        /// `Accept`, `Cache-Control`, ...: values are comma-separated lists.
        let isList: Bool
        /// The values, split at commas for list headers.
        let list: [String]
        /// `list`, each value trimmed.
        let trimmedList: [String]
        /// The comma-separated items of `list`.
        let items: [String]
        /// `Content-Type` and `Accept`: items are media types with parameters.
        let parameterAware: Bool
        let rules: RuleList?
        /// The quick form of `rules` (none when there are none).
        let quickRules: QuickRules
    }

    let headers: [Header]

    /// - Parameter rules: the `header` category, keyed by header name.
    init(_ expected: Headers, rules: [String: RuleList]) {
        headers = expected.keys.sorted().map { name in
            let values = expected[name] ?? []
            let isList = HeaderValues.isList(name)
            let list = isList ? HeaderValues.items(values) : values
            let rules = RuleLookup.named(name, in: rules, caseInsensitive: true)
            return Header(name: name, values: values, isList: isList, list: list,
                          trimmedList: list.map(\.trimmedOfWhitespace), items: HeaderValues.items(list),
                          parameterAware: HeaderValues.isParameterised(name), rules: rules,
                          quickRules: QuickRules(rules ?? RuleList([])))
        }
    }

    /// Every difference of `actual` from these headers, as `HeaderMatching.match` reports them.
    func match(_ actual: Headers) -> [Mismatch] {
        HeaderMatching.match(headers, actual: actual)
    }
}

/// Splitting and classifying header values.
enum HeaderValues {
    /// pact-reference's `MULTI_VALUE_HEADERS`: headers whose value is a comma-separated list (RFC 9110).
    private static let lists: Set<String> = [
        "accept", "accept-encoding", "accept-language", "access-control-allow-headers", "access-control-allow-methods",
        "access-control-expose-headers", "access-control-request-headers", "allow", "cache-control", "if-match",
        "if-none-match", "vary",
    ]

    static func isList(_ name: String) -> Bool { lists.contains(name.lowercased()) }

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
