/// What a pacticipant's page shows: the pacticipant and the integrations of its group (everyone connected to it by
/// pacts, as pact_broker's group page does), drawn as a network graph.
public struct PacticipantPageModel: Sendable, Hashable {
    /// The pacticipant the page is about.
    public var name: String
    /// The integrations to draw, each a consumer depending on a provider. Integrations not connected to `name`
    /// (directly or through others) are left out of the graph.
    public var dependencies: [NetworkDependency]
    /// The pacticipant's main branch, if recorded.
    public var mainBranch: String?
    /// Its latest version number, if any.
    public var latestVersion: String?
    /// Its repository URL, if recorded: a link only when it is `http` or `https`, text otherwise.
    public var repositoryURL: String?

    /// The page of `name` with the integrations of its group and what is known about it.
    public init(
        name: String, dependencies: [NetworkDependency], mainBranch: String? = nil, latestVersion: String? = nil,
        repositoryURL: String? = nil
    ) {
        self.name = name
        self.dependencies = dependencies
        self.mainBranch = mainBranch
        self.latestVersion = latestVersion
        self.repositoryURL = repositoryURL
    }
}

/// A consumer depending on a provider: an arrow consumer → provider in the network graph.
public struct NetworkDependency: Sendable, Hashable {
    /// The consumer's name.
    public var consumer: String
    /// The provider's name.
    public var provider: String

    /// `consumer` depends on `provider`.
    public init(consumer: String, provider: String) {
        self.consumer = consumer
        self.provider = provider
    }
}
