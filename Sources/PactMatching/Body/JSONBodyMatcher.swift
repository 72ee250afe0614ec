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
        var walker = JSONWalker(selector: rules, allowUnexpectedKeys: allowUnexpectedKeys)
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
    /// The expressions in play at the current node; kept in step with `path`.
    var cursor: RuleSelector.Cursor
    var mismatches: [Mismatch] = []
    var failed = false

    init(selector: RuleSelector, allowUnexpectedKeys: Bool, stopAtFirst: Bool = false) {
        self.selector = selector
        self.allowUnexpectedKeys = allowUnexpectedKeys
        self.stopAtFirst = stopAtFirst
        cursor = selector.rootCursor()
        path.reserveCapacity(16)
    }

    mutating func compare(_ expected: JSONValue, _ actual: JSONValue) {
        if stopAtFirst && failed { return }
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            compareMaps(e, a, expected, actual)
        case (.array(let e), .array(let a)):
            compareLists(e, a, expected, actual)
        case (.object, _), (.array, _):
            report(expected, actual) {
                "Type mismatch: Expected \(ValueText.typed(actual)) to be the same type as \(ValueText.typed(expected))"
            }
        default:
            compareValues(expected, actual)
        }
    }

    mutating func compareValues(_ expected: JSONValue, _ actual: JSONValue) {
        if let selection = selector.selection(at: cursor) {
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
        let parent = cursor
        cursor = selector.child(of: parent, segment)
        path.append(segment)
        compare(expected, actual)
        path.removeLast()
        cursor = parent
    }

    /// Runs `body` with `selector` in force for the current node and below.
    mutating func withSelector(_ replacement: RuleSelector, _ body: (inout JSONWalker) -> Void) {
        let savedSelector = selector
        let savedCursor = cursor
        selector = replacement
        cursor = replacement.cursor(for: path)
        body(&self)
        selector = savedSelector
        cursor = savedCursor
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
