import Foundation

/// The webhook status queries in memory (see `BrokerWebhookStatusQueries`).
extension InMemoryBrokerTransaction {
    func latestTriggeredWebhooks(consumerID: RowID, providerID: RowID) -> [LatestTriggeredWebhook] {
        tables.withLockedValue { t in
            let existing = Set(t.webhooks.values.map(\.webhook.uuid))
            var latest: [String: (id: RowID, triggered: TriggeredWebhook)] = [:]
            for (id, row) in t.triggeredWebhooks
            where row.consumerID == consumerID && row.providerID == providerID && existing.contains(row.triggered.webhookUUID) {
                let key = row.triggered.webhookUUID + "\u{0}" + row.triggered.eventName.rawValue
                if (latest[key]?.id ?? RowID.min) < id { latest[key] = (id, row.triggered) }
            }
            return latest.values.sorted { $0.id < $1.id }.map { entry in
                LatestTriggeredWebhook(
                    triggered: entry.triggered,
                    attemptsMade: t.webhookExecutions.values.filter { $0.triggeredWebhookUUID == entry.triggered.uuid }.count)
            }
        }
    }
}
