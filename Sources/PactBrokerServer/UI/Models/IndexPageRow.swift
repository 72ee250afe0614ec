import Foundation

/// One integration on the index page: a consumer, a provider, their latest pact and its last verification.
public struct IndexPageRow: Sendable, Hashable {
    /// The consumer's name.
    public var consumer: String
    /// The provider's name.
    public var provider: String
    /// When the latest pact between them was published.
    public var latestPactPublishedAt: Date
    /// The branch of the latest pact's consumer version, if any: the stale tooltip names it ("Pact from branch main
    /// has changed since …").
    public var latestPactBranch: String?
    /// A tag of the latest pact's consumer version, if any, named by the stale tooltip when there is no branch.
    public var latestPactTag: String?
    /// The last verification of the latest pact, or nil when it was never verified.
    public var lastVerification: IndexPageVerification?
    /// The integration's webhooks, or nil to leave the "Webhook status" cell empty.
    public var webhook: IndexPageWebhook?

    /// An integration row; never verified unless `lastVerification` is given.
    public init(
        consumer: String, provider: String, latestPactPublishedAt: Date, latestPactBranch: String? = nil,
        latestPactTag: String? = nil, lastVerification: IndexPageVerification? = nil, webhook: IndexPageWebhook? = nil
    ) {
        self.webhook = webhook
        self.consumer = consumer
        self.provider = provider
        self.latestPactPublishedAt = latestPactPublishedAt
        self.latestPactBranch = latestPactBranch
        self.latestPactTag = latestPactTag
        self.lastVerification = lastVerification
    }
}

/// The last verification shown in the index page's "Last verified" column.
public struct IndexPageVerification: Sendable, Hashable {
    /// The verification's outcome as the index colours it.
    public var status: IndexVerificationStatus
    /// When the verification ran.
    public var verifiedAt: Date
    /// The provider version that verified the pact.
    public var providerVersion: String
    /// When the verification is a comparison of the pact with a provider contract: the path of its results (its
    /// verification result's), which the cell links to as "contract comparison".
    public var contractComparisonPath: String? = nil

    /// A verification by `providerVersion` at `verifiedAt` with `status`.
    public init(status: IndexVerificationStatus, verifiedAt: Date, providerVersion: String) {
        self.status = status
        self.verifiedAt = verifiedAt
        self.providerVersion = providerVersion
    }
}

/// pact_broker's `pseudo_branch_verification_status`: how the last verification relates to the latest pact.
public enum IndexVerificationStatus: String, Sendable, Hashable, CaseIterable {
    /// The latest pact was verified successfully (green).
    case success
    /// The latest pact failed verification (red).
    case failed
    /// Verification failed while the pact was pending for the provider, so the build did not fail (amber,
    /// "(pact pending)"); pact_broker's `failed_pending`.
    case failedPending
    /// The pact changed after the last successful verification (amber).
    case stale

    /// pact_broker's `PseudoBranchStatus`: the status of an integration from its latest pact's content and its
    /// latest verification. A failure while the pact was pending is `failedPending`; a success of other content
    /// than the latest pact's is `stale`.
    ///
    /// - Parameters:
    ///   - latestPactVersion: the content identifier (pact_broker's `pact_version_sha`) of the latest pact.
    ///   - verifiedPactVersion: the content identifier of the pact the latest verification verified.
    ///   - success: whether that verification passed.
    ///   - pactPending: whether the pact was pending for the provider when it failed.
    public init(latestPactVersion: String, verifiedPactVersion: String, success: Bool, pactPending: Bool) {
        if success {
            self = verifiedPactVersion == latestPactVersion ? .success : .stale
        } else {
            self = pactPending ? .failedPending : .failed
        }
    }
}

/// The "Webhook status" cell: pact_broker's `webhook_status` of the integration's latest pact.
public struct IndexPageWebhook: Sendable, Hashable {
    /// What the webhooks last did.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// No webhook is configured for the integration.
        case none
        /// The last execution succeeded (green).
        case success
        /// The last execution failed (red).
        case failure
        /// An execution failed and is being retried (amber).
        case retrying
        /// Webhooks exist but have not run for this pact.
        case notRun
    }

    /// What the webhooks last did.
    public var status: Status
    /// When they last ran (shown for `success` and `failure`).
    public var lastExecutedAt: Date?

    /// A webhook status, with the last execution's date for `success` and `failure`.
    public init(status: Status, lastExecutedAt: Date? = nil) {
        self.status = status
        self.lastExecutedAt = lastExecutedAt
    }
}
