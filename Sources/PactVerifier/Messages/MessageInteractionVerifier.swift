import Foundation
import OutboundHTTP
import PactMatching
import PactModel

/// Verifies message interactions: sets the provider states up, obtains the message from the provider (its message
/// endpoint over HTTP, or an in-process producer), matches contents and metadata against the pact, and tears the
/// states down. Results look like HTTP ones, so reports, pending, filters and exit codes treat both alike.
struct MessageInteractionVerifier: Sendable {
    let settings: MessageProviderSettings
    /// nil when every message comes from an in-process producer.
    let endpoint: MessageEndpoint?
    let stateHandler: (any ProviderStateHandler)?

    func verify(_ interaction: Interaction, version: PactSpecVersion, result: InteractionResult) async -> InteractionResult {
        var result = result
        let start = ContinuousClock.now
        switch interaction {
        case .asynchronousMessage(let message):
            result.request = source(synchronous: false)
            await run(message.info, request: nil, expected: [message.message], version: version, into: &result)
        case .synchronousMessages(let exchange):
            result.request = source(synchronous: true)
            await run(exchange.info, request: exchange.request, expected: exchange.responses, version: version, into: &result)
        case .http:
            return result
        }
        result.duration = ContinuousClock.now - start
        result.status = InteractionVerifier.status(of: result)
        return result
    }

    /// How the message is obtained, for the report line.
    private func source(synchronous: Bool) -> String {
        let kind = synchronous ? "synchronous message" : "message"
        if let endpoint { return "\(kind) via \(endpoint.target)" }
        return "\(kind) from its in-process producer"
    }

    private func run(
        _ info: InteractionInfo, request: MessageContents?, expected: [MessageContents], version: PactSpecVersion,
        into result: inout InteractionResult
    ) async {
        let states = ProviderStateRun(handler: stateHandler)
        guard let values = await states.setUp(info, into: &result) else { return }
        let context = GeneratorContext(mode: .provider, providerStateValues: values)
        let generatedRequest = request.map { generated($0, context: context, part: "request", notes: &result.notes) }
        do throws(VerificationError) {
            let produced = try await produce(info, request: generatedRequest, stateValues: values, version: version)
            let source = endpoint.map { "the message endpoint \($0.target)" } ?? "the producer of '\(info.description)'"
            var actual: [MessageContents] = []
            for (index, message) in produced.enumerated() {
                let reference = expected.indices.contains(index) ? expected[index] : MessageContents()
                do {
                    actual.append(try MessageDecoding.contents(of: message, expected: reference))
                } catch {
                    throw VerificationError(kind: .message, message: "\(source): \(error.reason)")
                }
            }
            // Values a provider state defines are known now; the expected message holds them rather than examples.
            let resolved = expected.map {
                generated($0, context: context, part: "expected message", notes: &result.notes) { generator in
                    if case .providerState = generator { true } else { false }
                }
            }
            result.mismatches = request == nil
                ? MessageMatching.match(expected: resolved[0], actual: actual.first ?? MessageContents(), version: version)
                : SynchronousMessageMatching.match(expected: resolved, actual: actual, version: version)
        } catch {
            result.errors.append(error)
        }
        await states.tearDown(info, into: &result)
    }

    private func produce(
        _ info: InteractionInfo, request: MessageContents?, stateValues: [String: JSONValue], version: PactSpecVersion
    ) async throws(VerificationError) -> [MessagePayload] {
        if let endpoint {
            return [try await endpoint.message(description: info.description, providerStates: info.providerStates,
                                               request: request, version: version)]
        }
        guard let producer = settings.producers[info.description] else {
            let known = settings.producers.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw VerificationError(kind: .message, message: "no message producer is registered for '\(info.description)' "
                                    + "(registered: \(known))")
        }
        let messageRequest = MessageRequest(description: info.description, providerStates: info.providerStates,
                                            stateValues: stateValues, request: request.map(MessagePayload.init))
        do {
            return try await producer.produce(messageRequest)
        } catch {
            throw VerificationError(kind: .message, message: "the producer of '\(info.description)' threw: \(error)")
        }
    }

    /// The message with its generators applied; one that cannot produce a value keeps the pact's example and leaves
    /// a note, as for HTTP requests.
    private func generated(
        _ message: MessageContents, context: GeneratorContext, part: String, notes: inout [String],
        including: (Generator) -> Bool = { _ in true }
    ) -> MessageContents {
        var rng = SystemRandomNumberGenerator()
        let (result, failures) = message.generated(context: context, using: &rng, including: including)
        for failure in failures {
            let place = failure.category == .metadata ? "metadata '\(failure.key)'" : "contents \(failure.key)"
            notes.append("the \(part) \(place) generator kept the pact's example value: \(failure.error)")
        }
        return result
    }
}

extension MessageInteractionVerifier {
    /// The message verifier for one run, and the HTTP client it holds when messages go over HTTP (shut it down after
    /// the run). No client is made when no pact has message interactions or producers are given.
    static func make(
        _ configuration: VerifierConfiguration, stateHandler: (any ProviderStateHandler)?, pacts: [Pact]
    ) -> (MessageInteractionVerifier, OutboundHTTPClient?) {
        let settings = configuration.messages
        let hasMessages = pacts.contains { $0.interactions.contains { if case .http = $0 { false } else { true } } }
        var client: OutboundHTTPClient?
        if hasMessages, settings.producers.isEmpty {
            // Default settings read no files, so making the client cannot fail.
            client = try? OutboundHTTPClient(settings: OutboundHTTPClient.Settings(timeout: configuration.requestTimeout))
        }
        let endpoint = client.map {
            MessageEndpoint(baseURL: configuration.providerBaseURL, basePath: configuration.basePath,
                            endpointPath: settings.endpointPath, client: $0, customHeaders: configuration.customHeaders,
                            requestFilter: configuration.requestFilter)
        }
        return (MessageInteractionVerifier(settings: settings, endpoint: endpoint, stateHandler: stateHandler), client)
    }
}
