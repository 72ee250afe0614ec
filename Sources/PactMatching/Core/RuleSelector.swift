import PactModel

/// Chooses which rules apply to a node, from the rules of one category keyed by path expression.
///
/// The expression with the highest weight for a node wins (PACT-SPEC §3.2); between equal weights the longer
/// expression wins, as in pact-reference. Expressions that name an ancestor apply too, which is how type rules cascade
/// to children; an `equality` rule closer to the node resets that, because it weighs more.
public struct RuleSelector: Sendable {
    /// The rules chosen for one node.
    public struct Selection: Sendable, Hashable {
        public var rules: RuleList
        /// True when the winning expression names an ancestor of the node rather than the node itself; size limits
        /// (`min`/`max`) and collection rules (`values`, `eachKey`, `eachValue`, `arrayContains`) only act on the node
        /// their expression names.
        public var cascaded: Bool

        public init(rules: RuleList, cascaded: Bool) {
            self.rules = rules
            self.cascaded = cascaded
        }
    }

    /// The parsed expressions with their rules, in a stable order.
    public let entries: [(expression: PathExpression, rules: RuleList)]

    /// Parses the keys of `rules` once; keys that do not parse are skipped (readers reject them earlier with a
    /// PactError).
    public init(_ rules: [String: RuleList]) {
        entries = rules.keys.sorted().compactMap { key in
            guard let expression = try? PathExpression(parsing: key), let list = rules[key], !list.isEmpty else { return nil }
            return (expression, list)
        }
    }

    /// A selector over already parsed expressions.
    public init(entries: [(expression: PathExpression, rules: RuleList)]) {
        self.entries = entries.filter { !$0.rules.isEmpty }
    }

    /// A selector without rules.
    public static let empty = RuleSelector(entries: [])

    public var isEmpty: Bool { entries.isEmpty }

    /// The winning rules for the node at `path` (root segment excluded), naming the node itself or an ancestor.
    public func selection(for path: [PathExpression.Segment]) -> Selection? {
        if entries.isEmpty { return nil }
        var winner: (expression: PathExpression, rules: RuleList)?
        var winnerWeight = 0
        var winnerLength = 0
        for entry in entries {
            let weight = entry.expression.weight(forPath: path)
            guard weight > 0 else { continue }
            let length = entry.expression.tokens.count
            if weight > winnerWeight || (weight == winnerWeight && length > winnerLength) {
                winner = entry
                winnerWeight = weight
                winnerLength = length
            }
        }
        guard let winner else { return nil }
        return Selection(rules: winner.rules, cascaded: winner.expression.tokens.count - 1 < path.count)
    }

    /// The best rule list for the node at `path`, naming the node itself or an ancestor.
    public func rules(for path: [PathExpression.Segment]) -> RuleList? {
        selection(for: path)?.rules
    }

    /// The best rule list whose expression names exactly the node at `path`.
    public func exactRules(for path: [PathExpression.Segment]) -> RuleList? {
        var winner: RuleList?
        var winnerWeight = 0
        for entry in entries where entry.expression.tokens.count - 1 == path.count {
            let weight = entry.expression.weight(forPath: path)
            if weight > winnerWeight {
                winner = entry.rules
                winnerWeight = weight
            }
        }
        return winner
    }

    /// True when some expression names the node at `path` or an ancestor.
    public func hasRules(for path: [PathExpression.Segment]) -> Bool {
        entries.contains { $0.expression.weight(forPath: path) > 0 }
    }
}
