import Foundation

/// Reads the `query` of a request in its three forms: a query string (V1–V2, also seen in V3 files), a map of
/// name → array of strings (V3/V4), and the legacy map of name → string.
enum QueryReader {
    /// The decoded parameters, or nil when the request has no query. Map forms are returned sorted by name, because
    /// JSON objects carry no order.
    static func read(_ json: JSONValue, at location: JSONLocation, file: String?) throws(PactError) -> [QueryParameter]? {
        switch json {
        case .null:
            return nil
        case .string(let text):
            return FormURLEncoding.parseQuery(text)
        case .object(let members):
            var parameters: [QueryParameter] = []
            parameters.reserveCapacity(members.count)
            for (name, value) in members {  // already sorted by name
                parameters.append(QueryParameter(name: name, values: try values(value, at: JSONPath.child(location.path, name), file: file)))
            }
            return parameters
        default:
            throw PactError.typeMismatch(expected: "a String or a Map", got: json, at: location.path, file: file)
        }
    }

    /// One parameter's values: an array (null items are valueless), a single string, or null (one valueless value).
    private static func values(_ json: JSONValue, at path: @autoclosure () -> String, file: String?) throws(PactError) -> [String?] {
        switch json {
        case .null: return [nil]
        case .array(let items):
            var values: [String?] = []
            for (index, item) in items.enumerated() {
                values.append(try scalar(item, at: JSONPath.element(path(), index), file: file))
            }
            return values
        default:
            return [try scalar(json, at: path(), file: file)]
        }
    }

    /// Strings as they are; numbers and booleans (hand-written pacts) as their JSON text; null as no value.
    private static func scalar(_ json: JSONValue, at path: @autoclosure () -> String, file: String?) throws(PactError) -> String? {
        switch json {
        case .null: return nil
        case .string(let s): return s
        case .number, .bool: return JSONWriter.compact(json)
        case .array, .object: throw PactError.typeMismatch(expected: "a String", got: json, at: path(), file: file)
        }
    }
}
