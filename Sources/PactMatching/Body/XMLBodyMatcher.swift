import Foundation
import PactModel

/// Matches XML bodies element by element.
///
/// Root elements must have the same name (namespace URI and local name; prefixes do not matter). Expected attributes
/// must be present with equal values or values satisfying their rules; unexpected attributes and child elements fail
/// unless `allowUnexpectedKeys`. Same-named children are compared in order, or, under a type rule, each actual one
/// against the first expected one. Text is compared trimmed. Namespace declarations are not attributes.
enum XMLBodyMatcher {
    /// Compares two XML documents; rule paths name elements (`$.a.b`), attributes (`$.a['@id']`) and text
    /// (`$.a['#text']`). A document that does not parse gives a mismatch saying where, never a crash.
    static func match(expected: String, actual: String, rules: RuleSelector, allowUnexpectedKeys: Bool) -> [Mismatch] {
        if isBlank(expected) {
            guard isBlank(actual) else {
                return [Mismatch(kind: .body, path: "$", expected: expected, actual: actual,
                                 message: "Expected an empty body but received \(actual.utf8.count) bytes")]
            }
            return []
        }
        if isBlank(actual) {
            return [Mismatch(kind: .body, path: "$", expected: expected, actual: actual,
                             message: "Expected an XML body but the actual body was empty")]
        }

        let expectedRoot: XMLTreeElement?
        let actualRoot: XMLTreeElement?
        var failures: [Mismatch] = []
        do {
            expectedRoot = try XMLTreeParser.parse(expected)
        } catch {
            expectedRoot = nil
            failures.append(Mismatch(kind: .body, path: "$", expected: expected, actual: actual,
                                     message: "Failed to parse the expected body as XML: \(error)"))
        }
        do {
            actualRoot = try XMLTreeParser.parse(actual)
        } catch {
            actualRoot = nil
            failures.append(Mismatch(kind: .body, path: "$", expected: expected, actual: actual,
                                     message: "Failed to parse the actual body as XML: \(error)"))
        }
        guard let expectedRoot, let actualRoot else { return failures }

        var comparison = XMLElementComparison(rules: XMLRules(rules), allowUnexpectedKeys: allowUnexpectedKeys)
        comparison.compareDocuments(expected: expectedRoot, actual: actualRoot)
        return comparison.mismatches
    }

    private static func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0.isWhitespace || $0 == "\u{FEFF}" }
    }
}
