import Foundation

/// One row of an integration's matrix page: a consumer version's pact and one provider version's verification of it.
public struct MatrixPageRow: Sendable, Hashable {
    /// The consumer version that published the pact.
    public var consumerVersion: String
    /// The consumer version's branch, if any.
    public var consumerVersionBranch: String?
    /// When the pact was published for that consumer version.
    public var pactPublishedAt: Date
    /// The verification of that pact, or nil when no provider version has verified it.
    public var verification: MatrixPageVerification?

    /// A matrix row; not verified unless `verification` is given.
    public init(
        consumerVersion: String, consumerVersionBranch: String? = nil, pactPublishedAt: Date,
        verification: MatrixPageVerification? = nil
    ) {
        self.consumerVersion = consumerVersion
        self.consumerVersionBranch = consumerVersionBranch
        self.pactPublishedAt = pactPublishedAt
        self.verification = verification
    }
}

/// A provider version's verification in a matrix row.
public struct MatrixPageVerification: Sendable, Hashable {
    /// The provider version that ran the verification.
    public var providerVersion: String
    /// The provider version's branch, if any.
    public var providerVersionBranch: String?
    /// Whether the verification passed.
    public var success: Bool
    /// When the verification ran.
    public var verifiedAt: Date
    /// When the verification result is a comparison of the pact with a provider contract: the path of its results
    /// (`/pacts/provider/…/verification-results/{n}`, under the links' base).
    public var contractComparisonPath: String? = nil

    /// A verification by `providerVersion` at `verifiedAt`.
    public init(providerVersion: String, providerVersionBranch: String? = nil, success: Bool, verifiedAt: Date) {
        self.providerVersion = providerVersion
        self.providerVersionBranch = providerVersionBranch
        self.success = success
        self.verifiedAt = verifiedAt
    }
}
