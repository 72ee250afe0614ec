import Foundation
import PostgresNIO

/// The webhook status queries in PostgreSQL's words (see `BrokerWebhookStatusQueries`; the same statement as
/// `SQLiteWebhookStatusQueries`).
extension PostgresBrokerTransaction {
    func latestTriggeredWebhooks(consumerID: RowID, providerID: RowID) async throws -> [LatestTriggeredWebhook] {
        try await rows("""
            SELECT \(unescaped: Self.triggeredColumns),
                   (SELECT count(*) FROM webhook_executions e WHERE e.triggered_webhook_id = triggered_webhooks.id)
            FROM triggered_webhooks
            WHERE id IN (
                SELECT max(t.id) FROM triggered_webhooks t JOIN webhooks w ON w.uuid = t.webhook_uuid
                WHERE t.consumer_id = \(consumerID) AND t.provider_id = \(providerID) GROUP BY t.webhook_uuid, t.event_name)
            ORDER BY id
            """) { c in
            let triggered = try Self.triggered(&c)
            let attempts = try c.next(Int64.self)
            return triggered.map { LatestTriggeredWebhook(triggered: $0, attemptsMade: Int(attempts)) }
        }.compactMap { $0 }
    }
}
