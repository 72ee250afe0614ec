import Foundation

/// A provider contract (PactFlow's bi-directional contract testing): the OpenAPI document a provider version
/// publishes with its own proof (the self-verification) that it implements it. One per provider version;
/// republishing replaces it.
public struct ProviderContractRecord: Sendable, Hashable {
    public var id: RowID
    public var providerID: RowID
    public var providerVersionID: RowID
    /// The document as published (YAML or JSON text).
    public var content: String
    public var contentType: String
    /// `oas`.
    public var specification: String
    public var selfVerificationSuccess: Bool
    /// The self-verification's report as published (decoded text), with its content type and format.
    public var selfVerificationContent: String?
    public var selfVerificationContentType: String?
    public var selfVerificationFormat: String?
    public var verifier: String?
    public var verifierVersion: String?
    public var buildURL: String?
    /// When this content was (last) published.
    public var createdAt: Date

    public init(
        id: RowID = 0, providerID: RowID, providerVersionID: RowID, content: String, contentType: String,
        specification: String, selfVerificationSuccess: Bool, selfVerificationContent: String? = nil,
        selfVerificationContentType: String? = nil, selfVerificationFormat: String? = nil, verifier: String? = nil,
        verifierVersion: String? = nil, buildURL: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.providerID = providerID
        self.providerVersionID = providerVersionID
        self.content = content
        self.contentType = contentType
        self.specification = specification
        self.selfVerificationSuccess = selfVerificationSuccess
        self.selfVerificationContent = selfVerificationContent
        self.selfVerificationContentType = selfVerificationContentType
        self.selfVerificationFormat = selfVerificationFormat
        self.verifier = verifier
        self.verifierVersion = verifierVersion
        self.buildURL = buildURL
        self.createdAt = createdAt
    }
}

/// Marks a verification result as the comparison of a pact with a provider contract, with its findings.
public struct ContractComparisonRecord: Sendable, Hashable {
    /// The verification result the comparison was recorded as.
    public var verificationID: RowID
    public var pactContentID: RowID
    public var providerVersionID: RowID
    /// The comparator's results (an array of `OpenAPICheckResult`), compact JSON.
    public var results: String
    public var createdAt: Date

    public init(verificationID: RowID, pactContentID: RowID, providerVersionID: RowID, results: String, createdAt: Date) {
        self.verificationID = verificationID
        self.pactContentID = pactContentID
        self.providerVersionID = providerVersionID
        self.results = results
        self.createdAt = createdAt
    }
}

/// The provider contracts and contract comparisons tables. Part of every `BrokerStoreTransaction`.
public protocol BrokerProviderContractQueries: Sendable {
    /// The provider version's contract, or nil.
    func providerContract(providerVersionID: RowID) async throws -> ProviderContractRecord?
    /// Stores `contract` as its provider version's contract, replacing the one it had (the id stays); returns it
    /// with its id.
    func saveProviderContract(_ contract: ProviderContractRecord) async throws -> ProviderContractRecord
    /// The contracts of those of the provider versions that have one, by provider version id.
    func providerContracts(providerVersionIDs: [RowID]) async throws -> [ProviderContractRecord]
    /// Whether any version of the provider published a contract.
    func hasProviderContracts(providerID: RowID) async throws -> Bool
    /// Marks the verification result as a contract comparison.
    func insertContractComparison(_ comparison: ContractComparisonRecord) async throws
    /// The comparison recorded as this verification result, or nil when it is a verifier's result.
    func contractComparison(verificationID: RowID) async throws -> ContractComparisonRecord?
    /// Those of the verification results that are contract comparisons.
    func contractComparisonIDs(verificationIDs: [RowID]) async throws -> Set<RowID>
    /// The newest comparison of each pact content with the provider version's contract, by verification id.
    func contractComparisons(providerVersionID: RowID) async throws -> [ContractComparisonRecord]
    /// The newest comparison of the pact content with the provider version's contract, or nil.
    func latestContractComparison(pactContentID: RowID, providerVersionID: RowID) async throws -> ContractComparisonRecord?
}
