import PactModel

/// Matches request methods (PACT-SPEC §6.1): equal ignoring case.
public enum MethodMatching {
    /// A method mismatch, or nothing when the methods are equal ignoring case.
    public static func match(expected: String, actual: String) -> [Mismatch] {
        if expected.uppercased() == actual.uppercased() { return [] }
        // pact-reference's MethodMismatch sentence, methods as written.
        return [Mismatch(kind: .method, expected: expected, actual: actual, message: "expected \(expected) but was \(actual)")]
    }
}
