import Foundation
import PactModel

/// Matches `application/x-www-form-urlencoded` bodies parameter by parameter.
///
/// Parameters are compared by name in any order; the values of a repeated parameter are compared in order. Rules
/// keyed `$.name` apply to every value of the parameter, `$.name[n]` to one of them.
enum FormBodyMatcher {
    static func match(expected: String, actual: String, rules: RuleSelector, allowUnexpectedKeys: Bool) -> [Mismatch] {
        let expectedForm = FormBody(expected)
        let actualForm = FormBody(actual)
        var mismatches: [Mismatch] = []
        for (name, expectedValues) in expectedForm.parameters {
            let path = PathExpression.text(for: [.field(name)])
            guard let actualValues = actualForm.values(name) else {
                mismatches.append(Mismatch(kind: .body, path: path, expected: describe(expectedValues), actual: nil,
                                           message: "Expected form post parameter '\(name)' but was missing"))
                continue
            }
            mismatches += compare(name, expected: expectedValues, actual: actualValues, rules: rules)
        }
        if !allowUnexpectedKeys {
            for (name, values) in actualForm.parameters where expectedForm.values(name) == nil {
                mismatches.append(Mismatch(kind: .body, path: PathExpression.text(for: [.field(name)]), expected: nil,
                                           actual: describe(values), message: "Unexpected form post parameter '\(name)' received"))
            }
        }
        return mismatches
    }

    private static func compare(_ name: String, expected: [String], actual: [String], rules: RuleSelector) -> [Mismatch] {
        let path = PathExpression.text(for: [.field(name)])
        let ruled = (0..<max(expected.count, actual.count)).contains { rules.hasRules(for: [.field(name), .index($0)]) }
        var mismatches: [Mismatch] = []
        if ruled {
            // Like a repeated query parameter: the rules check every actual value against the expected example.
            if let sizeFailure = sizeFailure(name, rules: rules.exactRules(for: [.field(name)]), expected: expected, actual: actual) {
                mismatches.append(Mismatch(kind: .body, path: path, expected: describe(expected), actual: describe(actual), message: sizeFailure))
            }
            for (index, value) in actual.enumerated() {
                let example = expected[min(index, expected.count - 1)]
                let list = rules.rules(for: [.field(name), .index(index)]) ?? RuleList([.equality])
                let valuePath = PathExpression.text(for: [.field(name), .index(index)])
                for failure in ValueMatcher.match(typeForSize(list), expected: .string(example), actual: .string(value), origin: .query) {
                    mismatches.append(Mismatch(kind: .body, path: valuePath, expected: example, actual: value, message: failure))
                }
            }
            return mismatches
        }
        if expected.count != actual.count {
            mismatches.append(Mismatch(
                kind: .body, path: path, expected: describe(expected), actual: describe(actual),
                message: "Expected form post parameter '\(name)' with \(expected.count) value(s) but received \(actual.count) value(s)"))
        }
        for (index, (expectedValue, actualValue)) in zip(expected, actual).enumerated() where expectedValue != actualValue {
            let valuePath = expected.count > 1 ? PathExpression.text(for: [.field(name), .index(index)]) : path
            mismatches.append(Mismatch(
                kind: .body, path: valuePath, expected: expectedValue, actual: actualValue,
                message: "Expected form post parameter '\(name)' with value '\(expectedValue)' but was '\(actualValue)'"))
        }
        return mismatches
    }

    /// The number of values checked against a size rule on the parameter; without one, fewer values than expected
    /// is a mismatch (more are checked by the rules).
    private static func sizeFailure(_ name: String, rules: RuleList?, expected: [String], actual: [String]) -> String? {
        let count = actual.count
        var min: Int?
        var max: Int?
        for rule in rules?.rules ?? [] {
            switch rule {
            case .minType(let n): min = n
            case .maxType(let n): max = n
            case .minMaxType(let low, let high): min = low; max = high
            default: break
            }
        }
        // pact-reference matches form bodies with its query logic, whose size sentence lists the values.
        if let failure = StructuralMatchers.sizeFailure(ValueText.list(actual), count: count, min: min, max: max) {
            return failure
        }
        if min == nil, max == nil, count < expected.count {
            return "Expected form post parameter '\(name)' with \(expected.count) value(s) but received \(count) value(s)"
        }
        return nil
    }

    /// Size limits were applied to the list of values above; for one string value they mean a type check.
    private static func typeForSize(_ list: RuleList) -> RuleList {
        RuleList(list.rules.map { rule in
            switch rule {
            case .minType, .maxType, .minMaxType: .type
            default: rule
            }
        }, logic: list.logic)
    }

    private static func describe(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "[" + values.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }
}

/// A parsed `application/x-www-form-urlencoded` body: parameter names in order of first appearance, each with its
/// decoded values in order.
struct FormBody: Sendable {
    private(set) var parameters: [(name: String, values: [String])] = []
    private var positions: [String: Int] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormURLEncoding.decode(parts[0])
            let value = parts.count > 1 ? FormURLEncoding.decode(parts[1]) : ""
            if name.isEmpty && value.isEmpty { continue }
            if let position = positions[name] {
                parameters[position].values.append(value)
            } else {
                positions[name] = parameters.count
                parameters.append((name, [value]))
            }
        }
    }

    func values(_ name: String) -> [String]? { positions[name].map { parameters[$0].values } }
}
