import Foundation
import PactModel

extension PactValue {
    /// A value the provider fills in from its provider state: `expression` names state values as `${name}` (for
    /// example `"/orders/${orderId}"`). The consumer side serves `example`; the provider replaces it with the
    /// expression's value when verifying. Matched by type.
    public static func fromProviderState(
        _ expression: String, example: JSONValue,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let dataType: String? = switch example {
        case .number(let number): number.isInteger ? "INTEGER" : "DECIMAL"
        case .bool: "BOOLEAN"
        case .string: "STRING"
        default: nil
        }
        return matcher("fromProviderState", rules: [.type], example: PactValue(example),
                       generator: .providerState(expression: expression, dataType: dataType), since: .v3, at: location) {
            expressionFailure(expression)
        }
    }

    /// A URL pointing at the mock provider: the mock serves its own base URL followed by the part of `example`
    /// captured by the first group of `regex`. Pact V4.
    public static func mockServerURL(
        regex: String, example: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return matcher("mockServerURL", rules: [.regex(regex)], example: .init(example),
                       generator: .mockServerURL(regex: regex, example: example), since: .v4, at: location) {
            if let failure = regexFailure(regex, example) { return failure }
            let groups = (try? PactRegex.expression(regex))?.numberOfCaptureGroups ?? 0
            return groups > 0 ? nil : "the regular expression '\(regex)' needs a capture group around the URL's path"
        }
    }

    /// A URL on the mock provider ending in `path` (such as `/orders/1`): the mock serves its real base URL plus
    /// `path`, and the provider may use any URL ending in it. Pact V4.
    public static func mockServerURL(
        path: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        guard path.hasPrefix("/") else {
            return invalid("mockServerURL", "the path must start with '/', got '\(path)'", at: location)
        }
        let regex = ".*(" + escapedForRegex(path) + ")$"
        return mockServerURL(regex: regex, example: "http://localhost:8080" + path,
                             fileID: fileID, filePath: filePath, line: line, column: column)
    }

    /// Escapes regex metacharacters only (not `/`), so the pattern reads the same in every Pact implementation.
    static func escapedForRegex(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\.^$|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    private static func expressionFailure(_ expression: String) -> String? {
        guard let open = expression.range(of: "${") else {
            return "the expression '\(expression)' names no provider state value; write it as '${name}'"
        }
        var rest = expression[open.lowerBound...]
        while let start = rest.range(of: "${") {
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
                return "the expression '\(expression)' has an unterminated '${'"
            }
            if rest[start.upperBound..<close].isEmpty { return "the expression '\(expression)' has an empty '${}'" }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}
