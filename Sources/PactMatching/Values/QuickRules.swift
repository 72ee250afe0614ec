import PactModel

/// A rule list prepared to tell cheaply that a single value passes it, for the many values of a large body that
/// share their rules.
///
/// `passes` is true only when `ValueMatcher.match` would find no failure; false means "not known": the caller then
/// runs `ValueMatcher.match`, which also writes the sentences, so what is reported never depends on this shortcut.
struct QuickRules: Sendable {
    enum Check: Sendable {
        /// Passes when `ValueMatcher.check` finds the same JSON type (type, and min/max on single values).
        case sameType
        case equality
        case integer
        case regex(QuickRegex)
        /// A rule with no shortcut.
        case unknown
    }

    let checks: [Check]
    let anyOne: Bool

    init(_ list: RuleList) {
        anyOne = list.logic == .or
        checks = list.rules.map { rule in
            switch rule {
            case .type, .minType, .maxType, .minMaxType: .sameType
            case .equality, .values: .equality
            case .integer: .integer
            case .regex(let pattern): QuickRegex.prepared(pattern).map(Check.regex) ?? .unknown
            default: .unknown
            }
        }
    }

    /// True when `actual`, a single value or a collection compared with the single value `expected`, passes every
    /// rule (or one of them for OR lists) in a body.
    func passes(expected: JSONValue, actual: JSONValue) -> Bool {
        if checks.isEmpty { return false }
        for index in checks.indices {
            let passed = Self.passes(checks[index], expected: expected, actual: actual)
            if anyOne && passed { return true }
            if !anyOne && !passed { return false }
        }
        return !anyOne
    }

    private static func passes(_ check: Check, expected: JSONValue, actual: JSONValue) -> Bool {
        switch check {
        case .sameType:
            // Size limits only apply to lists and maps, which `expected` is not.
            switch expected {
            case .string: if case .string = actual { return true }
            case .number: if case .number = actual { return true }
            case .bool: if case .bool = actual { return true }
            case .null: if case .null = actual { return true }
            case .array, .object: break
            }
            return false
        case .equality:
            return expected == actual
        case .integer:
            if case .number(let n) = actual { return n.isInteger }
            return false
        case .regex(let regex):
            if case .string(let text) = actual { return regex.matchesWhole(text) }
            return false
        case .unknown:
            return false
        }
    }
}
