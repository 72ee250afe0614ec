import Foundation
import PactModel

/// Comparisons between media types.
enum ContentTypeRelation {
    /// Same `type/subtype`, parameters ignored.
    static func sameMediaType(_ a: ContentType, _ b: ContentType) -> Bool {
        // Equal parts make equal essences without building them (the mock compares a type per candidate).
        (a.type == b.type && a.subtype == b.subtype) || a.essence == b.essence
    }

    /// Body types that are matched the same way: equal essences, or both JSON (`application/json`,
    /// `application/hal+json`, …), or both XML.
    static func equivalentBodyTypes(_ a: ContentType, _ b: ContentType) -> Bool {
        sameMediaType(a, b) || (a.isJSON && b.isJSON) || (a.isXML && b.isXML)
    }

    /// PACT-SPEC §6.4 for `Content-Type` and `Accept` values: the base types are equal and every expected parameter
    /// is in the actual value with the same value (charset compared ignoring case); extra actual parameters and
    /// parameter order do not matter. Values that are not media types are compared as written.
    static func parameterAwareMatch(expected: String, actual: String) -> Bool {
        if expected == actual { return true }
        let e = String(expected.trimmingWhitespace)
        let a = String(actual.trimmingWhitespace)
        guard let expectedType = ContentType(e), let actualType = ContentType(a) else { return e == a }
        guard sameMediaType(expectedType, actualType) else { return false }
        for parameter in expectedType.parameters {
            guard let value = actualType.parameter(parameter.name) else { return false }
            let equal = parameter.name == "charset"
                ? value.lowercased() == parameter.value.lowercased()
                : value == parameter.value
            if !equal { return false }
        }
        return true
    }
}
