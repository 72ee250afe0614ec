import Foundation
import PactModel

/// Which pacts a provider wants to verify (the body of `pb:provider-pacts-for-verification`).
public struct PactsForVerificationRequest: Sendable {
    /// The provider's name.
    public var provider: String
    /// Consumer version selectors, passed through as given (the broker validates them and explains its errors).
    public var selectors: [JSONValue]
    /// The branch of the provider version that will publish results (pending and WIP depend on it).
    public var providerVersionBranch: String?
    /// Legacy provider version tags.
    public var providerVersionTags: [String]
    /// Ask for pending status (a pending pact cannot fail the build).
    public var includePendingStatus: Bool
    /// Also return work-in-progress pacts published since this date (`yyyy-MM-dd`).
    public var includeWipPactsSince: String?

    /// A request; only the provider is required.
    public init(provider: String, selectors: [JSONValue] = [], providerVersionBranch: String? = nil,
                providerVersionTags: [String] = [], includePendingStatus: Bool = false, includeWipPactsSince: String? = nil) {
        self.provider = provider
        self.selectors = selectors
        self.providerVersionBranch = providerVersionBranch
        self.providerVersionTags = providerVersionTags
        self.includePendingStatus = includePendingStatus
        self.includeWipPactsSince = includeWipPactsSince
    }

    /// Selectors for legacy consumer version tags: the latest version with each tag.
    public static func tagSelectors(_ tags: [String]) -> [JSONValue] {
        tags.map { .object(["tag": .string($0), "latest": true]) }
    }

    /// The JSON body, camelCase, unset fields left out. `consumerVersionSelectors` is always sent (an empty list when
    /// none were given), as pact-reference's verifier sends it: strict brokers reject a body without it.
    var body: JSONValue {
        var body: [String: JSONValue] = [
            "consumerVersionSelectors": .array(selectors), "includePendingStatus": .bool(includePendingStatus),
        ]
        if let providerVersionBranch { body["providerVersionBranch"] = .string(providerVersionBranch) }
        if !providerVersionTags.isEmpty { body["providerVersionTags"] = .array(providerVersionTags.map(JSONValue.string)) }
        if let includeWipPactsSince { body["includeWipPactsSince"] = .string(includeWipPactsSince) }
        return .object(body)
    }
}

/// A pact the broker says to verify: where to fetch it, why it was selected, and whether it is pending or WIP.
public struct VerifiablePact: Sendable, Hashable {
    /// The pact's URL (with the `/metadata/…` segment that tells the broker why it was selected).
    public var url: URL
    /// The link's name, e.g. `Pact between web (1a2b3c) and api`.
    public var name: String?
    /// Why it was selected, briefly (`latest from main branch`).
    public var shortDescription: String?
    /// Pending: its failures are reported and published but do not fail the build.
    public var pending: Bool
    /// Work in progress (always pending too).
    public var wip: Bool
    /// Notices to print before and after verifying it.
    public var notices: [BrokerNotice]

    /// A pact to verify.
    public init(url: URL, name: String? = nil, shortDescription: String? = nil, pending: Bool = false, wip: Bool = false,
                notices: [BrokerNotice] = []) {
        self.url = url
        self.name = name
        self.shortDescription = shortDescription
        self.pending = pending
        self.wip = wip
        self.notices = notices
    }

    /// The notices to print before verifying.
    public var noticesBefore: [BrokerNotice] { notices.filter { $0.when == nil || $0.when == "before_verification" } }

    /// The notice to print after verifying, for the outcome and whether results were published.
    public func noticesAfter(success: Bool, published: Bool) -> [BrokerNotice] {
        let when = "after_verification:success_\(success)_published_\(published)"
        return notices.filter { $0.when == when }
    }
}
