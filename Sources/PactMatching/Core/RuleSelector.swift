import PactModel

/// Chooses which rules apply to a node, from the rules of one category keyed by path expression.
///
/// The expression with the highest weight for a node wins (PACT-SPEC §3.2); between equal weights the longer
/// expression wins, as in pact-reference. Expressions that name an ancestor apply too, which is how type rules cascade
/// to children; an `equality` rule closer to the node resets that, because it weighs more.
public struct RuleSelector: Sendable {
    /// The rules chosen for one node.
    public struct Selection: Sendable, Hashable {
        /// The rule list of the winning expression.
        public var rules: RuleList
        /// True when the winning expression names an ancestor of the node rather than the node itself; size limits
        /// (`min`/`max`) and collection rules (`values`, `eachKey`, `eachValue`, `arrayContains`) only act on the node
        /// their expression names.
        public var cascaded: Bool

        /// A selection of `rules`, cascaded from an ancestor when `cascaded` is true.
        public init(rules: RuleList, cascaded: Bool) {
            self.rules = rules
            self.cascaded = cascaded
        }
    }

    /// The parsed expressions with their rules, in a stable order.
    public let entries: [(expression: PathExpression, rules: RuleList)]
    /// The tokens of each entry's expression, kept apart so walks do not copy the entries.
    let tokens: [[PathExpression.Token]]

    /// Parses the keys of `rules` once; keys that do not parse are skipped (readers reject them earlier with a
    /// PactError).
    public init(_ rules: [String: RuleList]) {
        self.init(entries: rules.keys.sorted().compactMap { key in
            guard let expression = try? PathExpression(parsing: key), let list = rules[key] else { return nil }
            return (expression, list)
        })
    }

    /// A selector over already parsed expressions.
    public init(entries: [(expression: PathExpression, rules: RuleList)]) {
        self.entries = entries.filter { !$0.rules.isEmpty }
        tokens = self.entries.map(\.expression.tokens)
    }

    /// A selector without rules.
    public static let empty = RuleSelector(entries: [])

    /// True when no expression has rules, so every lookup finds none.
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

extension RuleSelector {
    /// The expressions still in play at one node of a walk, so that descending to a child only looks at the
    /// expressions that matched the way down instead of every expression (see `RuleSelector.child(of:_:)`).
    public struct Cursor: Sendable {
        struct Candidate: Sendable {
            var entry: Int
            /// The weight of the tokens matched so far.
            var weight: Int
        }

        var candidates: [Candidate]
        /// The number of segments of the node's path.
        public let depth: Int
    }

    /// The cursor of the root node (`$`).
    public func rootCursor() -> Cursor {
        var candidates: [Cursor.Candidate] = []
        for (index, list) in tokens.enumerated() where list.first == .root {
            candidates.append(.init(entry: index, weight: 2))
        }
        return Cursor(candidates: candidates, depth: 0)
    }

    /// The cursor of the node at `path`, computed from scratch.
    public func cursor(for path: [PathExpression.Segment]) -> Cursor {
        var cursor = rootCursor()
        for segment in path { cursor = child(of: cursor, segment) }
        return cursor
    }

    /// The cursor of the child `segment` of the node at `cursor`: expressions that already named the node or an
    /// ancestor stay (they cascade), the others stay only when their next token matches the segment.
    public func child(of cursor: Cursor, _ segment: PathExpression.Segment) -> Cursor {
        let position = cursor.depth + 1
        // Nothing to narrow when every candidate is complete: share the parent's storage.
        guard cursor.candidates.contains(where: { tokens[$0.entry].count > position }) else {
            return Cursor(candidates: cursor.candidates, depth: position)
        }
        var next: [Cursor.Candidate] = []
        next.reserveCapacity(cursor.candidates.count)
        for candidate in cursor.candidates {
            let expression = tokens[candidate.entry]
            guard position < expression.count else {
                next.append(candidate)
                continue
            }
            let factor: Int
            switch (expression[position], segment) {
            case (.field(let name), .field(let actual)) where name == actual: factor = 2
            case (.index(let index), .index(let actual)) where index == actual: factor = 2
            // pact-reference lets `*` stand for an index too (`$.list.*`).
            case (.anyField, _), (.anyIndex, .index): factor = 1
            default: continue
            }
            next.append(.init(entry: candidate.entry, weight: candidate.weight * factor))
        }
        return Cursor(candidates: next, depth: position)
    }

    /// The winning rules for the node at `cursor` (as `selection(for:)`).
    public func selection(at cursor: Cursor) -> Selection? {
        var winner: Int?
        var winnerWeight = 0
        var winnerLength = 0
        for candidate in cursor.candidates {
            let length = tokens[candidate.entry].count
            guard length - 1 <= cursor.depth else { continue }
            if candidate.weight > winnerWeight || (candidate.weight == winnerWeight && length > winnerLength) {
                winner = candidate.entry
                winnerWeight = candidate.weight
                winnerLength = length
            }
        }
        guard let winner else { return nil }
        return Selection(rules: entries[winner].rules, cascaded: winnerLength - 1 < cursor.depth)
    }

    /// True when some expression names the node at `cursor` or an ancestor.
    public func hasRules(at cursor: Cursor) -> Bool {
        cursor.candidates.contains { tokens[$0.entry].count - 1 <= cursor.depth }
    }
}
