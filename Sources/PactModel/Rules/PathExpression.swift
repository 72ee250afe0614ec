/// A parsed rule path such as `$.animals[*].name` or `$['with.dot'][0]`.
///
/// Rules apply to the node a path names and cascade to its children; when several paths match a node, the one with
/// the highest weight wins (PACT-SPEC §3.2: `$`, a field name and an index weigh 2, `*` weighs 1, and the weight of a
/// path is the product of its tokens').
public struct PathExpression: Sendable, Hashable, CustomStringConvertible {
    /// One step of an expression: the root `$`, a field, an index, or a wildcard.
    public enum Token: Sendable, Hashable {
        case root
        case field(String)
        case index(Int)
        /// `.*`: any one field.
        case anyField
        /// `[*]`: any one index.
        case anyIndex
    }

    /// The expression's steps in order; a parsed expression starts with `.root`.
    public let tokens: [Token]
    /// The text the expression was parsed from.
    public let text: String

    /// A segment of the path to an actual node: a field name or an array index.
    public enum Segment: Sendable, Hashable {
        case field(String)
        case index(Int)
    }

    /// An expression from already parsed `tokens`, with `text` as its written form (not checked against them).
    public init(tokens: [Token], text: String) {
        self.tokens = tokens
        self.text = text
    }

    /// The expression as written (`text`).
    public var description: String { text }

    /// Parses an expression. An expression not starting with `$` is taken relative to the root (`a.b` is `$.a.b`),
    /// as pact-reference does for header and query keys.
    public init(parsing text: String) throws(PathExpressionError) {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        func fail(_ reason: String) -> PathExpressionError { PathExpressionError(expression: text, offset: i, reason: reason) }
        if chars.first == "$" {
            i = 1
        } else if !chars.isEmpty {
            // Bare name: the whole text is a field after the root.
            tokens = [.root]
            var name = ""
            while i < chars.count, chars[i] != ".", chars[i] != "[" { name.append(chars[i]); i += 1 }
            tokens.append(name == "*" ? .anyField : .field(name))
        }
        if tokens.isEmpty { tokens = [.root] }
        while i < chars.count {
            switch chars[i] {
            case ".":
                i += 1
                var name = ""
                while i < chars.count, chars[i] != ".", chars[i] != "[" { name.append(chars[i]); i += 1 }
                guard !name.isEmpty else { throw fail("expected a field name after '.'") }
                tokens.append(name == "*" ? .anyField : .field(name))
            case "[":
                i += 1
                guard i < chars.count else { throw fail("unterminated '['") }
                if chars[i] == "'" || chars[i] == "\"" {
                    let quote = chars[i]
                    i += 1
                    var name = ""
                    while i < chars.count, chars[i] != quote { name.append(chars[i]); i += 1 }
                    guard i < chars.count else { throw fail("unterminated quoted name") }
                    i += 1
                    guard i < chars.count, chars[i] == "]" else { throw fail("expected ']' after quoted name") }
                    i += 1
                    tokens.append(.field(name))
                } else {
                    var content = ""
                    while i < chars.count, chars[i] != "]" { content.append(chars[i]); i += 1 }
                    guard i < chars.count else { throw fail("unterminated '['") }
                    i += 1
                    if content == "*" {
                        tokens.append(.anyIndex)
                    } else if let index = Int(content), index >= 0 {
                        tokens.append(.index(index))
                    } else {
                        throw fail("'\(content)' is not an index; use [n], [*] or ['name']")
                    }
                }
            default:
                throw fail("unexpected character '\(chars[i])'")
            }
        }
        self.tokens = tokens
        self.text = text
    }

    /// The weight of this expression for the node at `path` (root segment excluded), counting the expression as
    /// matching when it names the node or one of its ancestors; 0 when it does not apply.
    public func weight(forPath path: [Segment]) -> Int {
        guard tokens.count - 1 <= path.count else { return 0 }
        var weight = 1
        for (position, token) in tokens.enumerated() {
            if position == 0 {
                guard token == .root else { return 0 }
                weight *= 2
                continue
            }
            let segment = path[position - 1]
            switch (token, segment) {
            case (.field(let name), .field(let actual)) where name == actual: weight *= 2
            case (.index(let index), .index(let actual)) where index == actual: weight *= 2
            case (.anyField, .field), (.anyIndex, .index): weight *= 1
            // pact-reference lets `*` stand for an index too (`$.list.*`).
            case (.anyField, .index): weight *= 1
            default: return 0
            }
        }
        return weight
    }

    /// True when the expression names exactly the node at `path` (not an ancestor).
    public func matchesExactly(_ path: [Segment]) -> Bool {
        tokens.count - 1 == path.count && weight(forPath: path) > 0
    }

    /// The writable form of a path to an actual node, as pact-reference's `DocPath` writes it: identifiers
    /// (`[_A-Za-z][_A-Za-z0-9]*`) after a dot, indices and all-digit keys in brackets (`$[100]`), any other key
    /// quoted with `'` and `\` escaped (`$['a b']`, `$['x-id']`).
    public static func text(for path: [Segment]) -> String {
        var out = "$"
        for segment in path {
            switch segment {
            case .index(let i): out += "[\(i)]"
            case .field(let name): appendField(name, to: &out)
            }
        }
        return out
    }

    /// Appends one map key in `DocPath` notation.
    public static func appendField(_ name: String, to out: inout String) {
        if isIdentifier(name) {
            out += "." + name
        } else if !name.isEmpty, name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // pact-reference turns a key that parses as an index into an index step.
            out += "[\(name)]"
        } else if name == "*" {
            out += ".*"
        } else {
            var escaped = ""
            for character in name {
                if character == "'" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            out += "['\(escaped)']"
        }
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first else { return false }
        func letter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F }
        return letter(first) && name.utf8.allSatisfy { letter($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}

/// A rule path that could not be parsed.
public struct PathExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that failed to parse.
    public var expression: String
    /// The character offset in `expression` where parsing stopped.
    public var offset: Int
    /// What was wrong at `offset`, as a phrase.
    public var reason: String

    /// A one-line message naming the expression, the offset and the reason.
    public var description: String { "invalid path expression '\(expression)' at offset \(offset): \(reason)" }
}
