import NIOConcurrencyHelpers

/// What the webhooks engine needs persisted: webhook definitions, triggered webhooks and their executions. The
/// broker's store implements it; `InMemoryWebhookStore` serves tests.
public protocol WebhookStore: Sendable {
    /// The webhook with `uuid`, or nil when there is none (deleted).
    func webhook(uuid: String) async throws -> WebhookDefinition?
    /// Every webhook definition.
    func allWebhooks() async throws -> [WebhookDefinition]
    /// Creates or replaces the webhook with `webhook.uuid`.
    func saveWebhook(_ webhook: WebhookDefinition) async throws
    /// Deletes the webhook; its triggered webhooks and executions stay.
    func deleteWebhook(uuid: String) async throws
    /// Records a new triggered webhook.
    func insertTriggeredWebhook(_ triggered: TriggeredWebhook) async throws
    /// Changes a triggered webhook's status.
    func updateTriggeredWebhook(uuid: String, status: TriggeredWebhook.Status) async throws
    /// The triggered webhook with `uuid`.
    func triggeredWebhook(uuid: String) async throws -> TriggeredWebhook?
    /// Appends the record of one attempt.
    func appendExecution(_ execution: WebhookExecution) async throws
    /// The attempts of a triggered webhook, oldest first.
    func executions(triggeredWebhookUUID: String) async throws -> [WebhookExecution]
}

/// A `WebhookStore` in memory, for tests and a broker run without a database.
public final class InMemoryWebhookStore: WebhookStore {
    private struct State {
        var webhooks: [String: WebhookDefinition] = [:]
        var order: [String] = []
        var triggered: [String: TriggeredWebhook] = [:]
        var triggeredOrder: [String] = []
        var executions: [String: [WebhookExecution]] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// An empty store.
    public init() {}

    public func webhook(uuid: String) async throws -> WebhookDefinition? {
        state.withLockedValue { $0.webhooks[uuid] }
    }

    public func allWebhooks() async throws -> [WebhookDefinition] {
        state.withLockedValue { state in state.order.compactMap { state.webhooks[$0] } }
    }

    public func saveWebhook(_ webhook: WebhookDefinition) async throws {
        state.withLockedValue { state in
            if state.webhooks[webhook.uuid] == nil { state.order.append(webhook.uuid) }
            state.webhooks[webhook.uuid] = webhook
        }
    }

    public func deleteWebhook(uuid: String) async throws {
        state.withLockedValue { state in
            state.webhooks[uuid] = nil
            state.order.removeAll { $0 == uuid }
        }
    }

    public func insertTriggeredWebhook(_ triggered: TriggeredWebhook) async throws {
        state.withLockedValue { state in
            state.triggered[triggered.uuid] = triggered
            state.triggeredOrder.append(triggered.uuid)
        }
    }

    public func updateTriggeredWebhook(uuid: String, status: TriggeredWebhook.Status) async throws {
        state.withLockedValue { $0.triggered[uuid]?.status = status }
    }

    public func triggeredWebhook(uuid: String) async throws -> TriggeredWebhook? {
        state.withLockedValue { $0.triggered[uuid] }
    }

    /// Every triggered webhook, in the order triggered.
    public func allTriggeredWebhooks() -> [TriggeredWebhook] {
        state.withLockedValue { state in state.triggeredOrder.compactMap { state.triggered[$0] } }
    }

    public func appendExecution(_ execution: WebhookExecution) async throws {
        guard let uuid = execution.triggeredWebhookUUID else { return }
        state.withLockedValue { $0.executions[uuid, default: []].append(execution) }
    }

    public func executions(triggeredWebhookUUID: String) async throws -> [WebhookExecution] {
        state.withLockedValue { $0.executions[triggeredWebhookUUID] ?? [] }
    }
}
