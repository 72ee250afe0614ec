import Foundation

/// The latest triggered webhook of one webhook and event for an integration, with its attempts so far.
public struct LatestTriggeredWebhook: Sendable, Hashable {
    public var triggered: TriggeredWebhook
    /// How many executions it has had (pact_broker's `number_of_attempts_made`).
    public var attemptsMade: Int
}

/// The queries behind an integration's webhook status. Part of every `BrokerStoreTransaction`.
public protocol BrokerWebhookStatusQueries: Sendable {
    /// pact_broker's `TriggeredWebhook.latest_triggered_webhooks` for the consumer and provider: the newest triggered
    /// webhook of each webhook and event, leaving out webhooks since deleted, oldest first; one statement.
    func latestTriggeredWebhooks(consumerID: RowID, providerID: RowID) async throws -> [LatestTriggeredWebhook]
}
