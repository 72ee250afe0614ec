import Foundation
import SQLiteSupport

/// The webhook tables' queries as SQL (see `BrokerWebhookQueries`).
extension SQLiteBrokerTransaction {
    private static let webhookSelect = """
        SELECT w.id, w.uuid, w.description, c.name, w.consumer_label, p.name, w.provider_label, w.enabled, w.method,
            w.url, w.headers, w.body, w.body_is_json, w.username, w.password, w.created_at, w.updated_at,
            (SELECT json_group_array(e.name) FROM (SELECT name FROM webhook_events WHERE webhook_id = w.id
                ORDER BY position) e)
        FROM webhooks w LEFT JOIN pacticipants c ON c.id = w.consumer_id LEFT JOIN pacticipants p ON p.id = w.provider_id
        """

    func webhook(uuid: String) throws -> WebhookDefinition? {
        try db.statement(Self.webhookSelect + " WHERE w.uuid = ?1").query([.text(uuid)], row: Self.webhook).first
    }

    func hasWebhooks() throws -> Bool {
        try !db.statement("SELECT 1 FROM webhooks LIMIT 1").query([]) { _ in true }.isEmpty
    }

    func webhooks() throws -> [WebhookDefinition] {
        try db.statement(Self.webhookSelect + " ORDER BY w.id").query([], row: Self.webhook)
    }

    func saveWebhook(_ webhook: WebhookDefinition, at: Date) throws -> WebhookDefinition {
        func selector(_ selector: WebhookPacticipantSelector?) throws -> (SQLiteValue, SQLiteValue) {
            switch selector {
            case nil: return (.null, .null)
            case .label(let label)?: return (.null, .text(label))
            case .name(let name)?:
                guard let id = try pacticipant(named: name)?.id else { throw WebhookPacticipantMissing(name: name) }
                return (.integer(id), .null)
            }
        }
        let (consumerID, consumerLabel) = try selector(webhook.consumer)
        let (providerID, providerLabel) = try selector(webhook.provider)
        let body = WebhookColumns.body(webhook.request.body)
        let createdAt = try db.statement("SELECT created_at FROM webhooks WHERE uuid = ?1")
            .query([.text(webhook.uuid)]) { $0.date(0) }.first ?? webhook.createdAt ?? at
        try db.statement("""
            INSERT INTO webhooks (uuid, description, consumer_id, consumer_label, provider_id, provider_label, enabled,
                method, url, headers, body, body_is_json, username, password, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
            ON CONFLICT (uuid) DO UPDATE SET description = excluded.description, consumer_id = excluded.consumer_id,
                consumer_label = excluded.consumer_label, provider_id = excluded.provider_id,
                provider_label = excluded.provider_label, enabled = excluded.enabled, method = excluded.method,
                url = excluded.url, headers = excluded.headers, body = excluded.body,
                body_is_json = excluded.body_is_json, username = excluded.username, password = excluded.password,
                updated_at = excluded.updated_at
            """).run([
                .text(webhook.uuid), .optional(webhook.description), consumerID, consumerLabel, providerID, providerLabel,
                .integer(webhook.enabled ? 1 : 0), .text(webhook.request.method), .text(webhook.request.url),
                .text(WebhookColumns.headers(webhook.request.headers)), .optional(body.text),
                .integer(body.isJSON ? 1 : 0), .optional(webhook.request.username), .optional(webhook.request.password),
                .date(createdAt), .date(at),
            ])
        let id = try db.statement("SELECT id FROM webhooks WHERE uuid = ?1").query([.text(webhook.uuid)]) { $0.int64(0) }.first ?? 0
        try db.statement("DELETE FROM webhook_events WHERE webhook_id = ?1").run([.integer(id)])
        let insertEvent = try db.statement("INSERT OR IGNORE INTO webhook_events (webhook_id, name, position) VALUES (?1, ?2, ?3)")
        for (position, name) in WebhookColumns.events(webhook.events).enumerated() {
            try insertEvent.run([.integer(id), .text(name), .integer(Int64(position))])
        }
        var saved = webhook
        saved.createdAt = createdAt
        saved.updatedAt = at
        return saved
    }

    func deleteWebhook(uuid: String) throws -> Bool {
        try db.statement("DELETE FROM webhooks WHERE uuid = ?1").run([.text(uuid)])
        return db.changes > 0
    }

    func insertTriggeredWebhook(_ t: TriggeredWebhook) throws {
        try db.statement("""
            INSERT INTO triggered_webhooks (uuid, webhook_uuid, event_name, trigger_type, status, context, consumer_id,
                provider_id, consumer_version_id, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM pacticipants WHERE name = ?7),
                (SELECT id FROM pacticipants WHERE name = ?8),
                (SELECT v.id FROM versions v JOIN pacticipants c ON c.id = v.pacticipant_id
                    WHERE c.name = ?7 AND v.number = ?9), ?10, ?11)
            """).run([
                .text(t.uuid), .text(t.webhookUUID), .text(t.eventName.rawValue), .text(t.triggerType.rawValue),
                .text(t.status.rawValue), .text(WebhookColumns.context(t.context)), .optional(t.context.consumerName),
                .optional(t.context.providerName), .optional(t.context.consumerVersionNumber), .date(t.createdAt),
                .date(t.updatedAt),
            ])
    }

    func updateTriggeredWebhook(uuid: String, status: TriggeredWebhook.Status, at: Date) throws {
        try db.statement("UPDATE triggered_webhooks SET status = ?2, updated_at = ?3 WHERE uuid = ?1")
            .run([.text(uuid), .text(status.rawValue), .date(at)])
    }

    static let triggeredColumns =
        "uuid, webhook_uuid, event_name, trigger_type, status, context, created_at, updated_at"

    func triggeredWebhook(uuid: String) throws -> TriggeredWebhook? {
        try db.statement("SELECT \(Self.triggeredColumns) FROM triggered_webhooks WHERE uuid = ?1")
            .query([.text(uuid)], row: Self.triggered).compactMap { $0 }.first
    }

    func triggeredWebhooks(consumerVersionID: RowID, providerID: RowID) throws -> [TriggeredWebhook] {
        try db.statement("""
            SELECT \(Self.triggeredColumns) FROM triggered_webhooks WHERE consumer_version_id = ?1 AND provider_id = ?2
            ORDER BY id
            """).query([.integer(consumerVersionID), .integer(providerID)], row: Self.triggered).compactMap { $0 }
    }

    func insertWebhookExecution(_ e: WebhookExecution) throws {
        guard let uuid = e.triggeredWebhookUUID else { return }
        try db.statement("""
            INSERT INTO webhook_executions (triggered_webhook_id, attempt, success, logs, details, created_at)
            SELECT id, ?2, ?3, ?4, ?5, ?6 FROM triggered_webhooks WHERE uuid = ?1
            """).run([.text(uuid), .integer(Int64(e.attempt)), .integer(e.success ? 1 : 0), .text(e.logs),
                      .text(WebhookColumns.details(e)), .date(e.startedAt)])
    }

    func webhookExecutions(triggeredWebhookUUID: String) throws -> [WebhookExecution] {
        try db.statement("""
            SELECT e.attempt, e.created_at, e.success, e.logs, e.details FROM webhook_executions e
            JOIN triggered_webhooks t ON t.id = e.triggered_webhook_id WHERE t.uuid = ?1 ORDER BY e.id
            """).query([.text(triggeredWebhookUUID)]) { row in
                WebhookColumns.execution(
                    triggeredWebhookUUID: triggeredWebhookUUID, attempt: Int(row.int64(0)), startedAt: row.date(1),
                    success: row.int64(2) != 0, logs: row.text(3), details: row.text(4))
            }
    }

    private static func webhook(_ row: SQLiteStatement) -> WebhookDefinition {
        func selector(_ name: Int32, _ label: Int32) -> WebhookPacticipantSelector? {
            if let name = row.optionalText(name) { return .name(name) }
            return row.optionalText(label).map { .label($0) }
        }
        let events = (try? JSONSerialization.jsonObject(with: Data(row.text(17).utf8))) as? [String] ?? []
        return WebhookDefinition(
            uuid: row.text(1), description: row.optionalText(2), consumer: selector(3, 4), provider: selector(5, 6),
            events: WebhookColumns.events(events),
            request: WebhookRequestTemplate(
                method: row.text(8), url: row.text(9), headers: WebhookColumns.headers(row.optionalText(10)),
                body: WebhookColumns.body(row.optionalText(11), isJSON: row.int64(12) != 0),
                username: row.optionalText(13), password: row.optionalText(14)),
            enabled: row.int64(7) != 0, createdAt: row.date(15), updatedAt: row.date(16))
    }

    static func triggered(_ row: SQLiteStatement) -> TriggeredWebhook? {
        guard let event = WebhookEventName(rawValue: row.text(2)), let type = TriggeredWebhook.TriggerType(rawValue: row.text(3)),
              let status = TriggeredWebhook.Status(rawValue: row.text(4)) else { return nil }
        return TriggeredWebhook(
            uuid: row.text(0), webhookUUID: row.text(1), eventName: event, triggerType: type,
            context: WebhookColumns.context(row.text(5)), status: status, createdAt: row.date(6), updatedAt: row.date(7))
    }
}
