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

    /// Size limits of lists and maps; other values have no size.
    static func size(_ actual: JSONValue, min: Int?, max: Int?) -> String? {
        let count: Int
        switch actual {
        case .array(let items): count = items.count
        case .object(let members): count = members.count
        default: return nil
        }
        if let min, count < min {
            return "Expected \(JSONWriter.compact(actual)) (size \(count)) to have minimum size of \(min)"
        }
        if let max, count > max {
            return "Expected \(JSONWriter.compact(actual)) (size \(count)) to have maximum size of \(max)"
        }
        return nil
    }

    /// Present, of the expected type, and not null, "", [] or {}.
    static func notEmpty(expected: JSONValue, actual: JSONValue) -> String? {
        let empty: Bool
        switch actual {
        case .null: empty = true
        case .string(let s): empty = s.isEmpty
        case .array(let items): empty = items.isEmpty
        case .object(let members): empty = members.isEmpty
        case .number, .bool: empty = false
        }
        if empty { return "Expected \(ValueText.typed(actual)) to not be empty" }
        if expected.isNull { return nil }
        return sameType(expected: expected, actual: actual)
    }

    static func null(_ actual: JSONValue) -> String? {
        actual.isNull ? nil : "Expected \(ValueText.typed(actual)) to be a null value"
    }

    /// Booleans, and the strings "true" and "false".
    static func boolean(_ actual: JSONValue) -> String? {
        switch actual {
        case .bool: return nil
        case .string(let s) where s == "true" || s == "false": return nil
        default: return "Expected \(ValueText.typed(actual)) to match a boolean"
        }
    }
}
