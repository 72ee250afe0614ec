import PactModel

/// How values appear in mismatch sentences: strings quoted (`'a'`), numbers, booleans and null as written, lists and
/// maps as compact JSON; with the JSON type when wanted (`'a' (String)`, `100 (Integer)`).
enum ValueText {
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "'\(s)'"
        case .number(let n): n.literal
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .array, .object: JSONWriter.compact(value)
        }
    }

    static func typed(_ value: JSONValue) -> String {
        "\(plain(value)) (\(value.typeName))"
    }

    /// `typed` for body values, `plain` for values that were strings on the wire (query, headers, path).
    static func describe(_ value: JSONValue, showType: Bool) -> String {
        showType ? typed(value) : plain(value)
    }

    /// The text a regex, include or date matcher sees: strings bare, other values as JSON.
    static func matchable(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .number(let n): n.literal
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .array, .object: JSONWriter.compact(value)
        }
    }

    /// The text stored in `Mismatch.expected`/`actual`: compact JSON, or the bare string for string origins.
    static func field(_ value: JSONValue, origin: ValueOrigin) -> String {
        if origin != .body, case .string(let s) = value { return s }
        return JSONWriter.compact(value)
    }
}
