import Foundation
import PactModel

/// The webhook tables of a broker store: webhook definitions (with their events), triggered webhooks and their
/// executions. Part of every `BrokerStoreTransaction`; `BrokerWebhookStore` serves them to the webhooks engine.
public protocol BrokerWebhookQueries: Sendable {
    /// The webhook with `uuid`, consumer and provider named as the pacticipants are named now.
    func webhook(uuid: String) async throws -> WebhookDefinition?
    /// Every webhook, oldest first.
    func webhooks() async throws -> [WebhookDefinition]
    /// Whether any webhook exists (what publishing checks before computing events, without reading them all).
    func hasWebhooks() async throws -> Bool
    /// Creates the webhook or replaces the one with its uuid (keeping its creation date); returns it as stored, with
    /// `createdAt` and `updatedAt` set. Throws `WebhookPacticipantMissing` when a named consumer or provider does
    /// not exist.
    func saveWebhook(_ webhook: WebhookDefinition, at: Date) async throws -> WebhookDefinition
    /// Deletes the webhook; false when there was none. Its triggered webhooks and executions stay.
    func deleteWebhook(uuid: String) async throws -> Bool
    /// Records a triggered webhook, linked to the consumer, provider and consumer version its context names.
    func insertTriggeredWebhook(_ triggered: TriggeredWebhook) async throws
    /// Changes a triggered webhook's status.
    func updateTriggeredWebhook(uuid: String, status: TriggeredWebhook.Status, at: Date) async throws
    func triggeredWebhook(uuid: String) async throws -> TriggeredWebhook?
    /// The webhooks triggered for the pact of a consumer version with a provider (publication and verification
    /// events), oldest first.
    func triggeredWebhooks(consumerVersionID: RowID, providerID: RowID) async throws -> [TriggeredWebhook]
    /// Appends one attempt of a triggered webhook (one with no triggered webhook uuid is not stored).
    func insertWebhookExecution(_ execution: WebhookExecution) async throws
    /// The attempts of a triggered webhook, oldest first.
    func webhookExecutions(triggeredWebhookUUID: String) async throws -> [WebhookExecution]
}

/// A webhook names a consumer or provider that does not exist (the API checks first; this guards the store).
public struct WebhookPacticipantMissing: Error, Sendable, Hashable, CustomStringConvertible {
    /// The missing pacticipant's name.
    public var name: String

    public var description: String { "no pacticipant named '\(name)' for the webhook" }
}

/// How the webhook tables' text columns hold structured values, shared by the SQL drivers: headers as a JSON array
/// of `[name, value]` pairs (keeping their order), a body as text with a JSON flag (pact_broker's
/// `is_json_request_body`), a context as its JSON encoding, an execution's request and response as a JSON object.
enum WebhookColumns {
    static func headers(_ headers: [WebhookHeader]) -> String {
        JSONWriter.compact(.array(headers.map { .array([.string($0.name), .string($0.value)]) }))
    }

    static func headers(_ text: String?) -> [WebhookHeader] {
        guard let text, let items = (try? JSONParser.parse(Data(text.utf8)))?.arrayValue else { return [] }
        return items.compactMap { pair in
            guard let name = pair.arrayValue?.first?.stringValue, let value = pair.arrayValue?.dropFirst().first?.stringValue
            else { return nil }
            return WebhookHeader(name: name, value: value)
        }
    }

    /// The body's text and whether it is JSON.
    static func body(_ body: WebhookBody?) -> (text: String?, isJSON: Bool) {
        switch body {
        case .text(let text)?: (text, false)
        case .json(let json)?: (JSONWriter.compact(json), true)
        case nil: (nil, false)
        }
    }

    static func body(_ text: String?, isJSON: Bool) -> WebhookBody? {
        guard let text else { return nil }
        if isJSON, let json = try? JSONParser.parse(Data(text.utf8)) { return .json(json) }
        return .text(text)
    }

    static func events(_ events: [WebhookEventName]) -> [String] { events.map(\.rawValue) }

    static func events(_ names: [String]) -> [WebhookEventName] { names.compactMap(WebhookEventName.init(rawValue:)) }

    static func context(_ context: WebhookTemplateContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(context)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func context(_ text: String) -> WebhookTemplateContext {
        (try? JSONDecoder().decode(WebhookTemplateContext.self, from: Data(text.utf8))) ?? WebhookTemplateContext()
    }

    /// The request and response of an execution (what its own columns do not hold).
    static func details(_ e: WebhookExecution) -> String {
        var object: [String: JSONValue] = [
            "requestMethod": .string(e.requestMethod), "requestUrl": .string(e.requestURL),
            "requestHeaders": .array(e.requestHeaders.map { .array([.string($0.name), .string($0.value)]) }),
            "responseHeaders": .array(e.responseHeaders.map { .array([.string($0.name), .string($0.value)]) }),
        ]
        if let body = e.requestBody { object["requestBody"] = .string(body) }
        if let status = e.responseStatus { object["responseStatus"] = .int(status) }
        if let body = e.responseBody { object["responseBody"] = .string(body) }
        if let error = e.error { object["error"] = .string(error) }
        return JSONWriter.compact(.object(object))
    }

    static func execution(
        triggeredWebhookUUID: String, attempt: Int, startedAt: Date, success: Bool, logs: String, details: String
    ) -> WebhookExecution {
        let d = (try? JSONParser.parse(Data(details.utf8)))?.objectValue ?? [:]
        func pairs(_ key: String) -> [WebhookHeader] {
            (d[key]?.arrayValue ?? []).compactMap { pair in
                guard let name = pair.arrayValue?.first?.stringValue, let value = pair.arrayValue?.dropFirst().first?.stringValue
                else { return nil }
                return WebhookHeader(name: name, value: value)
            }
        }
        return WebhookExecution(
            triggeredWebhookUUID: triggeredWebhookUUID, attempt: attempt, startedAt: startedAt, success: success,
            requestMethod: d["requestMethod"]?.stringValue ?? "", requestURL: d["requestUrl"]?.stringValue ?? "",
            requestHeaders: pairs("requestHeaders"), requestBody: d["requestBody"]?.stringValue,
            responseStatus: d["responseStatus"]?.intValue, responseHeaders: pairs("responseHeaders"),
            responseBody: d["responseBody"]?.stringValue, error: d["error"]?.stringValue, logs: logs)
    }
}
