import PactBroker

/// Pacts to verify from a Pact Broker: which ones (the pacts-for-verification request), and where the results go.
///
/// ```swift
/// let source = BrokerVerificationSource(
///     broker: BrokerConfiguration(baseURL: URL(string: "https://broker.example.com")!),
///     request: PactsForVerificationRequest(provider: "api", selectors: [["mainBranch": true]], includePendingStatus: true),
///     publication: ProviderVersionPublication(version: gitSHA, branch: "main"))
/// let run = try await verifier.verify(source)
/// print(run.renderConsole(colour: false), terminator: "")
/// ```
public struct BrokerVerificationSource: Sendable {
    /// How to reach the broker.
    public var broker: BrokerConfiguration
    /// The provider, the consumer version selectors, pending and WIP.
    public var request: PactsForVerificationRequest
    /// Consumer version tags, for brokers too old for pacts-for-verification (the latest pact per tag).
    public var consumerVersionTags: [String]
    /// Where to publish the results; nil publishes nothing.
    public var publication: ProviderVersionPublication?
    /// Whether a broker that selects no pact makes the run an error (exit 2) rather than a message (exit 0).
    public var failIfNoPactsFound: Bool

    /// A broker source; nothing is published unless `publication` is given.
    public init(
        broker: BrokerConfiguration, request: PactsForVerificationRequest, consumerVersionTags: [String] = [],
        publication: ProviderVersionPublication? = nil, failIfNoPactsFound: Bool = false
    ) {
        self.broker = broker
        self.request = request
        self.consumerVersionTags = consumerVersionTags
        self.publication = publication
        self.failIfNoPactsFound = failIfNoPactsFound
    }
}
