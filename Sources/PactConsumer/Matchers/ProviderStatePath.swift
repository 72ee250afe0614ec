import PactModel

/// The rule for a path filled in from provider state (`.fromProviderState("/orders/${id}", example: "/orders/42")`).
///
/// A type rule would let the mock accept any path, so a client calling `/ordrs/42` would still pass. Instead the
/// literal parts of the expression stay literal and each `${…}` becomes one path segment (`/orders/[^/]+`). When
/// the example does not fit that (an expression such as `${path}` standing for several segments), the rule keeps
/// the example's shape: the same number of segments, each any text.
enum ProviderStatePath {
    static let anySegment = "[^/]+"

    static func pattern(expression: String, example: String) -> String {
        let fromExpression = expressionPattern(expression)
        if PactRegex.isValid(fromExpression), PactRegex.matchesWhole(fromExpression, example) { return fromExpression }
        return example.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : anySegment }
            .joined(separator: "/")
    }

    private static func expressionPattern(_ expression: String) -> String {
        var pattern = ""
        var rest = Substring(expression)
        while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
            pattern += PactValue.escapedForRegex(String(rest[..<open.lowerBound])) + anySegment
            rest = rest[rest.index(after: close)...]
        }
        return pattern + PactValue.escapedForRegex(String(rest))
    }
}
