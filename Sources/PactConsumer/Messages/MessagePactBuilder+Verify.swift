import Foundation
import PactMatching
import PactModel

extension MessagePactBuilder {
    /// Hands `handler` each asynchronous message declared since the last verify call: its example contents (consumer
    /// generators applied) and metadata, as the provider would publish it. A handler that throws fails that message,
    /// reported at its `expectsToReceive` line; the pact file is written only when every call succeeded.
    public func verifyMessages(
        isolation: isolated (any Actor)? = #isolation,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        _ handler: (MessagePayload) async throws -> Void
    ) async throws {
        let runLocation = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        try await verify(synchronous: false, at: runLocation) { compiled in
            guard case .asynchronousMessage(let declared) = compiled.pactInteraction else { return [] }
            do {
                try await handler(MessagePayload(Self.consumerExample(declared.message)))
                return []
            } catch {
                return [Self.closureFailure("handler", error, compiled)]
            }
        }
    }

    /// Hands `test` each synchronous message exchange declared since the last verify call: the request the consumer
    /// sends and the responses declared with `willRespondWith` (examples, consumer generators applied), for the
    /// consumer's code to handle as if the provider had answered, as pact-js's `executeTest` and pact-reference do.
    /// A `test` that throws fails that exchange, reported at its `synchronousMessage` line; the pact file is written
    /// only when every call succeeded (docs/messages.md shows one).
    public func verifySynchronousMessages(
        isolation: isolated (any Actor)? = #isolation,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        _ test: (SynchronousMessageExchange) async throws -> Void
    ) async throws {
        let runLocation = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        try await verify(synchronous: true, at: runLocation) { compiled in
            guard case .synchronousMessages(let declared) = compiled.pactInteraction else { return [] }
            let exchange = SynchronousMessageExchange(
                request: MessagePayload(Self.consumerExample(declared.request)),
                responses: declared.responses.map { MessagePayload(Self.consumerExample($0)) })
            do {
                try await test(exchange)
                return []
            } catch {
                return [Self.closureFailure("test closure", error, compiled)]
            }
        }
    }

    /// The shared verify call: the messages of one kind checked for usage errors, `each` run on every one, the pact
    /// written when nothing failed; failures reported and thrown.
    private func verify(
        isolation: isolated (any Actor)? = #isolation,
        synchronous: Bool, at runLocation: PactSourceLocation,
        _ each: (CompiledMessage) async -> [PactFailure]
    ) async throws {
        let call = synchronous ? "synchronousMessage(_:)" : "expectsToReceive(_:)"
        let messages: [CompiledMessage] = try core.prepareRun(
            at: runLocation, nothingDeclared: "no messages are declared for this call; declare them with \(call) first"
        ) { message in
            guard message.synchronous == synchronous else {
                let right = message.synchronous ? "verifySynchronousMessages" : "verifyMessages"
                let misplaced = PactUsageError(location: message.location, interaction: message.description,
                                               reason: "this message is checked by \(right), not by this call")
                return (nil, message.errors + [misplaced])
            }
            return message.compile(version: specVersion)
        }
        var failures: [PactFailure] = []
        for compiled in messages { failures += await each(compiled) }
        try core.finish(failures, writing: messages, at: runLocation)
    }

    /// A consumer closure (`handler` or `test`) that threw on a message, reported at its declaration.
    private static func closureFailure(_ closure: String, _ error: any Error, _ compiled: CompiledMessage) -> PactFailure {
        let description = compiled.pactInteraction.info.description
        return PactFailure(kind: .testError, interaction: description,
                           message: "Pact: the \(closure) failed on message '\(description)': \(error)",
                           location: compiled.location)
    }

    /// The example the consumer sees: generators applied in consumer mode (a random UUID, today's date…). A generator
    /// that cannot produce a value (a mock server URL: there is no mock server here) leaves the example as declared,
    /// which satisfies its rules.
    static func consumerExample(_ message: MessageContents) -> MessageContents {
        var rng = SystemRandomNumberGenerator()
        return message.generated(context: GeneratorContext(mode: .consumer), using: &rng).0
    }
}
