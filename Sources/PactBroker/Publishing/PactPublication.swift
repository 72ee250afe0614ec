/// What to publish: pacts of one or more consumers, under one consumer version with its branch, tags and build.
public struct PactPublication: Sendable {
    /// The checked pact files.
    public var pacts: [PactFileToPublish]
    /// The consumer version number (the git SHA, ideally).
    public var consumerVersion: String
    /// The consumer version's branch.
    public var branch: String?
    /// Tags for the consumer version (legacy; branches are preferred).
    public var tags: [String]
    /// The CI build that produced the pacts.
    public var buildURL: String?

    /// A publication; branch, tags and build URL are optional.
    public init(pacts: [PactFileToPublish], consumerVersion: String, branch: String? = nil, tags: [String] = [],
                buildURL: String? = nil) {
        self.pacts = pacts
        self.consumerVersion = consumerVersion
        self.branch = branch
        self.tags = tags
        self.buildURL = buildURL
    }
}

/// What the broker said about one consumer's publication.
public struct PublicationOutcome: Sendable {
    /// The consumer whose pacts were published.
    public var consumer: String
    /// The broker's notices (or its legacy `logs`), in order; a generic line when it sent neither.
    public var notices: [BrokerNotice]
    /// Whether the per-pact PUTs were used because the broker has no `pb:publish-contracts`.
    public var usedLegacyPublishing: Bool
}
