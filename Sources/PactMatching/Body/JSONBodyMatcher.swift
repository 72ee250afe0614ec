import PactModel

/// Matches JSON bodies (PACT-SPEC §6.6) by walking the expected and the actual document together.
///
/// Rules come from the body category through a `RuleSelector`; the path of the node being compared is kept as
/// segments and only turned into text when a mismatch is reported.
public enum JSONBodyMatcher {
    /// Compares two documents. `allowUnexpectedKeys` is false for requests and true for responses and messages.
    public static func match(
        expected: JSONValue, actual: JSONValue, rules: RuleSelector, allowUnexpectedKeys: Bool
    ) -> [Mismatch] {
        match(expected: expected, actual: actual, states: RuleStates(rules), allowUnexpectedKeys: allowUnexpectedKeys)
    }

    /// As `match(expected:actual:rules:allowUnexpectedKeys:)`, starting from states prepared beforehand (see
    /// `ExpectedBody`).
    static func match(
        expected: JSONValue, actual: JSONValue, states: RuleStates, allowUnexpectedKeys: Bool
    ) -> [Mismatch] {
        var walker = JSONWalker(states: states, allowUnexpectedKeys: allowUnexpectedKeys)
        walker.compare(expected, actual)
        return walker.mismatches
    }
}

/// The state of one walk: the rules in force, the path of the current node and what has been found.
struct JSONWalker {
    var selector: RuleSelector
    let allowUnexpectedKeys: Bool
    /// Set when only "does it match?" is wanted (arrayContains probes): the walk stops at the first difference and
    /// builds no sentences.
    let stopAtFirst: Bool
    var path: [PathExpression.Segment] = []
    /// The cursors of `selector` met so far, and the current node's one; kept in step with `path`.
    var states: RuleStates
    var state = RuleStates.root
    var mismatches: [Mismatch] = []
    var failed = false

    init(selector: RuleSelector, allowUnexpectedKeys: Bool, stopAtFirst: Bool = false) {
        self.init(states: RuleStates(selector), allowUnexpectedKeys: allowUnexpectedKeys, stopAtFirst: stopAtFirst)
    }

    /// A walk starting from `states` (of their selector), which it may extend.
    init(states: RuleStates, allowUnexpectedKeys: Bool, stopAtFirst: Bool = false) {
        selector = states.selector
        self.allowUnexpectedKeys = allowUnexpectedKeys
        self.stopAtFirst = stopAtFirst
        self.states = states
        path.reserveCapacity(16)
    }

    mutating func compare(_ expected: JSONValue, _ actual: JSONValue) {
        if stopAtFirst && failed { return }
        // One value at a time rather than a switch over the pair, which would copy both for every node.
        switch expected {
        case .object(let e):
            if case .object(let a) = actual { return compareMaps(e, a, expected, actual) }
        case .array(let e):
            if case .array(let a) = actual { return compareLists(e, a, expected, actual) }
        default:
            return compareValues(expected, actual)
        }
        report(expected, actual) {
            "Type mismatch: Expected \(ValueText.typed(actual)) to be the same type as \(ValueText.typed(expected))"
        }
    }

    mutating func compareValues(_ expected: JSONValue, _ actual: JSONValue) {
        if states.passesQuickly(state, expected: expected, actual: actual) { return }
        if let selection = states.selection(state) {
            let failures = ValueMatcher.match(
                selection.rules, expected: expected, actual: actual, origin: .body, cascaded: selection.cascaded)
            for failure in failures { report(expected, actual) { failure } }
        } else if expected != actual {
            report(expected, actual) {
                "Expected \(ValueText.typed(actual)) to be equal to \(ValueText.typed(expected))"
            }
        }
    }

    /// Compares the child `segment` of the current node.
    mutating func child(_ segment: PathExpression.Segment, _ expected: JSONValue, _ actual: JSONValue) {
        let parent = state
        state = states.child(of: parent, segment)
        path.append(segment)
        compare(expected, actual)
        path.removeLast()
        state = parent
    }

    /// Runs `body` with `selector` in force for the current node and below.
    mutating func withSelector(_ replacement: RuleSelector, _ body: (inout JSONWalker) -> Void) {
        let savedSelector = selector
        let savedStates = states
        let savedState = state
        selector = replacement
        states = RuleStates(replacement)
        state = states.state(for: path)
        body(&self)
        selector = savedSelector
        states = savedStates
        state = savedState
    }

    /// Records a mismatch at the current path; the sentence is only built when it will be kept.
    mutating func report(_ expected: JSONValue?, _ actual: JSONValue?, _ message: () -> String) {
        failed = true
        if stopAtFirst { return }
        mismatches.append(Mismatch(
            kind: .body, path: PathExpression.text(for: path),
            expected: expected.map(JSONWriter.compact), actual: actual.map(JSONWriter.compact), message: message()))
    }
}

extension RuleList {
    /// Only `equality` rules: for lists and maps this is the same as having no rule (exact comparison).
    var isOnlyEquality: Bool { rules.allSatisfy { $0 == .equality } }
}
