import PactModel

/// Integer, decimal, number and status-code matchers.
///
/// In bodies the JSON type decides (`"100"` is a string, not an integer: "Expected '100' (String) to be an integer");
/// values that travel as text (query parameters, headers, path, metadata) are read as numbers when they look like one.
enum NumberMatchers {
    static func integer(_ actual: JSONValue, origin: ValueOrigin) -> String? {
        switch number(of: actual, origin: origin) {
        case .some(let n) where n.isInteger: nil
        default: failure(actual, origin: origin, wire: "an integer number", typed: "an integer")
        }
    }

    static func decimal(_ actual: JSONValue, origin: ValueOrigin) -> String? {
        switch number(of: actual, origin: origin) {
        case .some(let n) where !n.isInteger: nil
        default: failure(actual, origin: origin, wire: "a decimal number", typed: "a decimal number")
        }
    }

    static func number(_ actual: JSONValue, origin: ValueOrigin) -> String? {
        number(of: actual, origin: origin) == nil ? failure(actual, origin: origin, wire: "a number", typed: "a number") : nil
    }

    /// pact-reference's two sentences: "Expected '4.2' to match an integer number" for text from the wire, "Expected
    /// 4.2 (Decimal) to be an integer" for JSON values.
    private static func failure(_ actual: JSONValue, origin: ValueOrigin, wire: String, typed: String) -> String {
        if origin.coercesStrings, case .string(let text) = actual { return "Expected '\(text)' to match \(wire)" }
        return "Expected \(ValueText.typed(actual)) to be \(typed)"
    }

    static func statusCode(_ status: StatusCodeClass, _ actual: JSONValue) -> String? {
        guard let code = number(of: actual, origin: .status).flatMap({ $0.int64Value }).flatMap({ Int(exactly: $0) }) else {
            return "Expected \(ValueText.typed(actual)) to be a status code"
        }
        if matches(code, status) { return nil }
        return "Expected status code \(code) to be a \(describe(status))"
    }

    /// The JSON number the value is, or stands for when it is text from a string origin.
    private static func number(of value: JSONValue, origin: ValueOrigin) -> JSONNumber? {
        switch value {
        case .number(let n): return n
        case .string(let s) where origin.coercesStrings:
            return JSONNumber(literal: String(s.trimmingWhitespace))
        default: return nil
        }
    }

    private static func matches(_ code: Int, _ status: StatusCodeClass) -> Bool {
        switch status {
        case .information: (100...199).contains(code)
        case .success: (200...299).contains(code)
        case .redirect: (300...399).contains(code)
        case .clientError: (400...499).contains(code)
        case .serverError: (500...599).contains(code)
        case .nonError: code < 400
        case .error: code >= 400
        case .codes(let codes): codes.contains(code)
        }
    }

    /// pact-reference's `HttpStatus` display, en dashes included.
    private static func describe(_ status: StatusCodeClass) -> String {
        switch status {
        case .information: "Informational response (100–199)"
        case .success: "Successful response (200–299)"
        case .redirect: "Redirect (300–399)"
        case .clientError: "Client error (400–499)"
        case .serverError: "Server error (500–599)"
        case .nonError: "Non-error response (< 400)"
        case .error: "Error response (>= 400)"
        case .codes(let codes): codes.map(String.init).joined(separator: ", ")
        }
    }
}
