import Foundation

/// Writes requests, responses and message contents as V3 or V4 JSON. V1/V2 parts use the V3 form except that the
/// query is a query string and the rules are V2's (`LegacyPactWriter`).
enum PartsWriter {
    /// What a part's `matchingRules` and `generators` are: V3/V4 categories, or the flat V2 rules (if any) and no
    /// generators.
    enum RulesForm {
        case categories
        case legacy(v2Rules: JSONValue?)
    }

    static func request(_ request: PactRequest, version: PactSpecVersion) -> JSONValue {
        JSONTreeBuilder.build { write(request, version: version, to: &$0) }
    }

    static func response(_ response: PactResponse, version: PactSpecVersion) -> JSONValue {
        JSONTreeBuilder.build { write(response, version: version, to: &$0) }
    }

    /// Message contents with `contents` and `metadata`; V4 puts body rules and generators under `content`.
    static func message(_ message: MessageContents, version: PactSpecVersion) -> JSONValue {
        JSONTreeBuilder.build { write(message, version: version, to: &$0) }
    }

    /// Writes the request object, its members in key order.
    static func write<Sink: JSONSink>(
        _ request: PactRequest, version: PactSpecVersion, rules form: RulesForm = .categories, to out: inout Sink
    ) {
        out.beginObject()
        writeSharedMembers(
            body: request.body, generators: request.generators, headers: request.headers, rules: request.matchingRules,
            version: version, form: form, to: &out)
        out.member("method", request.method)
        out.member("path", request.path)
        if version < .v3 {
            if let raw = request.rawQuery {
                out.member("query", raw)
            } else if let query = request.query {
                out.member("query", queryString(query))
            }
        } else if let query = request.query {
            out.key("query")
            writeQueryMap(query, to: &out)
        }
        out.endObject()
    }

    /// Writes the response object, its members in key order.
    static func write<Sink: JSONSink>(
        _ response: PactResponse, version: PactSpecVersion, rules form: RulesForm = .categories, to out: inout Sink
    ) {
        out.beginObject()
        writeSharedMembers(
            body: response.body, generators: response.generators, headers: response.headers,
            rules: response.matchingRules, version: version, form: form, to: &out)
        out.member("status", response.status)
        out.endObject()
    }

    /// The members a request and a response have alike, which sort before the others: `body`, `generators`,
    /// `headers`, `matchingRules`.
    private static func writeSharedMembers<Sink: JSONSink>(
        body: Body, generators: Generators, headers: Headers, rules: MatchingRules, version: PactSpecVersion,
        form: RulesForm, to out: inout Sink
    ) {
        writeBody(body, headers: headers, version: version, to: &out)
        writeGenerators(generators, form: form, to: &out)
        writeHeaders(headers, version: version, to: &out)
        writeRules(rules, form: form, to: &out)
    }

    /// Writes the message contents object: `contents`, `generators`, `matchingRules`, `metadata`.
    static func write<Sink: JSONSink>(_ message: MessageContents, version: PactSpecVersion, to out: inout Sink) {
        out.beginObject()
        writeContents(message, version: version, to: &out)
        writeGenerators(message, version: version, to: &out)
        writeRules(message, version: version, to: &out)
        writeMetadata(message, version: version, to: &out)
        out.endObject()
    }

    // A message's members one by one, for interactions that interleave them with their own (in key order).

    static func writeContents<Sink: JSONSink>(_ message: MessageContents, version: PactSpecVersion, to out: inout Sink) {
        if version >= .v4 {
            BodyWriter.writeV4(message.contents, fallbackContentType: { MessageReader.contentType(in: message.metadata) },
                               as: "contents", to: &out)
        } else {
            BodyWriter.writeV3(message.contents, as: "contents", to: &out)
        }
    }

    static func writeGenerators<Sink: JSONSink>(_ message: MessageContents, version: PactSpecVersion, to out: inout Sink) {
        writeGenerators(message.generators, form: .categories, bodyCategory: bodyCategory(version), to: &out)
    }

    static func writeRules<Sink: JSONSink>(_ message: MessageContents, version: PactSpecVersion, to out: inout Sink) {
        writeRules(message.matchingRules, form: .categories, bodyCategory: bodyCategory(version), to: &out)
    }

    /// The V3 message specification spells it metaData; V4 (and pact-reference's writer) metadata.
    static func writeMetadata<Sink: JSONSink>(_ message: MessageContents, version: PactSpecVersion, to out: inout Sink) {
        guard !message.metadata.isEmpty else { return }
        version >= .v4 ? out.key("metadata") : out.key("metaData")
        out.object(message.metadata)
    }

    private static func bodyCategory(_ version: PactSpecVersion) -> String { version >= .v4 ? "content" : "body" }

    /// Writes the `providerStates` array.
    static func writeProviderStates<Sink: JSONSink>(_ states: [ProviderState], to out: inout Sink) {
        out.key("providerStates")
        out.beginArray()
        for state in states {
            out.beginObject()
            out.member("name", state.name)
            if !state.params.isEmpty {
                out.key("params")
                out.object(state.params)
            }
            out.endObject()
        }
        out.endArray()
    }

    /// `bodyCategory` is "body", or "content" for V4 message contents.
    private static func writeGenerators<Sink: JSONSink>(
        _ generators: Generators, form: RulesForm, bodyCategory: String = "body", to out: inout Sink
    ) {
        guard case .categories = form, !generators.isEmpty else { return }
        out.key("generators")
        generators.write(bodyCategory: bodyCategory, to: &out)
    }

    private static func writeRules<Sink: JSONSink>(
        _ rules: MatchingRules, form: RulesForm, bodyCategory: String = "body", to out: inout Sink
    ) {
        switch form {
        case .categories:
            guard !rules.isEmpty else { return }
            out.key("matchingRules")
            rules.write(bodyCategory: bodyCategory, to: &out)
        case .legacy(let v2Rules):
            guard let v2Rules else { return }
            out.key("matchingRules")
            out.value(v2Rules)
        }
    }

    /// V3+ query: name → array of values, `null` for a valueless parameter. Parameters with one name (as Swift
    /// strings compare) are one member, spelt as the first of them.
    private static func writeQueryMap<Sink: JSONSink>(_ query: [QueryParameter], to out: inout Sink) {
        var parameters = query
        if query.count > 1 {
            var positions: [String: Int] = [:]
            parameters = []
            for parameter in query {
                if let position = positions[parameter.name] {
                    parameters[position].values += parameter.values
                } else {
                    positions[parameter.name] = parameters.count
                    parameters.append(parameter)
                }
            }
            parameters.sort { $0.name < $1.name }
        }
        out.beginObject()
        for parameter in parameters {
            out.key(parameter.name)
            out.beginArray()
            for value in parameter.values {
                if let value { out.string(value) } else { out.null() }
            }
            out.endArray()
        }
        out.endObject()
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
    private static func writeHeaders<Sink: JSONSink>(_ headers: Headers, version: PactSpecVersion, to out: inout Sink) {
        guard !headers.isEmpty else { return }
        out.key("headers")
        if version >= .v4 {
            out.object(headers) { values, out in out.array(values) }
        } else {
            out.object(headers) { values, out in out.string(values.joined(separator: ", ")) }
        }
    }

    private static func writeBody<Sink: JSONSink>(_ body: Body, headers: Headers, version: PactSpecVersion, to out: inout Sink) {
        if version >= .v4 {
            BodyWriter.writeV4(body, fallbackContentType: { headers.contentType }, as: "body", to: &out)
        } else {
            BodyWriter.writeV3(body, as: "body", to: &out)
        }
    }
}
