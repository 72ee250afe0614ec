/// A parsed request body. Numbers keep their literal text: the API only rejects them where a string belongs, and
/// state parameters pass them on as text.
enum JSONInput: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONInput])
    case object([String: JSONInput], keys: [String])

    /// The JSON type name used in error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// Why a body is not JSON, with the byte offset where parsing stopped.
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var offset: Int
    var reason: String

    var description: String { "\(reason) at byte \(offset)" }
}
