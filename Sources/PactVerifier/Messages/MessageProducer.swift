import Foundation
import PactModel

/// What a message producer is asked for: the interaction's description and provider states, the values the state
/// setup returned, and for a synchronous message the request it answers.
public struct MessageRequest: Sendable, Hashable {
    /// The interaction's description; producers are registered under it.
    public var description: String
    /// The interaction's provider states, in order.
    public var providerStates: [ProviderState]
    /// The states' params merged with what the state setup returned.
    public var stateValues: [String: JSONValue]
    /// The request message of a synchronous message interaction (its generators applied); nil for asynchronous ones.
    public var request: MessagePayload?

    /// A request for the message `description`.
    public init(
        description: String, providerStates: [ProviderState] = [], stateValues: [String: JSONValue] = [:],
        request: MessagePayload? = nil
    ) {
        self.description = description
        self.providerStates = providerStates
        self.stateValues = stateValues
        self.request = request
    }
}

/// Produces the message of one message interaction in process, as the provider's code would publish it.
public struct MessageProducer: Sendable {
    let produce: @Sendable (MessageRequest) async throws -> [MessagePayload]

    /// A producer of one message: an asynchronous message, or the single response of a synchronous one.
    public init(_ produce: @escaping @Sendable (MessageRequest) async throws -> MessagePayload) {
        self.produce = { [try await produce($0)] }
    }

    /// A producer of the responses of a synchronous message, in order.
    public static func responses(
        _ produce: @escaping @Sendable (MessageRequest) async throws -> [MessagePayload]
    ) -> MessageProducer {
        MessageProducer(all: produce)
    }

    private init(all: @escaping @Sendable (MessageRequest) async throws -> [MessagePayload]) {
        produce = all
    }
}

/// How the verifier obtains the messages of message interactions.
///
/// With no producers it asks the provider over HTTP, by the convention of the pact-reference and pact-js verifiers:
/// `POST {"description", "providerStates"}` (plus `"request"` for synchronous messages) to the message endpoint,
/// which answers with the contents as its body, their content type in `Content-Type` and the other metadata as
/// base64-encoded JSON in `Pact-Message-Metadata`. With producers, each message comes from the producer registered
/// under the interaction's description, in process.
public struct MessageProviderSettings: Sendable {
    /// The message endpoint's path under the provider base URL and base path; `/` by default, as pact-reference.
    public var endpointPath: String
    /// In-process producers by interaction description; when any is given, HTTP is not used for messages.
    public var producers: [String: MessageProducer]

    /// Messages over HTTP at `endpointPath`, or from `producers` when any are given.
    public init(endpointPath: String = "/", producers: [String: MessageProducer] = [:]) {
        self.endpointPath = endpointPath
        self.producers = producers
    }
}
