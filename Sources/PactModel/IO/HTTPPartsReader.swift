import Foundation
import HTTPSyntax

/// Reads requests and responses. Like the reference readers, an absent `method` is GET, an absent `path` is `/` and
/// an absent `status` is 200; a present but unusable one (`null`, a status outside 100–599) is an error, as is a
/// header that could not go on the wire (a name that is not an HTTP token, a value with CR, LF or NUL). The header
/// check is `servable`: on for pact files, whose interactions a mock serves and a verifier sends; off for the parts
/// of the spec's matching testcases, which fold header values over lines on purpose and never reach the wire.
enum HTTPPartsReader {
    static func request(
        _ json: JSONValue, version: PactSpecVersion, at path: JSONLocation, file: String?, servable: Bool,
        memo: ReaderMemo? = nil
    ) throws(PactError) -> PactRequest {
        let reader = try JSONObjectReader(json, at: path, file: file)
        var request = PactRequest()
        if let method = try reader.presentString("method") { request.method = method }
        if let requestPath = try reader.presentString("path") { request.path = requestPath }
        if let query = reader.value("query") {
            request.query = try QueryReader.read(query, at: reader.childLocation("query"), file: file)
            // Only V1/V2 matching compares the raw string; V3+ never write it, so it is not kept there.
            if version < .v3, case .string(let raw) = query { request.rawQuery = raw }
        }
        let (headers, contentType) = try headersAndContentType(reader, servable: servable, memo: memo, part: .request)
        request.headers = headers
        request.body = try BodyReader.read(
            reader.members["body"], version: version, fallbackContentType: contentType,
            at: reader.childLocation("body"), file: file)
        request.matchingRules = try matchingRules(reader, legacyKey: "requestMatchingRules", memo: memo, part: .request)
        request.generators = try generators(reader)
        return request
    }

    static func response(
        _ json: JSONValue, version: PactSpecVersion, at path: JSONLocation, file: String?, servable: Bool,
        memo: ReaderMemo? = nil
    ) throws(PactError) -> PactResponse {
        let reader = try JSONObjectReader(json, at: path, file: file)
        var response = PactResponse()
        if let status = reader.members["status"] {
            response.status = try statusCode(status, at: reader.childLocation("status"), file: file)
        }
        let (headers, contentType) = try headersAndContentType(reader, servable: servable, memo: memo, part: .response)
        response.headers = headers
        response.body = try BodyReader.read(
            reader.members["body"], version: version, fallbackContentType: contentType,
            at: reader.childLocation("body"), file: file)
        response.matchingRules = try matchingRules(reader, legacyKey: "responseMatchingRules", memo: memo, part: .response)
        response.generators = try generators(reader)
        return response
    }

    /// An integer from 100 to 599, or a string holding one (some writers quote it).
    private static func statusCode(_ json: JSONValue, at location: JSONLocation, file: String?) throws(PactError) -> Int {
        let code = json.intValue ?? json.stringValue.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if let code {
            guard (100...599).contains(code) else {
                throw PactError(file: file, jsonPath: location.path, reason: "status \(code) is not an HTTP status (100–599)")
            }
            return code
        }
        if let number = json.numberValue, number.isInteger {
            throw PactError(file: file, jsonPath: location.path, reason: "status \(number.literal) is out of range")
        }
        throw PactError.typeMismatch(expected: "an Integer", got: json, at: location.path, file: file)
    }

    /// The headers with their `Content-Type` parsed; the memo's when the same headers came before (a memo is only
    /// kept for servable parts: its headers were checked as such).
    private static func headersAndContentType(
        _ reader: JSONObjectReader, servable: Bool, memo: ReaderMemo?, part: ReaderMemo.Part
    ) throws(PactError) -> (Headers, ContentType?) {
        if servable, let memo, let json = reader.value("headers") {
            let entry = try memo.headers(json, part: part) { () throws(PactError) -> Headers in
                try headers(reader, servable: servable)
            }
            return (entry.headers, entry.contentType)
        }
        let decoded = try headers(reader, servable: servable)
        return (decoded, decoded.contentType)
    }

    /// `headers`: name → string (kept as one value, never split) or name → array of strings. Numbers and booleans
    /// (hand-written pacts) are taken as their JSON text; null values are skipped.
    static func headers(_ reader: JSONObjectReader, servable: Bool) throws(PactError) -> Headers {
        guard let members = try reader.optionalMap("headers") else { return [:] }
        let headersPath = { reader.childPath("headers") }
        var headers: Headers = [:]
        for (name, value) in members {
            let valuePath = { JSONPath.child(headersPath(), name) }
            guard !servable || HTTPToken.isToken(name) else {
                throw PactError(file: reader.file, jsonPath: valuePath(),
                                reason: "header name '\(name)' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~)")
            }
            switch value {
            case .null: continue
            case .array(let items):
                var values: [String] = []
                for (index, item) in items.enumerated() {
                    values.append(try headerValue(item, at: JSONPath.element(valuePath(), index), file: reader.file, servable: servable))
                }
                headers[name] = values
            default:
                headers[name] = [try headerValue(value, at: valuePath(), file: reader.file, servable: servable)]
            }
        }
        return headers
    }

    private static func headerValue(_ json: JSONValue, at path: @autoclosure () -> String, file: String?, servable: Bool) throws(PactError) -> String {
        switch json {
        case .string(let s):
            guard !servable || !s.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else {
                throw PactError(file: file, jsonPath: path(), reason: "header value \(JSONWriter.compact(json)) contains CR, LF or NUL, "
                                + "which cannot be sent in an HTTP header")
            }
            return s
        case .number, .bool: return JSONWriter.compact(json)
        default: throw PactError.typeMismatch(expected: "a String", got: json, at: path(), file: file)
        }
    }

    /// `matchingRules`, or the pre-V2 pact-jvm key `requestMatchingRules`/`responseMatchingRules`.
    /// With a `memo`, rules written exactly like the last ones of the same `part` are not decoded again.
    static func matchingRules(
        _ reader: JSONObjectReader, legacyKey: String? = nil, memo: ReaderMemo? = nil, part: ReaderMemo.Part = .request
    ) throws(PactError) -> MatchingRules {
        let key: String
        let json: JSONValue
        if let rules = reader.value("matchingRules") {
            (key, json) = ("matchingRules", rules)
        } else if let legacyKey, let rules = reader.value(legacyKey) {
            (key, json) = (legacyKey, rules)
        } else {
            return MatchingRules()
        }
        func decode() throws(PactError) -> MatchingRules {
            do throws(PactError) {
                return try MatchingRules.decode(json, at: reader.childLocation(key))
            } catch {
                throw error.inFile(reader.file)
            }
        }
        guard let memo else { return try decode() }
        return try memo.rules(json, part: part, decode: decode)
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
