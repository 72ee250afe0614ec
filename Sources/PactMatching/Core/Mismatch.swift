import PactModel

/// One way in which an actual request, response or message differs from the expected one.
public struct Mismatch: Sendable, Hashable, CustomStringConvertible {
    /// What part of the interaction differs.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case method, path, query, header, body, bodyType, status, metadata
    }

    /// Which part of the interaction differs; also the `type` in JSON reports.
    public var kind: Kind
    /// The JSON path of a body node (`$.items[0].id`), a header, query parameter or metadata name, or empty.
    public var path: String
    /// The expected value, as text (JSON for body values), when there is one.
    public var expected: String?
    /// The actual value, as text, when there is one.
    public var actual: String?
    /// A sentence saying what is wrong, like "Expected 'c' (String) to be equal to 'b' (String)".
    public var message: String

    /// A mismatch of `kind`; the path is empty and the expected and actual values absent unless given.
    public init(kind: Kind, path: String = "", expected: String? = nil, actual: String? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.expected = expected
        self.actual = actual
        self.message = message
    }

    /// One log line: the kind, the path when there is one, and the message.
    public var description: String {
        path.isEmpty ? "\(kind.rawValue): \(message)" : "\(kind.rawValue) \(path): \(message)"
    }
}

extension Mismatch {
    /// The mismatch as reported in JSON bodies and reports: `type`, `path`, `expected`, `actual`, `mismatch`.
    public var json: JSONValue {
        .object([
            "type": .string(kind.rawValue),
            "path": .string(path),
            "expected": expected.map(JSONValue.string) ?? .null,
            "actual": actual.map(JSONValue.string) ?? .null,
            "mismatch": .string(message),
        ])
    }
}
