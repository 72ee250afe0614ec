import PactModel

/// Equality, type, size, emptiness, null and boolean matchers.
enum StructuralMatchers {
    static func equality(expected: JSONValue, actual: JSONValue, showType: Bool) -> String? {
        if expected == actual { return nil }
        return "Expected \(ValueText.describe(actual, showType: showType)) to be equal to "
            + "\(ValueText.describe(expected, showType: showType))"
    }

    /// Same JSON type; integers and decimals are both numbers.
    static func sameType(expected: JSONValue, actual: JSONValue) -> String? {
        switch (expected, actual) {
        case (.string, .string), (.number, .number), (.bool, .bool), (.null, .null), (.array, .array), (.object, .object):
            return nil
        default:
            return "Expected \(ValueText.typed(actual)) to be the same type as \(ValueText.typed(expected))"
        }
    }

    /// Size limits of lists and maps; other values have no size. Lists are shown as pact-reference shows them
    /// (`[1, 2, 3]`); maps as compact JSON where pact-reference prints Rust's debug form (`{"a": Number(1)}`), which
    /// names Rust types a user never sees elsewhere.
    static func size(_ actual: JSONValue, min: Int?, max: Int?) -> String? {
        switch actual {
        case .array(let items): sizeFailure(ValueText.list(items), count: items.count, min: min, max: max)
        case .object(let members): sizeFailure(JSONWriter.compact(actual), count: members.count, min: min, max: max)
        default: nil
        }
    }

    /// "Expected [1] (size 1) to have minimum size of 2" for a list written as `shown`, which is only evaluated when
    /// the size fails: writing out a large list that passes is most of a large body's matching time otherwise.
    static func sizeFailure(_ shown: @autoclosure () -> String, count: Int, min: Int?, max: Int?) -> String? {
        if let min, count < min { return "Expected \(shown()) (size \(count)) to have minimum size of \(min)" }
        if let max, count > max { return "Expected \(shown()) (size \(count)) to have maximum size of \(max)" }
        return nil
    }

    /// Present, of the expected type, and not null, "", [] or {} (pact-reference's sentences for each).
    static func notEmpty(expected: JSONValue, actual: JSONValue) -> String? {
        switch actual {
        case .null: return "Expected non-empty value but got a NULL"
        case .string(let s) where s.isEmpty: return "Expected '' (String) to not be empty"
        case .array(let items) where items.isEmpty: return "Expected [] (Array) to not be empty"
        // A map reaches this through pact-reference's map comparison, which names it a Map.
        case .object(let members) where members.isEmpty: return "Expected {} (Map) to not be empty"
        default: break
        }
        if expected.isNull { return nil }
        return sameType(expected: expected, actual: actual)
    }

    static func null(_ actual: JSONValue) -> String? {
        actual.isNull ? nil : "Expected \(ValueText.typed(actual)) to be a null value"
    }

    /// Booleans, and the strings "true" and "false". A string from the wire is shown bare, as pact-reference does.
    static func boolean(_ actual: JSONValue, origin: ValueOrigin) -> String? {
        switch actual {
        case .bool: return nil
        case .string(let s) where s == "true" || s == "false": return nil
        case .string(let s) where origin.coercesStrings: return "Expected \(s) to match a boolean"
        default: return "Expected \(ValueText.typed(actual)) to match a boolean"
        }
    }
}
