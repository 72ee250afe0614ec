import Foundation
import SQLiteSupport

/// The webhook status queries as SQL (see `BrokerWebhookStatusQueries`).
extension SQLiteBrokerTransaction {
    func latestTriggeredWebhooks(consumerID: RowID, providerID: RowID) throws -> [LatestTriggeredWebhook] {
        try db.statement("""
            SELECT \(Self.triggeredColumns),
                   (SELECT count(*) FROM webhook_executions e WHERE e.triggered_webhook_id = triggered_webhooks.id)
            FROM triggered_webhooks
            WHERE id IN (
                SELECT max(t.id) FROM triggered_webhooks t JOIN webhooks w ON w.uuid = t.webhook_uuid
                WHERE t.consumer_id = ?1 AND t.provider_id = ?2 GROUP BY t.webhook_uuid, t.event_name)
            ORDER BY id
            """).query([.integer(consumerID), .integer(providerID)]) { row in
            Self.triggered(row).map { LatestTriggeredWebhook(triggered: $0, attemptsMade: Int(row.int64(8))) }
        }.compactMap { $0 }
    }
}
