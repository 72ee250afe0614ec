import Foundation
import PactModel

/// The pact page's template context: every value a plain string, escaped by the template when rendered.
struct PactPageContext {
    struct Row { var name: String; var value: String }
    struct State { var name: String; var params: String? }
    struct Rule { var category: String; var key: String; var rules: String }
    struct Part {
        var heading: String
        /// `GET /orders/1` for a request, `Status 200` for a response; nil for messages.
        var summary: String?
        var query: [Row]
        var hasQuery: Bool
        /// "Headers" for HTTP, "Metadata" for messages.
        var headersTitle: String
        var headers: [Row]
        var hasHeaders: Bool
        var body: String?
        var bodyNote: String?
        var rules: [Rule]
        var hasRules: Bool
        var generators: [Rule]
        var hasGenerators: Bool
    }
    struct Entry {
        var number: Int
        var anchor: String
        var kind: String
        var description: String
        var pending: Bool
        var states: [State]
        var hasStates: Bool
        /// HTTP: "GET /orders?id=1" and the expected status.
        var requestLine: String?
        var status: String?
        var parts: [Part]
        var comments: String?
    }

    var title: String
    var consumer: String
    var provider: String
    var consumerURL: String
    var providerURL: String
    var matrixURL: String
    var specVersion: String
    var consumerVersion: String?
    var published: String?
    var publishedExact: String?
    /// The newest verification: "Verified" or "Failed", its CSS class, the provider version, its date and, for a
    /// contract comparison, the link to its results.
    var verifiedStatus: String?
    var verifiedClass: String?
    var verifiedBy: String?
    var verified: String?
    var verifiedExact: String?
    var contractComparisonURL: String?
    var interactionCount: String
    var interactions: [Entry]
    var hasInteractions: Bool
    var metadata: String?

    init(pact: Pact, info: PactPageInfo?, links: BrokerPageLinks, now: Date) {
        title = "Pact between \(pact.consumer) and \(pact.provider)"
        consumer = pact.consumer
        provider = pact.provider
        consumerURL = links.pacticipant(pact.consumer)
        providerURL = links.pacticipant(pact.provider)
        matrixURL = links.matrix(consumer: pact.consumer, provider: pact.provider)
        specVersion = pact.specVersion.versionString
        consumerVersion = info?.consumerVersion
        published = info?.publishedAt.map { RelativeTimeText.ago($0, now: now) }
        publishedExact = info?.publishedAt.map(RelativeTimeText.exact)
        let verification = info?.lastVerification
        verifiedStatus = verification.map { $0.success ? "Verified" : "Failed" }
        verifiedClass = verification.map { $0.success ? "status-success" : "status-failed" }
        verifiedBy = verification?.providerVersion
        verified = verification.map { RelativeTimeText.ago($0.verifiedAt, now: now) }
        verifiedExact = verification.map { RelativeTimeText.exact($0.verifiedAt) }
        contractComparisonURL = verification?.contractComparisonPath.map { links.base + $0 }
        let count = pact.interactions.count
        interactionCount = count == 1 ? "1 interaction" : "\(count) interactions"
        interactions = pact.interactions.enumerated().map { Self.entry($0.element, number: $0.offset + 1) }
        hasInteractions = !interactions.isEmpty
        metadata = pact.metadata.isEmpty ? nil : JSONWriter.pretty(.object(pact.metadata))
    }

    static func entry(_ interaction: Interaction, number: Int) -> Entry {
        let info = interaction.info
        let states = info.providerStates.map {
            State(name: $0.name, params: $0.params.isEmpty ? nil : JSONWriter.pretty(.object($0.params)))
        }
        var entry = Entry(
            number: number, anchor: "interaction-\(number)", kind: kindName(interaction),
            description: info.description, pending: info.pending, states: states, hasStates: !states.isEmpty,
            requestLine: nil, status: nil, parts: [],
            comments: info.comments.isEmpty ? nil : JSONWriter.pretty(.object(info.comments)))
        switch interaction {
        case .http(let http):
            entry.requestLine = requestLine(http.request)
            entry.status = String(http.response.status)
            var request = part(
                "Request", headers: http.request.headers, body: http.request.body,
                rules: http.request.matchingRules, generators: http.request.generators)
            request.summary = http.request.method.uppercased() + " " + http.request.path
            request.query = queryRows(http.request)
            request.hasQuery = !request.query.isEmpty
            var response = part(
                "Response", headers: http.response.headers, body: http.response.body,
                rules: http.response.matchingRules, generators: http.response.generators)
            response.summary = "Status \(http.response.status)"
            entry.parts = [request, response]
        case .asynchronousMessage(let message):
            entry.parts = [messagePart("Message", message.message)]
        case .synchronousMessages(let messages):
            entry.parts = [messagePart("Request message", messages.request)]
                + messages.responses.enumerated().map {
                    messagePart(messages.responses.count == 1 ? "Response message" : "Response message \($0.offset + 1)",
                                $0.element)
                }
        }
        return entry
    }

    static func kindName(_ interaction: Interaction) -> String {
        switch interaction {
        case .http: "HTTP"
        case .asynchronousMessage: "Message"
        case .synchronousMessages: "Synchronous messages"
        }
    }

    /// `GET /path?query` as the request would be sent: the raw query of older pacts, else the decoded parameters.
    static func requestLine(_ request: PactRequest) -> String {
        var line = request.method.uppercased() + " " + request.path
        if let raw = request.rawQuery, !raw.isEmpty {
            line += "?" + raw
        } else if let query = request.query, !query.isEmpty {
            let pairs = query.flatMap { parameter in
                parameter.values.map { value in value.map { parameter.name + "=" + $0 } ?? parameter.name }
            }
            line += "?" + pairs.joined(separator: "&")
        }
        return line
    }

    /// The query's parameters, one row per name with its values joined by ", " (a valueless `?flag` shows as
    /// "(no value)"); the raw query of an older pact split on `&` the same way.
    static func queryRows(_ request: PactRequest) -> [Row] {
        if let query = request.query, !query.isEmpty {
            return query.map { parameter in
                Row(name: parameter.name, value: parameter.values.map { $0 ?? "(no value)" }.joined(separator: ", "))
            }
        }
        guard let raw = request.rawQuery, !raw.isEmpty else { return [] }
        return raw.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1)
            return Row(name: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "(no value)")
        }
    }

    static func part(
        _ heading: String, headers: Headers, body: Body, rules: MatchingRules, generators: Generators
    ) -> Part {
        let headerRows = headers.keys.sorted { $0.lowercased() < $1.lowercased() }.map {
            Row(name: $0, value: headers[$0]!.joined(separator: ", "))
        }
        let (text, note) = bodyText(body)
        let ruleRows = ruleRows(rules)
        let generatorRows = generatorRows(generators)
        return Part(
            heading: heading, summary: nil, query: [], hasQuery: false, headersTitle: "Headers", headers: headerRows, hasHeaders: !headerRows.isEmpty, body: text, bodyNote: note,
            rules: ruleRows, hasRules: !ruleRows.isEmpty, generators: generatorRows,
            hasGenerators: !generatorRows.isEmpty)
    }

    static func messagePart(_ heading: String, _ message: MessageContents) -> Part {
        let metadata = message.metadata.keys.sorted().map { key in
            Row(name: key, value: message.metadata[key]!.stringValue ?? JSONWriter.compact(message.metadata[key]!))
        }
        let (text, note) = bodyText(message.contents)
        let ruleRows = ruleRows(message.matchingRules)
        let generatorRows = generatorRows(message.generators)
        return Part(
            heading: heading, summary: nil, query: [], hasQuery: false, headersTitle: "Metadata", headers: metadata, hasHeaders: !metadata.isEmpty, body: text, bodyNote: note,
            rules: ruleRows, hasRules: !ruleRows.isEmpty, generators: generatorRows,
            hasGenerators: !generatorRows.isEmpty)
    }

    /// Largest body text shown; a longer one is cut with a note saying how much is left out.
    static let maxBodyCharacters = 64 * 1024

    /// The body as readable text (JSON pretty-printed) and a note on what it is, or nil when there is none.
    static func bodyText(_ body: Body) -> (String?, String?) {
        let type = body.contentType.map { " (\($0.description))" } ?? ""
        switch body {
        case .missing: return (nil, nil)
        case .null: return ("null", nil)
        case .empty: return (nil, "Empty body")
        case .json(let value, _): return cut(JSONWriter.pretty(value), note: nil)
        case .text(let text, _): return cut(text, note: type.isEmpty ? nil : "Text\(type)")
        case .binary(let data, _):
            return cut(data.base64EncodedString(), note: "\(data.count) bytes\(type), base64-encoded")
        }
    }

    private static func cut(_ text: String, note: String?) -> (String?, String?) {
        guard text.count > maxBodyCharacters else { return (text, note) }
        let left = text.count - maxBodyCharacters
        let notice = "Showing the first \(maxBodyCharacters) characters; \(left) more not shown"
        return (String(text.prefix(maxBodyCharacters)), note.map { $0 + ". " + notice } ?? notice)
    }

    static func ruleRows(_ rules: MatchingRules) -> [Rule] {
        RuleCategoryName.allCases.flatMap { category in
            rules[category].keys.sorted().compactMap { key -> Rule? in
                guard let list = rules[category][key], !list.isEmpty else { return nil }
                let separator = list.logic == .or ? " OR " : " AND "
                return Rule(
                    category: category.rawValue, key: key.isEmpty ? "—" : key,
                    rules: list.rules.map { ruleText($0.json) }.joined(separator: separator))
            }
        }
    }

    /// A matcher or generator in words from its pact JSON: its name (`match` or `type`), then its settings:
    /// `regex ^\d+$`, `type, min: 1`, `RandomInt, max: 10, min: 1`. A value that is not a string is written as JSON.
    static func ruleText(_ json: JSONValue) -> String {
        guard case .object(let fields) = json else { return JSONWriter.compact(json) }
        let nameKey = fields["match"]?.stringValue != nil ? "match" : "type"
        let name = fields[nameKey]?.stringValue ?? ""
        var text = name
        for key in fields.keys.sorted() where key != nameKey {
            let value = fields[key]!
            let shown = value.stringValue ?? JSONWriter.compact(value)
            if key == name {
                text += " " + shown
            } else {
                text += (text.isEmpty ? "" : ", ") + key + ": " + shown
            }
        }
        return text
    }

    static func generatorRows(_ generators: Generators) -> [Rule] {
        generators.categories.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { category in
            let entries = generators.categories[category] ?? [:]
            return entries.keys.sorted().map { key in
                Rule(category: category.rawValue, key: key.isEmpty ? "—" : key,
                     rules: ruleText(entries[key]!.json))
            }
        }
    }
}
