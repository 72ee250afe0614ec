import Foundation

/// Writes requests, responses and message contents as V3 or V4 JSON. V1/V2 parts use the V3 form except that the
/// query is a query string.
enum PartsWriter {
    static func request(_ request: PactRequest, version: PactSpecVersion) -> JSONValue {
        var out: JSONObject = ["method": .string(request.method), "path": .string(request.path)]
        if version < .v3 {
            if let raw = request.rawQuery {
                out["query"] = .string(raw)
            } else if let query = request.query {
                out["query"] = .string(queryString(query))
            }
        } else if let query = request.query {
            out["query"] = queryMap(query)
        }
        addHeaders(request.headers, to: &out, version: version)
        addBody(request.body, headers: request.headers, to: &out, version: version)
        out["matchingRules"] = request.matchingRules.encode()
        out["generators"] = request.generators.encode()
        return .object(out)
    }

    static func response(_ response: PactResponse, version: PactSpecVersion) -> JSONValue {
        var out: JSONObject = ["status": .int(response.status)]
        addHeaders(response.headers, to: &out, version: version)
        addBody(response.body, headers: response.headers, to: &out, version: version)
        out["matchingRules"] = response.matchingRules.encode()
        out["generators"] = response.generators.encode()
        return .object(out)
    }

    /// Message contents with `contents` and `metadata`; V4 puts body rules and generators under `content`.
    static func message(_ message: MessageContents, version: PactSpecVersion) -> JSONObject {
        var out: JSONObject = [:]
        if version >= .v4 {
            let fallback = MessageReader.contentType(in: message.metadata)
            out["contents"] = BodyWriter.v4(message.contents, fallbackContentType: fallback)
        } else {
            out["contents"] = BodyWriter.v3(message.contents)
        }
        // The V3 message specification spells it metaData; V4 (and pact-reference's writer) metadata.
        if !message.metadata.isEmpty { out[version >= .v4 ? "metadata" : "metaData"] = .object(message.metadata) }
        let bodyCategory = version >= .v4 ? "content" : "body"
        out["matchingRules"] = message.matchingRules.encode(bodyCategory: bodyCategory)
        out["generators"] = message.generators.encode(bodyCategory: bodyCategory)
        return out
    }

    static func providerStates(_ states: [ProviderState]) -> JSONValue {
        .array(states.map { state in
            var out: JSONObject = ["name": .string(state.name)]
            if !state.params.isEmpty { out["params"] = .object(state.params) }
            return .object(out)
        })
    }

    /// V3+ query: name → array of values, `null` for a valueless parameter.
    private static func queryMap(_ query: [QueryParameter]) -> JSONValue {
        var out: JSONObject = [:]
        for parameter in query {
            let values = parameter.values.map { $0.map(JSONValue.string) ?? .null }
            if case .array(let existing) = out[parameter.name] {
                out[parameter.name] = .array(existing + values)
            } else {
                out[parameter.name] = .array(values)
            }
        }
        return .object(out)
    }

    /// V1/V2 query string, form-encoded, parameters in model order.
    static func queryString(_ query: [QueryParameter]) -> String {
        var pieces: [String] = []
        for parameter in query {
            for value in parameter.values {
                let name = FormURLEncoding.encode(parameter.name)
                pieces.append(value.map { "\(name)=\(FormURLEncoding.encode($0))" } ?? name)
            }
        }
        return pieces.joined(separator: "&")
    }

    /// V4 writes every header as an array; earlier versions join multiple values with ", " (pact-reference).
    private static func addHeaders(_ headers: Headers, to out: inout JSONObject, version: PactSpecVersion) {
        guard !headers.isEmpty else { return }
        if version >= .v4 {
            out["headers"] = .object(headers.mapValues { .array($0.map(JSONValue.string)) })
        } else {
            out["headers"] = .object(headers.mapValues { .string($0.joined(separator: ", ")) })
        }
    }

    private static func addBody(_ body: Body, headers: Headers, to out: inout JSONObject, version: PactSpecVersion) {
        out["body"] = version >= .v4 ? BodyWriter.v4(body, fallbackContentType: headers.contentType) : BodyWriter.v3(body)
    }
}
