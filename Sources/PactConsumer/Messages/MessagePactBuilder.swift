import Foundation
import PactModel

/// Declares the messages a consumer handles and checks its handlers with them, then writes the pact file when every
/// handler call succeeded: message pacts (V3 `messages`, V4 `Asynchronous/Messages` and `Synchronous/Messages`).
///
/// ```swift
/// let pact = MessagePactBuilder(consumer: "audit-log", provider: "data-lpa-codes")
/// pact.expectsToReceive("an activation code revoked event")
///     .given("the activation key H9CW4XBJ6RKP exists")
///     .withContents(["code": "H9CW4XBJ6RKP", "revokedAt": .datetime("yyyy-MM-dd'T'HH:mm:ss", example: "2026-01-05T10:00:00")])
///     .withMetadata(["topic": .regex(#"codes\.[a-z]+"#, example: "codes.revoked")])
/// try await pact.verifyMessages { message in
///     try auditLog.handle(message)
/// }
/// ```
///
/// The file is the same `<consumer>-<provider>.json` the HTTP `PactBuilder` writes: with V4, one file holds the HTTP
/// and message interactions of a pair, merged as for HTTP. The builder is safe to share between tasks; each verify
/// call consumes the messages declared since the previous one.
public final class MessagePactBuilder: Sendable {
    /// The consumer's name, as written in the pact file and its file name.
    public let consumer: String
    /// The provider's name, as written in the pact file and its file name.
    public let provider: String
    /// `.v4` (default) or `.v3`; V3 holds asynchronous messages only, in a `messages` array.
    public let specVersion: PactSpecVersion
    /// Where the pact file goes. nil: `$PACT_OUTPUT_DIR`, else `pacts/` under the current directory.
    public let directory: URL?
    /// How an existing pact file is treated; `PACT_OVERWRITE=true` forces `.overwrite`.
    public let writeMode: PactWriteMode
    /// Receives the failures of a verify call; nil picks XCTest or Swift Testing, whichever runs the test.
    public let reporter: (any PactFailureReporter)?

    let state = Locked(State())
    let location: PactSourceLocation

    struct State {
        var nextID = 0
        var messages: [DeclaredMessage] = []
        var errors: [PactUsageError] = []
    }

    /// Builds a V4 message builder that merges into the default pact directory. Empty names and versions other than
    /// V3/V4 fail every verify call, reported at this line.
    public init(
        consumer: String, provider: String, directory: URL? = nil, specVersion: PactSpecVersion = .v4,
        writeMode: PactWriteMode = .merge, reporter: (any PactFailureReporter)? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.consumer = consumer
        self.provider = provider
        self.directory = directory
        self.specVersion = specVersion
        self.writeMode = writeMode
        self.reporter = reporter
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.location = location
        let errors = DeclarationChecks.builderErrors(consumer: consumer, provider: provider, specVersion: specVersion,
                                                     at: location)
        state.withLock { $0.errors = errors }
    }

    /// Starts declaring an asynchronous message the consumer receives: its contents (`withContents`) and metadata
    /// (`withMetadata`). Check the consumer's handler with it in `verifyMessages`.
    @discardableResult
    public func expectsToReceive(
        _ description: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        function: String = #function
    ) -> AsynchronousMessageBuilder {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        return AsynchronousMessageBuilder(pact: self, id: declare(description, synchronous: false, at: location, function: function))
    }

    /// Starts declaring a synchronous message exchange (Pact V4): the request the consumer sends
    /// (`withRequest(contents:…)`) and the responses it expects (`willRespondWith(contents:…)`). Check the consumer's
    /// code with it in `verifySynchronousMessages`.
    @discardableResult
    public func synchronousMessage(
        _ description: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        function: String = #function
    ) -> SynchronousMessageBuilder {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let id = declare(description, synchronous: true, at: location, function: function)
        if let error = DeclarationChecks.requireV4("a synchronous message", version: specVersion, interaction: description,
                                                   at: location) {
            update(id) { $0.errors.append(error) }
        }
        return SynchronousMessageBuilder(pact: self, id: id)
    }

    /// Every usage error declared so far, in declaration order.
    public var usageErrors: [PactUsageError] {
        state.withLock { $0.errors + $0.messages.flatMap(\.errors) }
    }

    private func declare(_ description: String, synchronous: Bool, at location: PactSourceLocation, function: String) -> Int {
        let testName = TestFramework.currentTestName ?? function
        return state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            var declared = DeclaredMessage(id: id, description: description, location: location, synchronous: synchronous)
            if specVersion >= .v4 { declared.comments["testname"] = .string(testName) }
            if description.trimmingCharacters(in: .whitespaces).isEmpty {
                declared.errors.append(PactUsageError(location: location, reason: "the message description must not be empty"))
            }
            state.messages.append(declared)
            return id
        }
    }

    func update(_ id: Int, _ change: (inout DeclaredMessage) -> Void) {
        state.withLock { state in
            guard let index = state.messages.firstIndex(where: { $0.id == id }) else { return }
            change(&state.messages[index])
        }
    }

    /// Takes the declared messages and the builder's errors, leaving no messages for the next test.
    func takeDeclarations() -> (messages: [DeclaredMessage], errors: [PactUsageError]) {
        state.withLock { state in
            let taken = (state.messages, state.errors)
            state.messages = []
            return taken
        }
    }
}
