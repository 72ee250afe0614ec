import PactModel

/// How values appear in mismatch sentences, as pact-reference's `pact_matching` writes them: strings quoted
/// (`'a'`), numbers, booleans and null as written, lists and maps as compact JSON; with the JSON type when wanted
/// (`'a' (String)`, `100 (Integer)`, `[] (Array)`, `{} (Object)`).
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
        "\(plain(value)) (\(typeName(value)))"
    }

    /// The type names of pact-reference's `json::type_of`: `Object` and `Array` for maps and lists (PactModel's
    /// `JSONValue.typeName` says `Map`/`List`, which pact file errors keep using).
    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .array: "Array"
        case .object: "Object"
        default: value.typeName
        }
    }

    /// `typed` for body values, `plain` for values that were strings on the wire (query, headers, path).
    static func describe(_ value: JSONValue, showType: Bool) -> String {
        showType ? typed(value) : plain(value)
    }

    /// A list as pact-reference's `display` writes it: items joined by ", " in brackets, JSON items as compact JSON
    /// (`[1, 2, 3]`, `["a", "b"]`).
    static func list(_ items: [JSONValue]) -> String {
        "[" + items.map(JSONWriter.compact).joined(separator: ", ") + "]"
    }

    /// A list of strings from the wire (header or query values): items bare (`[1, 2]`), as pact-reference shows them.
    static func list(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
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
