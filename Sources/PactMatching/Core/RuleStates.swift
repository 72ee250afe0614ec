import PactModel

/// The rule cursors met during one walk of a body, numbered, with the steps between them remembered.
///
/// A cursor's child depends only on the cursor and on whether the child's field name or index is one that some
/// expression in play names next; every other name (or index) leads to the same child. In a large body the same
/// few cursors recur for every item of a list, so a node's cursor and winning rules are found by a lookup here
/// instead of being recomputed, and reallocated, node by node.
struct RuleStates: Sendable {
    struct State: Sendable {
        let cursor: RuleSelector.Cursor
        let selection: RuleSelector.Selection?
        let hasRules: Bool
        /// Field names that an expression in play names at the next step, and the states they lead to (-1 until
        /// first taken).
        var fieldNames: [String] = []
        var fieldTargets: [Int] = []
        /// The same for indices.
        var indices: [Int] = []
        var indexTargets: [Int] = []
        /// The state of any other field name, or any other index (-1 until first taken).
        var otherField = -1
        var otherIndex = -1
        /// The quick form of `selection`'s rules for single values.
        let quickRules: QuickRules
        /// For lists and maps: the sizes within which `selection`'s rules are known to pass and to need nothing but
        /// the members compared; nil when there are no rules or they take the full path (see `sizesPassing`).
        let plainSizes: ClosedRange<Int>?
    }

    let selector: RuleSelector
    private(set) var states: [State] = []

    /// The states of a walk under `selector`; state 0 is the root's.
    init(_ selector: RuleSelector) {
        states.reserveCapacity(16)
        self.selector = selector
        _ = add(selector.rootCursor())
    }

    static let root = 0

    private mutating func add(_ cursor: RuleSelector.Cursor) -> Int {
        let selection = selector.selection(at: cursor)
        var state = State(cursor: cursor, selection: selection, hasRules: selector.hasRules(at: cursor),
                          quickRules: QuickRules(selection?.rules ?? RuleList([])),
                          plainSizes: selection.flatMap(Self.sizesPassing))
        let position = cursor.depth + 1
        for candidate in cursor.candidates {
            let tokens = selector.tokens[candidate.entry]
            guard position < tokens.count else { continue }
            switch tokens[position] {
            case .field(let name) where !state.fieldNames.contains(name):
                // Rebuilt from its bytes, so that a short name is stored inline like the keys of a parsed body, and
                // comparing the two is a comparison of two words.
                state.fieldNames.append(String(decoding: Array(name.utf8), as: UTF8.self))
                state.fieldTargets.append(-1)
            case .index(let index) where !state.indices.contains(index):
                state.indices.append(index)
                state.indexTargets.append(-1)
            default:
                break
            }
        }
        states.append(state)
        return states.count - 1
    }

    /// The winning rules at `state` (as `RuleSelector.selection(at:)`).
    func selection(_ state: Int) -> RuleSelector.Selection? { states[state].selection }

    /// True when some expression names the node at `state` or an ancestor.
    func hasRules(_ state: Int) -> Bool { states[state].hasRules }

    /// The state of the child `segment` of the node at `state`.
    mutating func child(of state: Int, _ segment: PathExpression.Segment) -> Int {
        switch segment {
        case .field(let name):
            if let slot = states[state].fieldNames.firstIndex(of: name) {
                return follow(state, segment, states[state].fieldTargets[slot]) { $0.fieldTargets[slot] = $1 }
            }
            return follow(state, segment, states[state].otherField) { $0.otherField = $1 }
        case .index(let index):
            if let slot = states[state].indices.firstIndex(of: index) {
                return follow(state, segment, states[state].indexTargets[slot]) { $0.indexTargets[slot] = $1 }
            }
            return follow(state, segment, states[state].otherIndex) { $0.otherIndex = $1 }
        }
    }

    /// `target` when the step from `state` by `segment` was taken before; else the state it leads to, made now and
    /// recorded in `state` by `record`.
    private mutating func follow(
        _ state: Int, _ segment: PathExpression.Segment, _ target: Int, record: (inout State, Int) -> Void
    ) -> Int {
        if target >= 0 { return target }
        let made = add(selector.child(of: states[state].cursor, segment))
        record(&states[state], made)
        return made
    }

    /// Takes every step the nodes of `value` (an expected body) lead to, so that walks of actual bodies shaped like
    /// it find their states here instead of adding them (a walk that adds one copies the states first).
    mutating func takeSteps(along value: JSONValue, from state: Int = RuleStates.root) {
        switch value {
        case .object(let members):
            for (key, member) in members { takeSteps(along: member, from: child(of: state, .field(key))) }
        case .array(let items):
            for (index, item) in items.enumerated() { takeSteps(along: item, from: child(of: state, .index(index))) }
        default:
            break
        }
    }

    /// The state of the node at `path`, from the root.
    mutating func state(for path: [PathExpression.Segment]) -> Int {
        var state = Self.root
        for segment in path { state = child(of: state, segment) }
        return state
    }

    /// The sizes of a list or map (of the expected kind) for which `selection`'s rules give no failure and ask for
    /// nothing but comparing the members with the example: only type rules, and size rules, which are checked on
    /// the node their expression names (`JSONWalker.collectionChecks`). Nil for any rule that acts on collections
    /// otherwise (`notEmpty`, `values`, `eachKey`, `eachValue`, `arrayContains`) or for equality alone.
    static func sizesPassing(_ selection: RuleSelector.Selection) -> ClosedRange<Int>? {
        if selection.rules.isOnlyEquality { return nil }
        var low = 0
        var high = Int.max
        for rule in selection.rules.rules {
            switch rule {
            case .minType(let min):
                if !selection.cascaded { low = Swift.max(low, min) }
            case .maxType(let max):
                if !selection.cascaded { high = Swift.min(high, max) }
            case .minMaxType(let min, let max):
                if !selection.cascaded { (low, high) = (Swift.max(low, min), Swift.min(high, max)) }
            case .notEmpty, .values, .eachKey, .eachValue, .arrayContains:
                return nil
            default:
                break
            }
        }
        return low <= high ? low...high : nil
    }

    /// True when a list or map of `count` members at `state` only needs its members compared (see `sizesPassing`).
    func isPlainCollection(_ state: Int, count: Int) -> Bool {
        states[state].plainSizes?.contains(count) ?? false
    }

    /// True when a single value `actual`, compared with `expected`, is known to pass the rules at `state` (see
    /// `QuickRules`); false when there are none or it takes `ValueMatcher` to tell.
    func passesQuickly(_ state: Int, expected: JSONValue, actual: JSONValue) -> Bool {
        states[state].quickRules.passes(expected: expected, actual: actual)
    }
}
