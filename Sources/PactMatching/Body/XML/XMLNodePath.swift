import PactModel

/// The path to a node of an XML document, for choosing rules and for naming the node in mismatches.
///
/// Rule paths for XML name elements by name from the root element on (`$.animals.alligator`), attributes as
/// `['@name']` and text as `['#text']`. An index is optional: `[n]` / `[*]` after an element name select among the
/// same-named siblings, and a path that leaves the index out names all of them (`$.animals.alligator['@id']`).
struct XMLNodePath: Sendable, Hashable, CustomStringConvertible {
    enum Step: Sendable, Hashable {
        /// An element; `index` is its position among same-named siblings (nil for "every one of them"), `showsIndex`
        /// whether mismatch paths print it (only when there are several).
        case element(XMLQualifiedName, index: Int?, showsIndex: Bool)
        case attribute(XMLQualifiedName)
        case text

        fileprivate func isNamed(_ token: String) -> Bool {
            switch self {
            case .element(let name, _, _): name.isNamed(token)
            case .attribute(let name): token.hasPrefix("@") && name.isNamed(String(token.dropFirst()))
            case .text: token == "#text"
            }
        }
    }

    private(set) var steps: [Step]

    init(steps: [Step] = []) { self.steps = steps }

    func appending(_ step: Step) -> XMLNodePath { XMLNodePath(steps: steps + [step]) }

    func child(_ name: XMLQualifiedName, index: Int?, of count: Int = 1) -> XMLNodePath {
        appending(.element(name, index: index, showsIndex: index != nil && count > 1))
    }

    func attribute(_ name: XMLQualifiedName) -> XMLNodePath { appending(.attribute(name)) }

    var text: XMLNodePath { appending(.text) }

    /// `$.animals.alligator[1]['@phoneNumber']`.
    var description: String {
        var out = "$"
        for step in steps {
            switch step {
            case .element(let name, let index, let showsIndex):
                PathExpression.appendField(name.written, to: &out)
                if showsIndex, let index { out += "[\(index)]" }
            case .attribute(let name): out += "['@\(name.written)']"
            case .text: out += "['#text']"
            }
        }
        return out
    }

    /// How well `expression` names this node or one of its ancestors: the weight of PACT-SPEC §3.2 (`$`, a name and
    /// an index weigh 2, `*` weighs 1, multiplied) and how many steps it covered; nil when it does not apply.
    func match(_ expression: PathExpression) -> (weight: Int, covered: Int)? {
        guard expression.tokens.first == .root else { return nil }
        var weight = 2
        var position = 0
        // The index of the element the previous token matched, while an index token may still follow it.
        var pendingIndex: Int?? = .none
        for token in expression.tokens.dropFirst() {
            switch token {
            case .root:
                return nil
            case .field, .anyField:
                guard position < steps.count else { return nil }
                let step = steps[position]
                if case .field(let name) = token {
                    guard step.isNamed(name) else { return nil }
                    weight *= 2
                }
                if case .element(_, let index, _) = step { pendingIndex = .some(index) } else { pendingIndex = .none }
                position += 1
            case .index(let wanted):
                guard case .some(let index) = pendingIndex, index == wanted else { return nil }
                weight *= 2
                pendingIndex = .none
            case .anyIndex:
                guard case .some = pendingIndex else { return nil }
                pendingIndex = .none
            }
        }
        return (weight, position)
    }
}
