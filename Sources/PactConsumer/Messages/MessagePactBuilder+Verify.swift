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

    /// Hands `exchange` the request of each synchronous message declared since the last verify call (consumer
    /// generators applied) and matches what it returns, the consumer code's responses in order, against the declared
    /// responses. Mismatches are reported at the `willRespondWith` line they concern, a throwing closure at the
    /// `synchronousMessage` line; the pact file is written only when everything matched.
    public func verifySynchronousMessages(
        isolation: isolated (any Actor)? = #isolation,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        _ exchange: (MessagePayload) async throws -> [MessagePayload]
    ) async throws {
        let runLocation = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        try await verify(synchronous: true, at: runLocation) { compiled in
            guard case .synchronousMessages(let declared) = compiled.pactInteraction else { return [] }
            let responses: [MessagePayload]
            do {
                responses = try await exchange(MessagePayload(Self.consumerExample(declared.request)))
            } catch {
                return [Self.closureFailure("exchange", error, compiled)]
            }
            return Self.check(responses, against: declared, compiled: compiled)
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

    /// A consumer closure (`handler` or `exchange`) that threw on a message, reported at its declaration.
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

    /// One failure per mismatch (or unreadable response), at the `willRespondWith` line it concerns.
    static func check(
        _ responses: [MessagePayload], against declared: SynchronousMessageInteraction, compiled: CompiledMessage
    ) -> [PactFailure] {
        let description = declared.info.description
        func location(_ index: Int) -> PactSourceLocation {
            compiled.responseLocations.indices.contains(index) ? compiled.responseLocations[index] : compiled.location
        }
        var actual: [MessageContents] = []
        for (index, response) in responses.enumerated() {
            let expected = declared.responses.indices.contains(index) ? declared.responses[index] : MessageContents()
            do {
                actual.append(try MessageDecoding.contents(of: response, expected: expected))
            } catch {
                return [PactFailure(kind: .mismatch, interaction: description,
                                    message: "Pact: response \(index + 1) of message '\(description)': \(error.reason)",
                                    location: location(index))]
            }
        }
        let mismatches = SynchronousMessageMatching.match(expected: declared.responses, actual: actual, version: .v4)
        return mismatches.map { mismatch in
            let index = declared.responses.count > 1 ? Self.responseIndex(of: mismatch) : 0
            return PactFailure(
                kind: .mismatch, interaction: description, request: "synchronous message", mismatch: mismatch,
                message: RunFailures.mismatchMessage(mismatch, interaction: description, request: "its response"),
                location: location(index))
        }
    }

    /// The index in a `response[i] …` mismatch path (0 when there is none).
    private static func responseIndex(of mismatch: Mismatch) -> Int {
        guard mismatch.path.hasPrefix("response["), let close = mismatch.path.firstIndex(of: "]") else { return 0 }
        return Int(mismatch.path[mismatch.path.index(mismatch.path.startIndex, offsetBy: 9)..<close]) ?? 0
    }
}
