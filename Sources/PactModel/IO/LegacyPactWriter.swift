import Foundation

/// Writes V1, V1.1 and V2 interactions as pact-reference (`pact_models`) writes them: `providerState` as one string,
/// the query as a query string, headers as strings, the body as the JSON value itself, and (V2 only) the flat
/// `matchingRules` object with `$.body…`, `$.path`, `$.query.NAME` and `$.headers.NAME` keys, one matcher each.
///
/// What such a pact cannot hold is an error naming it, never dropped: messages, several provider states or their
/// parameters, generators, matching rules in V1/V1.1, and in V2 any matcher other than `type` (with `min`/`max`) and
/// `regex`, or more than one matcher in one place.
enum LegacyPactWriter {
    /// Writes one interaction of a V1/V1.1/V2 pact; what it cannot hold is an error, found before anything is written.
    static func write<Sink: JSONSink>(
        _ interaction: Interaction, version: PactSpecVersion, at path: @autoclosure () -> String, to out: inout Sink
    ) throws(PactError) {
        guard case .http(let http) = interaction else {
            throw PactError(jsonPath: path(), reason: "a \(version) pact holds HTTP interactions only, not the message "
                            + "'\(interaction.description)'; messages need V3 or V4")
        }
        let states = http.info.providerStates
        if states.count > 1 {
            throw PactError(jsonPath: path(), reason: "interaction '\(http.info.description)' has \(states.count) provider "
                            + "states, but a \(version) pact holds one (providerState); several need V3 or V4")
        }
        if let state = states.first, !state.params.isEmpty {
            throw PactError(jsonPath: path(), reason: "the provider state '\(state.name)' of interaction "
                            + "'\(http.info.description)' has parameters, which a \(version) pact cannot hold; "
                            + "parameters need V3 or V4")
        }
        let requestRules = try rules(http.request.matchingRules, generators: http.request.generators, version: version,
                                     at: path() + ".request")
        let responseRules = try rules(http.response.matchingRules, generators: http.response.generators,
                                      version: version, at: path() + ".response")
        out.beginObject()
        out.member("description", http.info.description)
        if let state = states.first { out.member("providerState", state.name) }
        out.key("request")
        PartsWriter.write(http.request, version: version, rules: .legacy(v2Rules: requestRules), to: &out)
        out.key("response")
        PartsWriter.write(http.response, version: version, rules: .legacy(v2Rules: responseRules), to: &out)
        out.endObject()
    }

    /// The V2 rules of a request or response, nil when it has none; an error for generators, and for rules before V2.
    private static func rules(
        _ rules: MatchingRules, generators: Generators, version: PactSpecVersion, at path: String
    ) throws(PactError) -> JSONValue? {
        if !generators.isEmpty {
            throw PactError(jsonPath: path + ".generators",
                            reason: "a \(version) pact cannot hold generators; they need V3 or V4")
        }
        guard !rules.isEmpty else { return nil }
        guard version == .v2 else {
            throw PactError(jsonPath: path + ".matchingRules",
                            reason: "a \(version) pact cannot hold matching rules; they need V2 or later")
        }
        return try v2Rules(rules, at: path + ".matchingRules")
    }

    /// The flat V2 `matchingRules` object.
    static func v2Rules(_ rules: MatchingRules, at path: String) throws(PactError) -> JSONValue {
        var out: JSONObject = [:]
        for (category, lists) in rules.categories {
            for (name, list) in lists where !list.isEmpty {
                let key = try v2Key(category, name, at: path)
                out[key] = try v2Matcher(list, key: key, at: path)
            }
        }
        return .object(out)
    }

    /// `$.body…`, `$.path`, `$.query.NAME` or `$.headers.NAME` (`$.headers['x.y']` for names that need quoting).
    /// The headers are `$.headers`, as in the V2 specification's testcases and what pact-jvm and the Ruby tools
    /// (which apply the key to the request object itself) read; pact-reference writes `$.header` but reads both.
    private static func v2Key(_ category: RuleCategoryName, _ name: String, at path: String) throws(PactError) -> String {
        guard let prefix = category.pactV2KeyPrefix else {
            throw PactError(jsonPath: path, reason: "a V2 pact cannot hold matching rules on the \(category.rawValue); "
                            + "they need V3 or V4")
        }
        switch category {
        case .body: return prefix + name.dropFirst()
        case .path: return prefix
        default: return prefix + quotedName(name)
        }
    }

    private static func quotedName(_ name: String) -> String {
        let plain = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return plain ? ".\(name)" : "['\(name)']"
    }

    /// The single V2 matcher of `list`: `type` (with `min`/`max`) or `regex`.
    private static func v2Matcher(_ list: RuleList, key: String, at path: String) throws(PactError) -> JSONValue {
        guard list.rules.count == 1, let rule = list.rules.first else {
            let names = list.rules.map(\.name).joined(separator: ", ")
            throw PactError(jsonPath: path, reason: "'\(key)' has several matchers (\(names)), but a V2 pact holds one "
                            + "matcher per place; they need V3 or V4")
        }
        guard rule.fitsPactV2 else {
            throw PactError(jsonPath: path, reason: "'\(key)' has the \(rule.name) matcher, which a V2 pact cannot hold "
                            + "(V2 knows type, with min and max, and regex); it needs V3 or V4")
        }
        return rule.json
    }
}

extension MatchingRule {
    /// True for the matchers a V2 pact can hold: `type` (with `min`/`max`) and `regex`.
    public var fitsPactV2: Bool {
        switch self {
        case .type, .minType, .maxType, .minMaxType, .regex: true
        default: false
        }
    }
}

extension RuleCategoryName {
    /// The start of a V2 `matchingRules` key for this part (`$.body`, `$.path`, `$.query`, `$.headers`); nil for the
    /// parts a V2 pact holds no rules on (method, status, metadata).
    var pactV2KeyPrefix: String? {
        switch self {
        case .body: "$.body"
        case .path: "$.path"
        case .query: "$.query"
        case .header: "$.headers"
        case .method, .status, .metadata: nil
        }
    }

    /// True for the parts a V2 pact holds matching rules on: the path, query, headers and body.
    public var fitsPactV2: Bool { pactV2KeyPrefix != nil }
}
