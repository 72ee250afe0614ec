import Foundation
import PostgresNIO

/// The webhook tables' queries in PostgreSQL's words (see `BrokerWebhookQueries`; the same statements as
/// `SQLiteWebhookQueries`, with `string_agg` for the events and `RETURNING id`).
extension PostgresBrokerTransaction {
    private static let webhookSelect = """
        SELECT w.uuid, w.description, c.name, w.consumer_label, p.name, w.provider_label, w.enabled, w.method,
            w.url, w.headers, w.body, w.body_is_json, w.username, w.password, w.created_at, w.updated_at,
            COALESCE((SELECT string_agg(e.name, ',' ORDER BY e.position) FROM webhook_events e WHERE e.webhook_id = w.id), '')
        FROM webhooks w LEFT JOIN pacticipants c ON c.id = w.consumer_id LEFT JOIN pacticipants p ON p.id = w.provider_id
        """

    func webhook(uuid: String) async throws -> WebhookDefinition? {
        try await rows("\(unescaped: Self.webhookSelect) WHERE w.uuid = \(uuid)", Self.webhook).first
    }

    func hasWebhooks() async throws -> Bool {
        try await count("SELECT 1 FROM webhooks LIMIT 1") > 0
    }

    func webhooks() async throws -> [WebhookDefinition] {
        try await rows("\(unescaped: Self.webhookSelect) ORDER BY w.id", Self.webhook)
    }

    func saveWebhook(_ webhook: WebhookDefinition, at: Date) async throws -> WebhookDefinition {
        func selector(_ selector: WebhookPacticipantSelector?) async throws -> (Int64?, String?) {
            switch selector {
            case nil: return (nil, nil)
            case .label(let label)?: return (nil, label)
            case .name(let name)?:
                guard let id = try await pacticipant(named: name)?.id else { throw WebhookPacticipantMissing(name: name) }
                return (id, nil)
            }
        }
        let (consumerID, consumerLabel) = try await selector(webhook.consumer)
        let (providerID, providerLabel) = try await selector(webhook.provider)
        let body = WebhookColumns.body(webhook.request.body)
        let existing = try await scalar("SELECT created_at FROM webhooks WHERE uuid = \(webhook.uuid)", Double.self)
        let createdAt = existing.map(Date.init(timeIntervalSince1970:)) ?? webhook.createdAt ?? at
        let enabled = webhook.enabled ? 1 : 0, isJSON = body.isJSON ? 1 : 0
        let headers = WebhookColumns.headers(webhook.request.headers)
        let id = try await scalar("""
            INSERT INTO webhooks (uuid, description, consumer_id, consumer_label, provider_id, provider_label, enabled,
                method, url, headers, body, body_is_json, username, password, created_at, updated_at)
            VALUES (\(webhook.uuid), \(webhook.description), \(consumerID), \(consumerLabel), \(providerID),
                \(providerLabel), \(enabled), \(webhook.request.method), \(webhook.request.url), \(headers),
                \(body.text), \(isJSON), \(webhook.request.username), \(webhook.request.password),
                \(createdAt.timeIntervalSince1970), \(at.timeIntervalSince1970))
            ON CONFLICT (uuid) DO UPDATE SET description = excluded.description, consumer_id = excluded.consumer_id,
                consumer_label = excluded.consumer_label, provider_id = excluded.provider_id,
                provider_label = excluded.provider_label, enabled = excluded.enabled, method = excluded.method,
                url = excluded.url, headers = excluded.headers, body = excluded.body,
                body_is_json = excluded.body_is_json, username = excluded.username, password = excluded.password,
                updated_at = excluded.updated_at
            RETURNING id
            """, Int64.self) ?? 0
        try await run("DELETE FROM webhook_events WHERE webhook_id = \(id)")
        for (position, name) in WebhookColumns.events(webhook.events).enumerated() {
            try await run("""
                INSERT INTO webhook_events (webhook_id, name, position) VALUES (\(id), \(name), \(position))
                ON CONFLICT DO NOTHING
                """)
        }
        var saved = webhook
        saved.createdAt = createdAt
        saved.updatedAt = at
        return saved
    }

    func deleteWebhook(uuid: String) async throws -> Bool {
        try await count("DELETE FROM webhooks WHERE uuid = \(uuid) RETURNING id") > 0
    }

    func insertTriggeredWebhook(_ t: TriggeredWebhook) async throws {
        try await run("""
            INSERT INTO triggered_webhooks (uuid, webhook_uuid, event_name, trigger_type, status, context, consumer_id,
                provider_id, consumer_version_id, created_at, updated_at)
            VALUES (\(t.uuid), \(t.webhookUUID), \(t.eventName.rawValue), \(t.triggerType.rawValue), \(t.status.rawValue),
                \(WebhookColumns.context(t.context)), (SELECT id FROM pacticipants WHERE name = \(t.context.consumerName)),
                (SELECT id FROM pacticipants WHERE name = \(t.context.providerName)),
                (SELECT v.id FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id
                    WHERE c.name = \(t.context.consumerName) AND v.number = \(t.context.consumerVersionNumber)),
                \(t.createdAt.timeIntervalSince1970), \(t.updatedAt.timeIntervalSince1970))
            """)
    }

    func updateTriggeredWebhook(uuid: String, status: TriggeredWebhook.Status, at: Date) async throws {
        try await run("""
            UPDATE triggered_webhooks SET status = \(status.rawValue), updated_at = \(at.timeIntervalSince1970) WHERE uuid = \(uuid)
            """)
    }

    static let triggeredColumns =
        "uuid, webhook_uuid, event_name, trigger_type, status, context, created_at, updated_at"

    func triggeredWebhook(uuid: String) async throws -> TriggeredWebhook? {
        try await rows("SELECT \(unescaped: Self.triggeredColumns) FROM triggered_webhooks WHERE uuid = \(uuid)", Self.triggered)
            .compactMap { $0 }.first
    }

    func triggeredWebhooks(consumerVersionID: RowID, providerID: RowID) async throws -> [TriggeredWebhook] {
        try await rows("""
            SELECT \(unescaped: Self.triggeredColumns) FROM triggered_webhooks
            WHERE consumer_version_id = \(consumerVersionID) AND provider_id = \(providerID) ORDER BY id
            """, Self.triggered).compactMap { $0 }
    }

    func insertWebhookExecution(_ e: WebhookExecution) async throws {
        guard let uuid = e.triggeredWebhookUUID else { return }
        let success = e.success ? 1 : 0
        try await run("""
            INSERT INTO webhook_executions (triggered_webhook_id, attempt, success, logs, details, created_at)
            SELECT id, \(e.attempt), \(success), \(e.logs), \(WebhookColumns.details(e)), \(e.startedAt.timeIntervalSince1970)
            FROM triggered_webhooks WHERE uuid = \(uuid)
            """)
    }

    func webhookExecutions(triggeredWebhookUUID: String) async throws -> [WebhookExecution] {
        try await rows("""
            SELECT e.attempt, e.created_at, e.success, e.logs, e.details FROM webhook_executions e
            JOIN triggered_webhooks t ON t.id = e.triggered_webhook_id WHERE t.uuid = \(triggeredWebhookUUID) ORDER BY e.id
            """) { c in
                WebhookColumns.execution(
                    triggeredWebhookUUID: triggeredWebhookUUID, attempt: Int(try c.next(Int32.self)), startedAt: try c.date(),
                    success: try c.next(Int32.self) != 0, logs: try c.next(), details: try c.next())
            }
    }

    private static func webhook(_ c: inout PostgresColumns) throws -> WebhookDefinition {
        let uuid: String = try c.next()
        let description: String? = try c.next()
        let consumerName: String? = try c.next(), consumerLabel: String? = try c.next()
        let providerName: String? = try c.next(), providerLabel: String? = try c.next()
        let enabled = try c.next(Int32.self) != 0
        let method: String = try c.next(), url: String = try c.next(), headers: String? = try c.next()
        let body: String? = try c.next()
        let bodyIsJSON = try c.next(Int32.self) != 0
        let username: String? = try c.next(), password: String? = try c.next()
        let createdAt = try c.date(), updatedAt = try c.date()
        let events: String = try c.next()
        func selector(_ name: String?, _ label: String?) -> WebhookPacticipantSelector? {
            if let name { return .name(name) }
            return label.map { .label($0) }
        }
        return WebhookDefinition(
            uuid: uuid, description: description, consumer: selector(consumerName, consumerLabel),
            provider: selector(providerName, providerLabel),
            events: WebhookColumns.events(events.split(separator: ",").map(String.init)),
            request: WebhookRequestTemplate(
                method: method, url: url, headers: WebhookColumns.headers(headers),
                body: WebhookColumns.body(body, isJSON: bodyIsJSON), username: username, password: password),
            enabled: enabled, createdAt: createdAt, updatedAt: updatedAt)
    }

    static func triggered(_ c: inout PostgresColumns) throws -> TriggeredWebhook? {
        let uuid: String = try c.next(), webhookUUID: String = try c.next()
        let eventName: String = try c.next(), triggerType: String = try c.next(), status: String = try c.next()
        let context: String = try c.next()
        let createdAt = try c.date(), updatedAt = try c.date()
        guard let event = WebhookEventName(rawValue: eventName), let type = TriggeredWebhook.TriggerType(rawValue: triggerType),
              let status = TriggeredWebhook.Status(rawValue: status) else { return nil }
        return TriggeredWebhook(uuid: uuid, webhookUUID: webhookUUID, eventName: event, triggerType: type,
                                context: WebhookColumns.context(context), status: status, createdAt: createdAt, updatedAt: updatedAt)
    }
}
