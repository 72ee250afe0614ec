/// What a pacticipant's page shows: the pacticipant and the integrations of its group (everyone connected to it by
/// pacts, as pact_broker's group page does), drawn as a network graph.
public struct PacticipantPageModel: Sendable, Hashable {
    /// The pacticipant the page is about.
    public var name: String
    /// The integrations to draw, each a consumer depending on a provider. Integrations not connected to `name`
    /// (directly or through others) are left out of the graph.
    public var dependencies: [NetworkDependency]

    /// The page of `name` with the integrations of its group.
    public init(name: String, dependencies: [NetworkDependency]) {
        self.name = name
        self.dependencies = dependencies
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
