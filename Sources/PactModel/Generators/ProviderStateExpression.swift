import Foundation

/// `${name}` expressions of ProviderState generators.
enum ProviderStateExpression {
    /// A lone `${name}` gives the raw value (keeping its JSON type); anything else gives a string with each `${name}`
    /// substituted. The result is then converted to `dataType` when one is given.
    static func evaluate(_ expression: String, dataType: String?, values: [String: JSONValue]) throws(GeneratorError) -> JSONValue {
        func fail(_ reason: String) -> GeneratorError { GeneratorError(generatorType: "ProviderState", reason: reason) }
        var pieces: [(literal: String, name: String?)] = []
        var rest = Substring(expression)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw fail("unterminated '${' in expression '\(expression)'")
            }
            pieces.append((String(rest[..<open.lowerBound]), String(rest[open.upperBound..<close])))
            rest = rest[rest.index(after: close)...]
        }
        var value: JSONValue
        if pieces.count == 1, pieces[0].literal.isEmpty, rest.isEmpty, let name = pieces[0].name {
            guard let found = values[name] else { throw fail("no provider state value for '\(name)'") }
            value = found
        } else {
            var text = ""
            for piece in pieces {
                text += piece.literal
                if let name = piece.name {
                    guard let found = values[name] else { throw fail("no provider state value for '\(name)'") }
                    text += found.textForMatching
                }
            }
            value = .string(text + rest)
        }
        if let dataType {
            value = try convert(value, to: dataType)
        }
        return value
    }

    /// Converts per the `dataType` of pact-reference: STRING, INTEGER, DECIMAL, FLOAT, BOOLEAN or RAW.
    static func convert(_ value: JSONValue, to dataType: String) throws(GeneratorError) -> JSONValue {
        func fail() -> GeneratorError {
            GeneratorError(generatorType: "ProviderState", reason: "cannot convert \(value) to \(dataType)")
        }
        let text = value.textForMatching.trimmingCharacters(in: .whitespaces)
        switch dataType.uppercased() {
        case "RAW": return value
        case "STRING": return .string(value.textForMatching)
        case "INTEGER":
            if let n = value.numberValue, !n.isInteger, let d = Double(n.literal), d.rounded() == d, let i = Int(exactly: d) {
                return .int(i)
            }
            guard let i = Int(text) else { throw fail() }
            return .int(i)
        case "DECIMAL", "FLOAT":
            if let n = value.numberValue, !n.isInteger { return value }
            guard let d = Double(text), d.isFinite else { throw fail() }
            return .double(d)
        case "BOOLEAN":
            if case .bool = value { return value }
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw fail()
            }
        default:
            throw GeneratorError(generatorType: "ProviderState", reason: "unknown dataType '\(dataType)'")
        }
    }
}
