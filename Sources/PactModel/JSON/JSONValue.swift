/// A JSON value as it appears in pact files and bodies.
///
/// Integers and decimals stay apart (`1` is not `1.0`), numbers keep their literal text, and objects are maps whose
/// members are kept sorted by key, the order the writer emits them in.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A JSON object with the members of a dictionary.
    public static func object(_ members: [String: JSONValue]) -> JSONValue { .object(JSONObject(members)) }

    /// A JSON integer.
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    /// A JSON decimal.
    public static func double(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }

    /// The string, when this is a string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The Boolean, when this is a Boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The number, when this is a number.
    public var numberValue: JSONNumber? { if case .number(let n) = self { n } else { nil } }
    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The members, when this is an object.
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    /// True for JSON `null`.
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
    /// A string literal becomes a JSON string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal becomes a JSON integer.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A floating-point literal becomes a JSON decimal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A Boolean literal becomes a JSON Boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal becomes a JSON array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal becomes a JSON object; for a repeated key the last value wins.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(unsorted: elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
    /// `nil` becomes JSON `null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: CustomStringConvertible {
    /// The value as compact JSON text with sorted keys.
    public var description: String { JSONWriter.compact(self) }
}
