import PactModel

/// One synchronous message exchange as the consumer's code sees it in a test: the request it sends and the
/// response(s) the provider answers with, as declared (examples, consumer generators applied). The consumer test
/// hands the responses to the code that handles them, as pact-js's `executeTest` and pact-reference do.
public struct SynchronousMessageExchange: Sendable, Hashable {
    /// The request message the consumer sends.
    public let request: MessagePayload
    /// The declared responses, in the order of their `willRespondWith` calls (at least one).
    public let responses: [MessagePayload]

    /// The first declared response: the one to hand the consumer's code when it expects a single answer.
    public var response: MessagePayload { responses[0] }

    /// Made by `verifySynchronousMessages` only, from a declaration with at least one response (one without is a
    /// usage error), so `response` always exists.
    init(request: MessagePayload, responses: [MessagePayload]) {
        self.request = request
        self.responses = responses
    }
}
