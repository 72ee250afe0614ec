import Foundation

/// Reads the `query` of a request in its three forms: a query string (V1–V2, also seen in V3 files), a map of
/// name → array of strings (V3/V4), and the legacy map of name → string.
enum QueryReader {
    /// The decoded parameters, or nil when the request has no query. Map forms are returned sorted by name, because
    /// JSON objects carry no order.
    static func read(_ json: JSONValue, at path: String, file: String?) throws(PactError) -> [QueryParameter]? {
        switch json {
        case .null:
            return nil
        case .string(let text):
            return parse(text)
        case .object(let members):
            var parameters: [QueryParameter] = []
            for name in members.keys.sorted() {
                let valuePath = JSONPath.child(path, name)
                guard let value = members[name] else { continue }
                parameters.append(QueryParameter(name: name, values: try values(value, at: valuePath, file: file)))
            }
            return parameters
        default:
            throw PactError.typeMismatch(expected: "a String or a Map", got: json, at: path, file: file)
        }
    }

    /// One parameter's values: an array (null items are valueless), a single string, or null (one valueless value).
    private static func values(_ json: JSONValue, at path: String, file: String?) throws(PactError) -> [String?] {
        switch json {
        case .null: return [nil]
        case .array(let items):
            var values: [String?] = []
            for (index, item) in items.enumerated() {
                values.append(try scalar(item, at: JSONPath.element(path, index), file: file))
            }
            return values
        default:
            return [try scalar(json, at: path, file: file)]
        }
    }

    /// Strings as they are; numbers and booleans (hand-written pacts) as their JSON text; null as no value.
    private static func scalar(_ json: JSONValue, at path: String, file: String?) throws(PactError) -> String? {
        switch json {
        case .null: return nil
        case .string(let s): return s
        case .number, .bool: return JSONWriter.compact(json)
        case .array, .object: throw PactError.typeMismatch(expected: "a String", got: json, at: path, file: file)
        }
    }

    /// Parses `a=1&b=2&a=3` into parameters in order of first appearance, decoding `+` and `%XX`. Empty pieces
    /// (a trailing `&`) are skipped; a piece without `=` is a valueless parameter.
    static func parse(_ text: String) -> [QueryParameter] {
        var parameters: [QueryParameter] = []
        var indexByName: [String: Int] = [:]
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(pair[0])
            let value = pair.count > 1 ? decode(pair[1]) : nil
            if let index = indexByName[name] {
                parameters[index].values.append(value)
            } else {
                indexByName[name] = parameters.count
                parameters.append(QueryParameter(name: name, values: [value]))
            }
        }
        return parameters
    }

    /// Form decoding: `+` is a space and `%XX` a byte; malformed escapes stay as written.
    static func decode(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
