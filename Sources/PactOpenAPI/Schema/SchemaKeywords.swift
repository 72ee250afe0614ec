import Foundation
import PactModel

/// The keywords that look at one number, string or array alone.
enum SchemaKeywords {
    static func isInteger(_ number: JSONNumber) -> Bool {
        if number.isInteger { return true }
        let double = number.doubleValue
        return double.isFinite && double.rounded(.towardZero) == double
    }

    static func number(_ number: JSONNumber, _ schema: [String: JSONValue], at location: String) -> [SchemaValidationError] {
        var errors: [SchemaValidationError] = []
        let value = number.doubleValue
        func fail(_ message: String, _ keyword: String) {
            errors.append(SchemaValidationError(location: location, message: message, keyword: keyword))
        }
        // OpenAPI 3.0 and Swagger 2.0 write `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself.
        if let minimum = schema["minimum"]?.numberValue {
            if schema["exclusiveMinimum"]?.boolValue == true {
                if !(value > minimum.doubleValue) { fail("must be > \(minimum)", "exclusiveMinimum") }
            } else if !(value >= minimum.doubleValue) {
                fail("must be >= \(minimum)", "minimum")
            }
        }
        if let maximum = schema["maximum"]?.numberValue {
            if schema["exclusiveMaximum"]?.boolValue == true {
                if !(value < maximum.doubleValue) { fail("must be < \(maximum)", "exclusiveMaximum") }
            } else if !(value <= maximum.doubleValue) {
                fail("must be <= \(maximum)", "maximum")
            }
        }
        if let bound = schema["exclusiveMinimum"]?.numberValue, !(value > bound.doubleValue) { fail("must be > \(bound)", "exclusiveMinimum") }
        if let bound = schema["exclusiveMaximum"]?.numberValue, !(value < bound.doubleValue) { fail("must be < \(bound)", "exclusiveMaximum") }
        if let divisor = schema["multipleOf"]?.numberValue, divisor.doubleValue > 0, !isMultiple(number, of: divisor) {
            fail("must be multiple of \(divisor)", "multipleOf")
        }
        if let format = schema["format"]?.stringValue, !SchemaFormats.numberMatches(number, format: format) {
            fail("must match format \"\(format)\"", "format")
        }
        return errors
    }

    static func isMultiple(_ number: JSONNumber, of divisor: JSONNumber) -> Bool {
        if let value = Decimal(string: number.literal), let step = Decimal(string: divisor.literal), step != 0 {
            var quotient = value / step
            var whole = Decimal()
            NSDecimalRound(&whole, &quotient, 0, .down)
            return whole == quotient
        }
        let quotient = number.doubleValue / divisor.doubleValue
        return quotient.isFinite && abs(quotient - quotient.rounded()) < 1e-9 * max(1, abs(quotient))
    }

    static func string(_ text: String, _ schema: [String: JSONValue], at location: String) -> [SchemaValidationError] {
        var errors: [SchemaValidationError] = []
        // Lengths count code points, as Ajv does.
        let length = text.unicodeScalars.count
        if let minimum = schema["minLength"]?.intValue, length < minimum {
            errors.append(SchemaValidationError(location: location, message: "must NOT have fewer than \(minimum) characters", keyword: "minLength"))
        }
        if let maximum = schema["maxLength"]?.intValue, length > maximum {
            errors.append(SchemaValidationError(location: location, message: "must NOT have more than \(maximum) characters", keyword: "maxLength"))
        }
        if let pattern = schema["pattern"]?.stringValue {
            switch SchemaPattern.search(pattern, in: text) {
            case .found:
                break
            case .notFound:
                errors.append(SchemaValidationError(location: location, message: "must match pattern \"\(pattern)\"", keyword: "pattern"))
            case .tooCostly:
                errors.append(SchemaValidationError(
                    location: location, message: "pattern \"\(pattern)\" was given up on this value: too costly to match", keyword: "pattern"
                ))
            case .invalid:
                let problem = PactRegex.compileError(pattern) ?? "does not compile"
                errors.append(SchemaValidationError(location: location, message: "pattern is not valid: \(problem)", keyword: "pattern"))
            }
        }
        if let format = schema["format"]?.stringValue, !SchemaFormats.stringMatches(text, format: format) {
            errors.append(SchemaValidationError(location: location, message: "must match format \"\(format)\"", keyword: "format"))
        }
        return errors
    }

    /// Whether `pattern` matches somewhere in `text` (JSON Schema patterns are not anchored).
    /// A pattern given up on (see `SchemaPattern`) or one that does not compile matches nothing.
    static func search(_ pattern: String, in text: String) -> Bool {
        SchemaPattern.search(pattern, in: text) == .found
    }

    static func arrayBounds(_ elements: [JSONValue], _ schema: [String: JSONValue], at location: String) -> [SchemaValidationError] {
        var errors: [SchemaValidationError] = []
        if let minimum = schema["minItems"]?.intValue, elements.count < minimum {
            errors.append(SchemaValidationError(location: location, message: "must NOT have fewer than \(minimum) items", keyword: "minItems"))
        }
        if let maximum = schema["maxItems"]?.intValue, elements.count > maximum {
            errors.append(SchemaValidationError(location: location, message: "must NOT have more than \(maximum) items", keyword: "maxItems"))
        }
        if schema["uniqueItems"]?.boolValue == true, let (first, second) = firstDuplicate(elements) {
            errors.append(SchemaValidationError(
                location: location, message: "must NOT have duplicate items (items ## \(second) and \(first) are identical)", keyword: "uniqueItems"
            ))
        }
        return errors
    }

    private static func firstDuplicate(_ elements: [JSONValue]) -> (Int, Int)? {
        for second in elements.indices {
            for first in 0..<second where SchemaEquality.equal(elements[first], elements[second]) { return (first, second) }
        }
        return nil
    }
}
