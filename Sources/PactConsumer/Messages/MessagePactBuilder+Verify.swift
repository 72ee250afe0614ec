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
        let messages = try prepare(synchronous: false, at: runLocation)
        var failures: [PactFailure] = []
        for compiled in messages {
            guard case .asynchronousMessage(let declared) = compiled.interaction else { continue }
            let payload = MessagePayload(Self.consumerExample(declared.message))
            do {
                try await handler(payload)
            } catch {
                failures.append(PactFailure(
                    kind: .testError, interaction: declared.info.description,
                    message: "Pact: the handler failed on message '\(declared.info.description)': \(error)",
                    location: compiled.location))
            }
        }
        try finish(messages, failures: failures, at: runLocation)
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
        let messages = try prepare(synchronous: true, at: runLocation)
        var failures: [PactFailure] = []
        for compiled in messages {
            guard case .synchronousMessages(let declared) = compiled.interaction else { continue }
            let description = declared.info.description
            let responses: [MessagePayload]
            do {
                responses = try await exchange(MessagePayload(Self.consumerExample(declared.request)))
            } catch {
                failures.append(PactFailure(kind: .testError, interaction: description,
                                            message: "Pact: the exchange failed on message '\(description)': \(error)",
                                            location: compiled.location))
                continue
            }
            failures += Self.check(responses, against: declared, compiled: compiled)
        }
        try finish(messages, failures: failures, at: runLocation)
    }

    /// The messages to verify, or the usage errors reported and thrown.
    private func prepare(synchronous: Bool, at runLocation: PactSourceLocation) throws -> [CompiledMessage] {
        let (declared, builderErrors) = takeDeclarations()
        var errors = builderErrors
        var compiled: [CompiledMessage] = []
        var seen: [InteractionIdentity: CompiledMessage] = [:]
        for message in declared {
            if message.synchronous != synchronous {
                let right = message.synchronous ? "verifySynchronousMessages" : "verifyMessages"
                errors += message.errors
                errors.append(PactUsageError(location: message.location, interaction: message.description,
                                             reason: "this message is checked by \(right), not by this call"))
                continue
            }
            let (result, messageErrors) = message.compile(version: specVersion)
            errors += messageErrors
            guard let result else { continue }
            let identity = InteractionIdentity(result.interaction.info)
            if let earlier = seen[identity] {
                if InteractionRegistry.comparable(earlier.interaction) != InteractionRegistry.comparable(result.interaction) {
                    errors.append(PactUsageError(
                        location: result.location, interaction: message.description,
                        reason: "a message with this description and \(identity.describedStates) is already declared "
                            + "differently at \(earlier.location); give one a different description or provider state"))
                }
                continue
            }
            seen[identity] = result
            compiled.append(result)
        }
        if declared.isEmpty && errors.isEmpty {
            let call = synchronous ? "synchronousMessage(_:)" : "expectsToReceive(_:)"
            errors.append(PactUsageError(location: runLocation, reason: "no messages are declared for this call; "
                                         + "declare them with \(call) first"))
        }
        guard errors.isEmpty else { throw fail(errors.map(RunFailures.usage)) }
        return compiled
    }

    /// Writes the pact when nothing failed; otherwise reports the failures and throws them.
    private func finish(_ messages: [CompiledMessage], failures: [PactFailure], at runLocation: PactSourceLocation) throws {
        var failures = failures
        if failures.isEmpty, !messages.isEmpty {
            do {
                try PactFileWriter.write(PactFileWriter.Request(
                    consumer: consumer, provider: provider, version: specVersion, mode: effectiveWriteMode,
                    directory: PactFileLocation.directory(configured: directory),
                    interactions: messages.map { ($0.interaction, $0.location) }))
            } catch {
                failures.append(PactFailure(kind: .pactFile, message: "Pact file not written: \(error)", location: runLocation))
            }
        }
        if !failures.isEmpty { throw fail(failures) }
    }

    private var effectiveWriteMode: PactWriteMode {
        ProcessInfo.processInfo.environment["PACT_OVERWRITE"]?.lowercased() == "true" ? .overwrite : writeMode
    }

    private func fail(_ failures: [PactFailure]) -> PactRunError {
        let reporter = self.reporter ?? AutomaticFailureReporter()
        for failure in failures { reporter.report(failure) }
        return PactRunError(failures: failures)
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
