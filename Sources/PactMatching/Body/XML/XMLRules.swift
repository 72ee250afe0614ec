import PactModel

/// Chooses the body rules for XML nodes.
///
/// This follows `RuleSelector`'s choice (heaviest expression, then the longest, then key order) but matches
/// expressions with `XMLNodePath.match`, because an XML rule path may leave out the index of an element.
struct XMLRules: Sendable {
    /// The rules that apply to a node and whether they were written for it or for an ancestor.
    struct Selection: Sendable {
        var rules: RuleList
        /// How many steps of the node's path the winning expression covered.
        var covered: Int
        var pathLength: Int
        /// The rules were written for an ancestor: size rules then do not count this node's children.
        var isInherited: Bool { covered < pathLength }
    }

    let selector: RuleSelector

    init(_ selector: RuleSelector) { self.selector = selector }

    func selection(for path: XMLNodePath) -> Selection? {
        var winner: Selection?
        var winnerWeight = 0
        var winnerLength = 0
        for entry in selector.entries {
            guard let (weight, covered) = path.match(entry.expression) else { continue }
            let length = entry.expression.tokens.count
            if weight > winnerWeight || (weight == winnerWeight && length > winnerLength) {
                winner = Selection(rules: entry.rules, covered: covered, pathLength: path.steps.count)
                winnerWeight = weight
                winnerLength = length
            }
        }
        return winner
    }

    /// True when a type rule (plain or with a size) is written for the node or an ancestor; same-named child elements
    /// are then a list whose members are each compared with the first expected one (pact-reference
    /// `type_matcher_defined`).
    func hasTypeRule(for path: XMLNodePath) -> Bool {
        selector.entries.contains { entry in
            path.match(entry.expression) != nil && entry.rules.rules.contains(where: \.isTypeRule)
        }
    }

    /// The rules for an attribute value or an element's text, ready for `ValueMatcher`; nil means equality.
    ///
    /// Rules written for the node or for its element apply as they are: a regex on an element path checks the
    /// element's text, as pact-jvm does. From further up only the cascading rules carry down. Size limits mean
    /// nothing for a string, so size rules are applied as plain type rules.
    func valueRules(for path: XMLNodePath) -> RuleList? {
        guard let selection = selection(for: path) else { return nil }
        var rules = selection.rules.rules
        if selection.covered < selection.pathLength - 1 { rules = rules.filter(\.cascades) }
        rules = rules.map { $0.isTypeRule ? .type : $0 }
        return rules.isEmpty ? nil : RuleList(rules, logic: selection.rules.logic)
    }
}

fileprivate extension MatchingRule {
    /// `type`, with or without a minimum or maximum.
    var isTypeRule: Bool {
        switch self {
        case .type, .minType, .maxType, .minMaxType: true
        default: false
        }
    }
}
