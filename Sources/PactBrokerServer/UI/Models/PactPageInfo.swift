import Foundation

/// What the broker knows about a pact beyond its document, shown in the pact page's header.
public struct PactPageInfo: Sendable, Hashable {
    /// The consumer version the pact was published for.
    public var consumerVersion: String?
    /// When it was published.
    public var publishedAt: Date?
    /// The newest verification of the pact's content, if any.
    public var lastVerification: PactPageVerification? = nil

    /// Publication details; both unknown by default.
    public init(consumerVersion: String? = nil, publishedAt: Date? = nil) {
        self.consumerVersion = consumerVersion
        self.publishedAt = publishedAt
    }
}

/// The newest verification of a pact's content, shown in the pact page's header.
public struct PactPageVerification: Sendable, Hashable {
    /// Whether it passed.
    public var success: Bool
    /// When it ran.
    public var verifiedAt: Date
    /// The provider version that verified the pact.
    public var providerVersion: String
    /// When it is a comparison of the pact with a provider contract: the path of its results (its verification
    /// result's), linked as "contract comparison".
    public var contractComparisonPath: String?

    /// A verification by `providerVersion` at `verifiedAt`; a contract comparison when `contractComparisonPath` is given.
    public init(success: Bool, verifiedAt: Date, providerVersion: String, contractComparisonPath: String? = nil) {
        self.success = success
        self.verifiedAt = verifiedAt
        self.providerVersion = providerVersion
        self.contractComparisonPath = contractComparisonPath
    }
}
