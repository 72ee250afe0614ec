import Foundation

/// A stored webhook: the definition with its consumer and provider held by id (a renamed pacticipant keeps its
/// webhooks, a deleted one takes them along), as the SQL tables hold them.
struct InMemoryWebhookRow: Sendable {
    var webhook: WebhookDefinition
    var consumerID: RowID?
    var providerID: RowID?
}

/// A stored triggered webhook with the ids its context resolved to.
struct InMemoryTriggeredWebhookRow: Sendable {
    var triggered: TriggeredWebhook
    var consumerID: RowID?
    var providerID: RowID?
    var consumerVersionID: RowID?
}

/// The webhook tables in memory (see `BrokerWebhookQueries`).
extension InMemoryBrokerTransaction {
    func webhook(uuid: String) -> WebhookDefinition? {
        tables.withLockedValue { t in t.webhooks.values.first { $0.webhook.uuid == uuid }.map { Self.resolve($0, t) } }
    }

    func hasWebhooks() -> Bool {
        tables.withLockedValue { !$0.webhooks.isEmpty }
    }

    func webhooks() -> [WebhookDefinition] {
        tables.withLockedValue { t in t.webhooks.sorted { $0.key < $1.key }.map { Self.resolve($0.value, t) } }
    }

    func saveWebhook(_ webhook: WebhookDefinition, at: Date) throws -> WebhookDefinition {
        try tables.withLockedValue { t in
            func id(_ selector: WebhookPacticipantSelector?) throws -> RowID? {
                guard case .name(let name)? = selector else { return nil }
                guard let id = t.pacticipants.values.first(where: { $0.name == name })?.id else {
                    throw WebhookPacticipantMissing(name: name)
                }
                return id
            }
            let consumerID = try id(webhook.consumer), providerID = try id(webhook.provider)
            let existing = t.webhooks.first { $0.value.webhook.uuid == webhook.uuid }
            var saved = webhook
            saved.createdAt = existing?.value.webhook.createdAt ?? webhook.createdAt ?? at
            saved.updatedAt = at
            var events: [WebhookEventName] = []
            for event in webhook.events where !events.contains(event) { events.append(event) }
            saved.events = events
            t.webhooks[existing?.key ?? t.newID()] = InMemoryWebhookRow(webhook: saved, consumerID: consumerID, providerID: providerID)
            return saved
        }
    }

    func deleteWebhook(uuid: String) -> Bool {
        tables.withLockedValue { t in
            guard let key = t.webhooks.first(where: { $0.value.webhook.uuid == uuid })?.key else { return false }
            t.webhooks[key] = nil
            return true
        }
    }

    func insertTriggeredWebhook(_ triggered: TriggeredWebhook) {
        tables.withLockedValue { t in
            let context = triggered.context
            let consumer = t.pacticipants.values.first { $0.name == context.consumerName }
            let provider = t.pacticipants.values.first { $0.name == context.providerName }
            let version = consumer.flatMap { c in
                t.versions.values.first { $0.pacticipantID == c.id && $0.number == context.consumerVersionNumber }
            }
            t.triggeredWebhooks[t.newID()] = InMemoryTriggeredWebhookRow(
                triggered: triggered, consumerID: consumer?.id, providerID: provider?.id, consumerVersionID: version?.id)
        }
    }

    func updateTriggeredWebhook(uuid: String, status: TriggeredWebhook.Status, at: Date) {
        tables.withLockedValue { t in
            guard let key = t.triggeredWebhooks.first(where: { $0.value.triggered.uuid == uuid })?.key else { return }
            t.triggeredWebhooks[key]?.triggered.status = status
            t.triggeredWebhooks[key]?.triggered.updatedAt = at
        }
    }

    func triggeredWebhook(uuid: String) -> TriggeredWebhook? {
        tables.withLockedValue { t in t.triggeredWebhooks.values.first { $0.triggered.uuid == uuid }?.triggered }
    }

    func triggeredWebhooks(consumerVersionID: RowID, providerID: RowID) -> [TriggeredWebhook] {
        tables.withLockedValue { t in
            t.triggeredWebhooks.sorted { $0.key < $1.key }
                .filter { $0.value.consumerVersionID == consumerVersionID && $0.value.providerID == providerID }
                .map(\.value.triggered)
        }
    }

    func insertWebhookExecution(_ execution: WebhookExecution) {
        tables.withLockedValue { t in
            guard let uuid = execution.triggeredWebhookUUID,
                  t.triggeredWebhooks.values.contains(where: { $0.triggered.uuid == uuid }) else { return }
            t.webhookExecutions[t.newID()] = execution
        }
    }

    func webhookExecutions(triggeredWebhookUUID: String) -> [WebhookExecution] {
        tables.withLockedValue { t in
            t.webhookExecutions.sorted { $0.key < $1.key }.map(\.value).filter { $0.triggeredWebhookUUID == triggeredWebhookUUID }
        }
    }

    /// The definition with its consumer and provider named as the pacticipants are named now.
    private static func resolve(_ row: InMemoryWebhookRow, _ t: InMemoryTables) -> WebhookDefinition {
        var webhook = row.webhook
        if let id = row.consumerID, let name = t.pacticipants[id]?.name { webhook.consumer = .name(name) }
        if let id = row.providerID, let name = t.pacticipants[id]?.name { webhook.provider = .name(name) }
        return webhook
    }
}

extension InMemoryTables {
    /// What the SQL foreign keys cascade to when a pacticipant or a version is deleted: its webhooks, the triggered
    /// webhooks linked to it and their executions.
    mutating func dropWebhookRows(pacticipantID: RowID? = nil, versionID: RowID? = nil) {
        if let id = pacticipantID {
            webhooks = webhooks.filter { $0.value.consumerID != id && $0.value.providerID != id }
        }
        let dropped = Set(triggeredWebhooks.values.filter { row in
            if let id = pacticipantID, row.consumerID == id || row.providerID == id { return true }
            if let id = versionID, row.consumerVersionID == id { return true }
            return false
        }.map(\.triggered.uuid))
        guard !dropped.isEmpty else { return }
        triggeredWebhooks = triggeredWebhooks.filter { !dropped.contains($0.value.triggered.uuid) }
        webhookExecutions = webhookExecutions.filter { !dropped.contains($0.value.triggeredWebhookUUID ?? "") }
    }
}
