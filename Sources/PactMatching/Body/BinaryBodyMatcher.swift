import Foundation
import PactModel

/// Matches bodies of bytes: byte equality, unless rules apply to the whole body (`contentType`, `regex`, ...).
enum BinaryBodyMatcher {
    static func match(expected: Body, actual: Body, rules: RuleSelector) -> [Mismatch] {
        let expectedBytes = expected.bytes
        let actualBytes = actual.bytes
        if let selection = rules.selection(for: []) {
            var failures: [String] = []
            for rule in selection.rules.rules {
                if let failure = check(rule, expected: expectedBytes, actual: actualBytes) {
                    failures.append(failure)
                } else if selection.rules.logic == .or {
                    return []
                }
            }
            return failures.map {
                Mismatch(kind: .body, path: "$", expected: BodyContent.summary(of: expected),
                         actual: BodyContent.summary(of: actual), message: $0)
            }
        }
        if expectedBytes == actualBytes { return [] }
        let expectedSummary = BodyContent.summary(of: expected)
        let actualSummary = BodyContent.summary(of: actual)
        return [Mismatch(kind: .body, path: "$", expected: expectedSummary, actual: actualSummary,
                         message: "Actual body \(actualSummary) is not equal to the expected body \(expectedSummary)")]
    }

    private static func check(_ rule: MatchingRule, expected: Data, actual: Data) -> String? {
        switch rule {
        case .contentType(let contentType):
            return TextMatchers.contentType(contentType, data: actual)
        case .equality, .values:
            return expected == actual ? nil
                : "Expected \(actual.count) bytes starting with \(BodyContent.hexPrefix(actual)) to be equal to "
                    + "\(expected.count) bytes starting with \(BodyContent.hexPrefix(expected))"
        case .notEmpty:
            return actual.isEmpty ? "Expected [] (0 bytes) to not be empty" : nil
        case .type, .minType, .maxType, .minMaxType:
            return nil
        default:
            guard let text = String(data: actual, encoding: .utf8) else {
                return "Could not read the actual bytes as UTF-8 text to apply the '\(rule.name)' matcher"
            }
            return ValueMatcher.check(rule, expected: .string(String(decoding: expected, as: UTF8.self)),
                                      actual: .string(text), origin: .body)
        }
    }
}
