import Foundation

/// Field readers shared by the matching-rule and generator codecs. Every failure names the JSON path of the field.
enum RuleCodingSupport {
    /// The path of member `key` under `path`: `.name` for plain names, `['$.a b']` otherwise.
    static func child(_ path: String, _ key: String) -> String { JSONPath.child(path, key) }

    static func element(_ path: String, _ index: Int) -> String { JSONPath.element(path, index) }

    static func object(_ json: JSONValue, at path: @autoclosure () -> String, what: String = "an object") throws(PactError) -> JSONObject {
        guard let members = json.objectValue else {
            throw PactError(jsonPath: path(), reason: "expected \(what), got \(json.typeName)")
        }
        return members
    }

    static func array(_ json: JSONValue, at path: @autoclosure () -> String) throws(PactError) -> [JSONValue] {
        guard let items = json.arrayValue else {
            throw PactError(jsonPath: path(), reason: "expected an array, got \(json.typeName)")
        }
        return items
    }

    /// An optional string member; a present member of another type is an error (null counts as absent).
    static func optionalString(_ members: JSONObject, _ key: String, at path: @autoclosure () -> String) throws(PactError) -> String? {
        guard let value = members[key], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw PactError(jsonPath: child(path(), key), reason: "expected a string, got \(value.typeName)")
        }
        return text
    }

    static func requiredString(_ members: JSONObject, _ key: String, at path: @autoclosure () -> String) throws(PactError) -> String {
        guard let text = try optionalString(members, key, at: path()) else {
            throw PactError(jsonPath: child(path(), key), reason: "missing required string field '\(key)'")
        }
        return text
    }

    /// An optional integer member. Integral decimals (`2.0`) are accepted because some writers emit them.
    static func optionalInt(_ members: JSONObject, _ key: String, at path: @autoclosure () -> String) throws(PactError) -> Int? {
        guard let value = members[key], !value.isNull else { return nil }
        return try int(value, at: child(path(), key))
    }

    static func int(_ value: JSONValue, at path: String) throws(PactError) -> Int {
        guard let number = value.numberValue else {
            throw PactError(jsonPath: path, reason: "expected an integer, got \(value.typeName)")
        }
        if let exact = value.intValue { return exact }
        let double = number.doubleValue
        if double.isFinite, double.rounded() == double, let exact = Int(exactly: double) { return exact }
        throw PactError(jsonPath: path, reason: "expected an integer, got \(number.isInteger ? "an out-of-range Integer" : "Decimal") \(number.literal)")
    }

    /// Checks that `pattern` compiles, as every matcher and generator regex must before it is used; the error
    /// quotes the regex and says why (`'(a' is not a valid regular expression - unclosed group`).
    static func checkRegex(_ pattern: String, at path: @autoclosure () -> String) throws(PactError) {
        if let error = PactRegex.compileError(pattern) {
            throw PactError(jsonPath: path(), reason: error)
        }
    }

    /// Checks that a body rule or generator key is a path expression.
    static func checkPathExpression(_ key: String, at path: @autoclosure () -> String) throws(PactError) {
        // The same keys recur in every interaction of a pact: each is parsed once.
        let problem = pathExpressionProblems.value(for: key) { key in
            do throws(PathExpressionError) {
                _ = try PathExpression(parsing: key)
                return nil
            } catch {
                return error.description
            }
        }
        if let problem { throw PactError(jsonPath: path(), reason: problem) }
    }

    /// Why a key is not a path expression, nil when it is.
    private static let pathExpressionProblems = LockedCache<String, String?>(limit: 4096)

    /// Members in key order, so decoding visits them (and reports the first error) deterministically.
    static func sortedMembers(_ members: JSONObject) -> JSONObject {
        members
    }
}
