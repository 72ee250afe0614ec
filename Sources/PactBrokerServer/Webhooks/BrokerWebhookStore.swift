import Foundation

/// The webhooks engine's `WebhookStore` over the broker's store: each call is one transaction of the broker's
/// tables (`BrokerWebhookQueries`), so webhooks, triggered webhooks and executions persist with the rest.
public struct BrokerWebhookStore: WebhookStore {
    /// The broker's store.
    public let store: any BrokerStore
    private let now: @Sendable () -> Date

    /// An adapter over `store`, stamping changes with `now`.
    public init(store: any BrokerStore, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    public func webhook(uuid: String) async throws -> WebhookDefinition? {
        try await store.read { try await $0.webhook(uuid: uuid) }
    }

    public func allWebhooks() async throws -> [WebhookDefinition] {
        try await store.read { try await $0.webhooks() }
    }

    public func saveWebhook(_ webhook: WebhookDefinition) async throws {
        let at = now()
        _ = try await store.write { try await $0.saveWebhook(webhook, at: at) }
    }

    public func deleteWebhook(uuid: String) async throws {
        _ = try await store.write { try await $0.deleteWebhook(uuid: uuid) }
    }

    public func insertTriggeredWebhook(_ triggered: TriggeredWebhook) async throws {
        try await store.write { try await $0.insertTriggeredWebhook(triggered) }
    }

    public func updateTriggeredWebhook(uuid: String, status: TriggeredWebhook.Status) async throws {
        let at = now()
        try await store.write { try await $0.updateTriggeredWebhook(uuid: uuid, status: status, at: at) }
    }

    public func triggeredWebhook(uuid: String) async throws -> TriggeredWebhook? {
        try await store.read { try await $0.triggeredWebhook(uuid: uuid) }
    }

    public func appendExecution(_ execution: WebhookExecution) async throws {
        try await store.write { try await $0.insertWebhookExecution(execution) }
    }

    public func executions(triggeredWebhookUUID: String) async throws -> [WebhookExecution] {
        try await store.read { try await $0.webhookExecutions(triggeredWebhookUUID: triggeredWebhookUUID) }
    }
}
