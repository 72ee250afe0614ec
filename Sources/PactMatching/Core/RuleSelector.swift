import PactModel

/// Chooses which rules apply to a node, from the rules of one category keyed by path expression.
///
/// The expression with the highest weight for a node wins (PACT-SPEC §3.2). Expressions that name an ancestor apply
/// too, which is how type rules cascade to children; an `equality` rule closer to the node resets that.
public struct RuleSelector: Sendable {
    /// The parsed expressions with their rules, in a stable order.
    public let entries: [(expression: PathExpression, rules: RuleList)]

    /// Parses the keys of `rules`; keys that do not parse are skipped (readers reject them earlier with a PactError).
    public init(_ rules: [String: RuleList]) {
        entries = rules.keys.sorted().compactMap { key in
            guard let expression = try? PathExpression(parsing: key), let list = rules[key], !list.isEmpty else { return nil }
            return (expression, list)
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The best rule list for the node at `path`, naming the node itself or an ancestor.
    public func rules(for path: [PathExpression.Segment]) -> RuleList? {
        best(for: path, where: { _ in true })?.rules
    }

    /// The best rule list whose expression names exactly the node at `path`.
    public func exactRules(for path: [PathExpression.Segment]) -> RuleList? {
        best(for: path, where: { $0.expression.matchesExactly(path) })?.rules
    }

    /// True when some expression names the node at `path` or an ancestor.
    public func hasRules(for path: [PathExpression.Segment]) -> Bool { rules(for: path) != nil }

    private func best(
        for path: [PathExpression.Segment], where include: ((expression: PathExpression, rules: RuleList)) -> Bool
    ) -> (expression: PathExpression, rules: RuleList)? {
        var winner: (expression: PathExpression, rules: RuleList)?
        var winnerWeight = 0
        var winnerLength = 0
        for entry in entries where include(entry) {
            let weight = entry.expression.weight(forPath: path)
            guard weight > 0 else { continue }
            let length = entry.expression.tokens.count
            // Prefer the heavier expression; between equal weights, the longer (closer to the node) one.
            if weight > winnerWeight || (weight == winnerWeight && length > winnerLength) {
                winner = entry
                winnerWeight = weight
                winnerLength = length
            }
        }
        return winner
    }
}
