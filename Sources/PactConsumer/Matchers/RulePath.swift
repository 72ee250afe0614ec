import PactModel

/// A rule or generator location inside a value, written out as a Pact path expression (`$.items[*].id`).
struct RulePath: Sendable, Hashable {
    var tokens: [PathExpression.Token] = []

    static let root = RulePath()

    func field(_ name: String) -> RulePath { RulePath(tokens: tokens + [.field(name)]) }
    func index(_ index: Int) -> RulePath { RulePath(tokens: tokens + [.index(index)]) }
    var anyIndex: RulePath { RulePath(tokens: tokens + [.anyIndex]) }
    var anyField: RulePath { RulePath(tokens: tokens + [.anyField]) }

    var isRoot: Bool { tokens.isEmpty }

    /// This path followed by `other`'s tokens (used to re-root rules compiled relative to an element).
    func appending(_ other: RulePath) -> RulePath { RulePath(tokens: tokens + other.tokens) }

    /// The path expression text, quoting names that the plain form cannot carry.
    var text: String {
        var out = "$"
        for token in tokens {
            switch token {
            case .root: continue
            case .index(let index): out += "[\(index)]"
            case .anyIndex: out += "[*]"
            case .anyField: out += ".*"
            case .field(let name):
                if !name.isEmpty, name != "*",
                    name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "@" || $0 == "#" || $0 == ":" })
                {
                    out += ".\(name)"
                } else if name.contains("'") {
                    out += "[\"\(name)\"]"
                } else {
                    out += "['\(name)']"
                }
            }
        }
        return out
    }
}
