import Foundation

/// The newest pact of one integration, without its content: what the lists of integrations (`/pacts/latest`, the
/// index page, the pacticipant page's network) show of it.
public struct IntegrationHead: Sendable, Hashable {
    /// The newest publication's id (the latest revision of the newest consumer version's pact).
    public var publicationID: RowID
    public var consumerID: RowID
    public var consumerName: String
    public var providerID: RowID
    public var providerName: String
    public var consumerVersionID: RowID
    public var consumerVersionNumber: String
    public var pactContentID: RowID
    /// The pact content's identifier (pact_broker's `pact_version_sha`).
    public var pactContentSHA: String
    /// When the publication was made.
    public var publishedAt: Date
}

/// The last verification the index page shows for an integration (pact_broker's `PseudoBranchStatus` input): the
/// newest verification of the latest pact's content, else of the content of the newest earlier pact, among the
/// consumer's `BrokerOverview.lookbackVersions` newest versions, that has one.
public struct IntegrationVerification: Sendable, Hashable {
    public var verificationID: RowID
    public var success: Bool
    public var verifiedAt: Date
    /// The number of the provider version that verified it.
    public var providerVersionNumber: String
    /// The identifier of the pact content it verified.
    public var verifiedPactContentSHA: String
    /// It failed while that content had never passed before (the pact was pending for the provider).
    public var pending: Bool
}

/// What the webhooks of an integration last did (pact_broker's `Webhooks::Status` over the integration's latest
/// triggered webhook per webhook and event, those of deleted webhooks left out).
public struct IntegrationWebhookStatus: Sendable, Hashable {
    public var status: WebhookStatusSummary
    /// When the newest of those triggered webhooks was triggered (pact_broker's `last_webhook_execution_date`).
    public var lastTriggeredAt: Date?
}

/// One integration as the index page shows it: its newest pact, that pact's consumer version's first branch and
/// tag, the last verification and the webhook status.
public struct IntegrationOverview: Sendable, Hashable {
    public var head: IntegrationHead
    /// The first branch (by creation) of the newest pact's consumer version.
    public var branch: String?
    /// The first tag (by creation, then name) of the newest pact's consumer version.
    public var tag: String?
    public var lastVerification: IntegrationVerification?
    public var webhook: IntegrationWebhookStatus
}

/// A pacticipant with its newest version and its labels, as `GET /pacticipants` embeds them.
public struct PacticipantOverview: Sendable, Hashable {
    public var pacticipant: PacticipantRecord
    public var latestVersion: VersionRecord?
    /// Its labels, by name.
    public var labels: [LabelRecord]
}

/// Constants the overview queries share across drivers.
public enum BrokerOverview {
    /// How many of the consumer's newest versions are searched for an earlier pact's verification when the latest
    /// pact has none (the index page's status is then `stale` or `failed`).
    public static let lookbackVersions = 20
}

/// Set-based queries for the broker's lists: a few statements for every integration or pacticipant at once, rather
/// than a query per row. Part of every `BrokerStoreTransaction`.
public protocol BrokerOverviewQueries: Sendable {
    /// The newest pact of every integration, ordered by consumer name then provider name (byte order).
    func integrationHeads() async throws -> [IntegrationHead]
    /// The overviews of the integrations of `heads` (as `integrationHeads` returned them), in the same order.
    func integrationOverviews(_ heads: [IntegrationHead]) async throws -> [IntegrationOverview]
    /// Every pacticipant with its newest version and labels, by name (byte order).
    func pacticipantOverviews() async throws -> [PacticipantOverview]
}

extension WebhookStatusSummary {
    /// The status from what the store counted: whether any webhook applies to the integration, and the statuses of
    /// its latest triggered webhooks.
    init(anyWebhook: Bool, latestStatuses: [TriggeredWebhook.Status]) {
        if !anyWebhook {
            self = .none
        } else if latestStatuses.allSatisfy({ $0 == .notRun }) {
            self = .notRun
        } else if latestStatuses.contains(.retrying) {
            self = .retrying
        } else {
            self = latestStatuses.allSatisfy { $0 == .success } ? .success : .failure
        }
    }
}
