import Foundation

/// Reads requests and responses. `strict` is set for pact files, where `method`, `path` and `status` are required;
/// the spec testcases leave them out (pact-reference then uses GET, "/" and 200).
enum HTTPPartsReader {
    static func request(
        _ json: JSONValue, version: PactSpecVersion, at path: String, file: String?, strict: Bool
    ) throws(PactError) -> HTTPRequest {
        let reader = try JSONObjectReader(json, at: path, file: file)
        var request = HTTPRequest()
        if strict || reader.value("method") != nil { request.method = try reader.requiredString("method") }
        if let requestPath = try reader.optionalString("path") { request.path = requestPath }
        if let query = reader.value("query") {
            request.query = try QueryReader.read(query, at: reader.childPath("query"), file: file)
            // Only V1/V2 matching compares the raw string; V3+ never write it, so it is not kept there.
            if version < .v3, case .string(let raw) = query { request.rawQuery = raw }
        }
        request.headers = try headers(reader)
        request.body = try BodyReader.read(
            reader.members["body"], version: version, fallbackContentType: request.headers.contentType,
            at: reader.childPath("body"), file: file)
        request.matchingRules = try matchingRules(reader, legacyKey: "requestMatchingRules")
        request.generators = try generators(reader)
        return request
    }

    static func response(
        _ json: JSONValue, version: PactSpecVersion, at path: String, file: String?, strict: Bool
    ) throws(PactError) -> HTTPResponse {
        let reader = try JSONObjectReader(json, at: path, file: file)
        var response = HTTPResponse()
        if let status = reader.value("status") {
            response.status = try statusCode(status, at: reader.childPath("status"), file: file)
        } else if strict {
            throw reader.missing("status")
        }
        response.headers = try headers(reader)
        response.body = try BodyReader.read(
            reader.members["body"], version: version, fallbackContentType: response.headers.contentType,
            at: reader.childPath("body"), file: file)
        response.matchingRules = try matchingRules(reader, legacyKey: "responseMatchingRules")
        response.generators = try generators(reader)
        return response
    }

    /// An integer, or a string holding one (some writers quote it).
    private static func statusCode(_ json: JSONValue, at path: String, file: String?) throws(PactError) -> Int {
        if let code = json.intValue { return code }
        if let text = json.stringValue, let code = Int(text.trimmingCharacters(in: .whitespaces)) { return code }
        if let number = json.numberValue, number.isInteger {
            throw PactError(file: file, jsonPath: path, reason: "status \(number.literal) is out of range")
        }
        throw PactError.typeMismatch(expected: "an Integer", got: json, at: path, file: file)
    }

    /// `headers`: name → string (kept as one value, never split) or name → array of strings. Numbers and booleans
    /// (hand-written pacts) are taken as their JSON text; null values are skipped.
    static func headers(_ reader: JSONObjectReader) throws(PactError) -> Headers {
        guard let members = try reader.optionalMap("headers") else { return [:] }
        let headersPath = reader.childPath("headers")
        var headers: Headers = [:]
        for (name, value) in members {
            let valuePath = JSONPath.child(headersPath, name)
            switch value {
            case .null: continue
            case .array(let items):
                var values: [String] = []
                for (index, item) in items.enumerated() {
                    values.append(try headerValue(item, at: JSONPath.element(valuePath, index), file: reader.file))
                }
                headers[name] = values
            default:
                headers[name] = [try headerValue(value, at: valuePath, file: reader.file)]
            }
        }
        return headers
    }

    private static func headerValue(_ json: JSONValue, at path: String, file: String?) throws(PactError) -> String {
        switch json {
        case .string(let s): return s
        case .number, .bool: return JSONWriter.compact(json)
        default: throw PactError.typeMismatch(expected: "a String", got: json, at: path, file: file)
        }
    }

    /// `matchingRules`, or the pre-V2 pact-jvm key `requestMatchingRules`/`responseMatchingRules`.
    static func matchingRules(_ reader: JSONObjectReader, legacyKey: String? = nil) throws(PactError) -> MatchingRules {
        let key = reader.value("matchingRules") != nil ? "matchingRules" : (legacyKey ?? "matchingRules")
        guard let json = reader.value(key) else { return MatchingRules() }
        do throws(PactError) {
            return try MatchingRules.decode(json, at: reader.childPath(key))
        } catch {
            throw error.inFile(reader.file)
        }
    }

    static func generators(_ reader: JSONObjectReader) throws(PactError) -> Generators {
        guard let json = reader.value("generators") else { return Generators() }
        do throws(PactError) {
            return try Generators.decode(json, at: reader.childPath("generators"))
        } catch {
            throw error.inFile(reader.file)
        }
    }
}
