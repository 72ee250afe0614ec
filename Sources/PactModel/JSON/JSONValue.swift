/// A JSON value as it appears in pact files and bodies.
///
/// Integers and decimals stay apart (`1` is not `1.0`), numbers keep their literal text, and objects are unordered
/// maps that the writer always emits with sorted keys.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A JSON integer.
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    /// A JSON decimal.
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var numberValue: JSONNumber? { if case .number(let n) = self { n } else { nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The integer value of an integer number, or nil.
    public var intValue: Int? { numberValue?.int64Value.flatMap { Int(exactly: $0) } }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { o[key] } else { nil }
    }

    /// The JSON type name used in mismatch sentences: `Map`, `List`, `String`, `Integer`, `Decimal`, `Boolean`, `Null`.
    public var typeName: String {
        switch self {
        case .null: "Null"
        case .bool: "Boolean"
        case .number(let n): n.isInteger ? "Integer" : "Decimal"
        case .string: "String"
        case .array: "List"
        case .object: "Map"
        }
    }

    /// The value's text for regex and string matchers: strings bare, everything else as compact JSON.
    public var textForMatching: String {
        switch self {
        case .string(let s): s
        case .null: ""
        default: JSONWriter.compact(self)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: CustomStringConvertible {
    public var description: String { JSONWriter.compact(self) }
}
