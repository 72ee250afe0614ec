/// What a webhook's `${pactbroker.*}` parameters are made of; the caller fills it from the pact, verification and
/// versions behind the event (pact_broker's `PactAndVerificationParameters`). Empty fields render as empty strings.
public struct WebhookTemplateContext: Sendable, Hashable, Codable {
    /// The pact-version URL with webhook metadata (`${pactbroker.pactUrl}`).
    public var pactURL: String?
    /// The verification result's URL (`${pactbroker.verificationResultUrl}`).
    public var verificationResultURL: String?
    /// `${pactbroker.consumerName}`.
    public var consumerName: String?
    /// `${pactbroker.providerName}`.
    public var providerName: String?
    /// `${pactbroker.consumerVersionNumber}`.
    public var consumerVersionNumber: String?
    /// `${pactbroker.consumerVersionTags}`, joined with `, `.
    public var consumerVersionTags: [String]
    /// `${pactbroker.consumerVersionBranch}`.
    public var consumerVersionBranch: String?
    /// `${pactbroker.providerVersionNumber}`.
    public var providerVersionNumber: String?
    /// `${pactbroker.providerVersionTags}`, joined with `, `.
    public var providerVersionTags: [String]
    /// `${pactbroker.providerVersionBranch}`.
    public var providerVersionBranch: String?
    /// `${pactbroker.providerVersionDescriptions}`, joined with `, ` (contract_requiring_verification_published).
    public var providerVersionDescriptions: [String]
    /// `${pactbroker.consumerLabels}`, joined with `, `.
    public var consumerLabels: [String]
    /// `${pactbroker.providerLabels}`, joined with `, `.
    public var providerLabels: [String]
    /// The verification's outcome: nil when there is none (the statuses then say pending).
    public var verificationSuccess: Bool?
    /// `${pactbroker.eventName}`; the dispatcher sets it to the triggering event.
    public var eventName: String?
    /// `${pactbroker.buildUrl}`.
    public var buildURL: String?
    /// `${pactbroker.currentlyDeployedProviderVersionNumber}`.
    public var currentlyDeployedProviderVersionNumber: String?

    /// A context; every field is optional.
    public init(
        pactURL: String? = nil, verificationResultURL: String? = nil, consumerName: String? = nil,
        providerName: String? = nil, consumerVersionNumber: String? = nil, consumerVersionTags: [String] = [],
        consumerVersionBranch: String? = nil, providerVersionNumber: String? = nil, providerVersionTags: [String] = [],
        providerVersionBranch: String? = nil, providerVersionDescriptions: [String] = [], consumerLabels: [String] = [],
        providerLabels: [String] = [], verificationSuccess: Bool? = nil, eventName: String? = nil,
        buildURL: String? = nil, currentlyDeployedProviderVersionNumber: String? = nil
    ) {
        self.pactURL = pactURL
        self.verificationResultURL = verificationResultURL
        self.consumerName = consumerName
        self.providerName = providerName
        self.consumerVersionNumber = consumerVersionNumber
        self.consumerVersionTags = consumerVersionTags
        self.consumerVersionBranch = consumerVersionBranch
        self.providerVersionNumber = providerVersionNumber
        self.providerVersionTags = providerVersionTags
        self.providerVersionBranch = providerVersionBranch
        self.providerVersionDescriptions = providerVersionDescriptions
        self.consumerLabels = consumerLabels
        self.providerLabels = providerLabels
        self.verificationSuccess = verificationSuccess
        self.eventName = eventName
        self.buildURL = buildURL
        self.currentlyDeployedProviderVersionNumber = currentlyDeployedProviderVersionNumber
    }

    /// Every parameter's name (without `${}`) and value, in pact_broker's `to_hash` order.
    public var parameters: [(name: String, value: String)] {
        let status = verificationSuccess
        return [
            ("pactbroker.pactUrl", pactURL ?? ""),
            ("pactbroker.verificationResultUrl", verificationResultURL ?? ""),
            ("pactbroker.consumerVersionNumber", consumerVersionNumber ?? ""),
            ("pactbroker.providerVersionNumber", providerVersionNumber ?? ""),
            ("pactbroker.providerVersionTags", providerVersionTags.joined(separator: ", ")),
            ("pactbroker.providerVersionBranch", providerVersionBranch ?? ""),
            ("pactbroker.providerVersionDescriptions", providerVersionDescriptions.joined(separator: ", ")),
            ("pactbroker.consumerVersionTags", consumerVersionTags.joined(separator: ", ")),
            ("pactbroker.consumerVersionBranch", consumerVersionBranch ?? ""),
            ("pactbroker.consumerName", consumerName ?? ""),
            ("pactbroker.providerName", providerName ?? ""),
            ("pactbroker.githubVerificationStatus", status.map { $0 ? "success" : "failure" } ?? "pending"),
            ("pactbroker.bitbucketVerificationStatus", status.map { $0 ? "SUCCESSFUL" : "FAILED" } ?? "INPROGRESS"),
            ("pactbroker.azureDevOpsVerificationStatus", status.map { $0 ? "succeeded" : "failed" } ?? "pending"),
            ("pactbroker.gitlabVerificationStatus", status.map { $0 ? "success" : "failed" } ?? "pending"),
            ("pactbroker.consumerLabels", consumerLabels.joined(separator: ", ")),
            ("pactbroker.providerLabels", providerLabels.joined(separator: ", ")),
            ("pactbroker.eventName", eventName ?? ""),
            ("pactbroker.buildUrl", buildURL ?? ""),
            ("pactbroker.currentlyDeployedProviderVersionNumber", currentlyDeployedProviderVersionNumber ?? ""),
        ]
    }
}
