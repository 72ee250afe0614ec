import Foundation
import PactModel

/// Matches `application/x-www-form-urlencoded` bodies parameter by parameter.
enum FormBodyMatcher {
    static func match(expected: String, actual: String, rules: RuleSelector, allowUnexpectedKeys: Bool) -> [Mismatch] {
        // Placeholder until the form matcher lands.
        expected == actual ? [] : [Mismatch(kind: .body, path: "$", expected: expected, actual: actual, message: "form bodies differ")]
    }
}
