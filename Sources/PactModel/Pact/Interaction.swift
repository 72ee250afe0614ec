/// The attributes every interaction kind shares.
public struct InteractionInfo: Sendable, Hashable {
    public var description: String
    public var providerStates: [ProviderState]
    /// V4 `key`: unique per interaction.
    public var key: String?
    /// V4 `pending`: failures are reported but do not fail verification.
    public var pending: Bool
    /// V4 `comments` (`testname`, `text`, …).
    public var comments: [String: JSONValue]
    /// V4 plugin data and markup, kept as written so they survive a round trip.
    public var pluginConfiguration: [String: JSONValue]
    public var interactionMarkup: [String: JSONValue]
    /// V4 `transport` (`http`, `https`, …) when given.
    public var transport: String?

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
    public var info: InteractionInfo
    public var request: HTTPRequest
    public var response: HTTPResponse

    public init(info: InteractionInfo, request: HTTPRequest, response: HTTPResponse) {
        self.info = info
        self.request = request
        self.response = response
    }
}

/// A one-way message (V3 `messages`, V4 `Asynchronous/Messages`).
public struct MessageInteraction: Sendable, Hashable {
    public var info: InteractionInfo
    public var message: MessageContents

    public init(info: InteractionInfo, message: MessageContents) {
        self.info = info
        self.message = message
    }
}

/// A request message with its response messages (V4 `Synchronous/Messages`).
public struct SynchronousMessageInteraction: Sendable, Hashable {
    public var info: InteractionInfo
    public var request: MessageContents
    public var responses: [MessageContents]

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

    public var info: InteractionInfo {
        switch self {
        case .http(let i): i.info
        case .asynchronousMessage(let m): m.info
        case .synchronousMessages(let s): s.info
        }
    }

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
    public var consumer: String
    public var provider: String
    public var interactions: [Interaction]
    /// The file's `metadata` without the specification version (that is `specVersion`).
    public var metadata: [String: JSONValue]
    /// The specification version the file declared, or was read as.
    public var specVersion: PactSpecVersion

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
