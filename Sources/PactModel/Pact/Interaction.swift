/// The attributes every interaction kind shares.
public struct InteractionInfo: Sendable, Hashable {
    /// The human-readable `description` that identifies the interaction in the pact and in reports.
    public var description: String
    /// The states the provider must be set up in first, in order (a V1/V2 `providerState` becomes one entry).
    public var providerStates: [ProviderState]
    /// V4 `key`: unique per interaction.
    public var key: String?
    /// V4 `pending`: failures are reported but do not fail verification.
    public var pending: Bool
    /// V4 `comments` (`testname`, `text`, …).
    public var comments: [String: JSONValue]
    /// V4 plugin data and markup, kept as written so they survive a round trip.
    public var pluginConfiguration: [String: JSONValue]
    /// V4 `interactionMarkup`, kept as written like `pluginConfiguration`.
    public var interactionMarkup: [String: JSONValue]
    /// V4 `transport` (`http`, `https`, …) when given.
    public var transport: String?

    /// Interaction attributes with `description`; the rest empty, absent or not pending by default.
    public init(
        description: String, providerStates: [ProviderState] = [], key: String? = nil, pending: Bool = false,
        comments: [String: JSONValue] = [:], pluginConfiguration: [String: JSONValue] = [:],
        interactionMarkup: [String: JSONValue] = [:], transport: String? = nil
    ) {
        self.description = description
        self.providerStates = providerStates
        self.key = key
        self.pending = pending
        self.comments = comments
        self.pluginConfiguration = pluginConfiguration
        self.interactionMarkup = interactionMarkup
        self.transport = transport
    }
}

/// A request/response interaction (V1–V3 interactions, V4 `Synchronous/HTTP`).
public struct HTTPInteraction: Sendable, Hashable {
    /// The description, provider states and V4 attributes.
    public var info: InteractionInfo
    /// The request the consumer sends.
    public var request: PactRequest
    /// The response the provider is expected to return.
    public var response: PactResponse

    /// An HTTP interaction from its shared attributes, request and expected response.
    public init(info: InteractionInfo, request: PactRequest, response: PactResponse) {
        self.info = info
        self.request = request
        self.response = response
    }
}

/// A one-way message (V3 `messages`, V4 `Asynchronous/Messages`).
public struct MessageInteraction: Sendable, Hashable {
    /// The description, provider states and V4 attributes.
    public var info: InteractionInfo
    /// The message's contents and metadata.
    public var message: MessageContents

    /// A message interaction from its shared attributes and message.
    public init(info: InteractionInfo, message: MessageContents) {
        self.info = info
        self.message = message
    }
}

/// A request message with its response messages (V4 `Synchronous/Messages`).
public struct SynchronousMessageInteraction: Sendable, Hashable {
    /// The description, provider states and V4 attributes.
    public var info: InteractionInfo
    /// The message the consumer sends.
    public var request: MessageContents
    /// The messages expected in reply, in order.
    public var responses: [MessageContents]

    /// A synchronous message interaction from its shared attributes, request and expected responses.
    public init(info: InteractionInfo, request: MessageContents, responses: [MessageContents]) {
        self.info = info
        self.request = request
        self.responses = responses
    }
}

/// Any kind of interaction a pact can hold.
public enum Interaction: Sendable, Hashable {
    case http(HTTPInteraction)
    case asynchronousMessage(MessageInteraction)
    case synchronousMessages(SynchronousMessageInteraction)

    /// The attributes every kind shares, whichever kind this is.
    public var info: InteractionInfo {
        switch self {
        case .http(let i): i.info
        case .asynchronousMessage(let m): m.info
        case .synchronousMessages(let s): s.info
        }
    }

    /// The interaction's description (`info.description`).
    public var description: String { info.description }

    /// The V4 `type` string.
    public var typeName: String {
        switch self {
        case .http: "Synchronous/HTTP"
        case .asynchronousMessage: "Asynchronous/Messages"
        case .synchronousMessages: "Synchronous/Messages"
        }
    }
}

/// A pact: the contract between one consumer and one provider.
public struct Pact: Sendable, Hashable {
    /// The consumer's name as written in the pact file.
    public var consumer: String
    /// The provider's name as written in the pact file.
    public var provider: String
    /// The interactions, in file order.
    public var interactions: [Interaction]
    /// The file's `metadata` without the specification version (that is `specVersion`).
    public var metadata: [String: JSONValue]
    /// The specification version the file declared, or was read as.
    public var specVersion: PactSpecVersion

    /// A pact between `consumer` and `provider`; V4 with no interactions or metadata by default.
    public init(
        consumer: String, provider: String, interactions: [Interaction] = [], metadata: [String: JSONValue] = [:],
        specVersion: PactSpecVersion = .v4
    ) {
        self.consumer = consumer
        self.provider = provider
        self.interactions = interactions
        self.metadata = metadata
        self.specVersion = specVersion
    }

    /// The HTTP interactions, in file order.
    public var httpInteractions: [HTTPInteraction] {
        interactions.compactMap { if case .http(let i) = $0 { i } else { nil } }
    }
}
