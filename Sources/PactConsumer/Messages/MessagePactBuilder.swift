import Foundation
import PactModel

/// Declares the messages a consumer handles and checks its handlers with them, then writes the pact file when every
/// handler call succeeded: message pacts (V3 `messages`, V4 `Asynchronous/Messages` and `Synchronous/Messages`).
///
/// ```swift
/// let pact = MessagePactBuilder(consumer: "audit-log", provider: "data-lpa-codes")
/// pact.expectsToReceive("an activation code revoked event")
///     .given("the activation key H9CW4XBJ6RKP exists")
///     .withContents(["code": "H9CW4XBJ6RKP", "lpa": "700000000047",
///                    "revokedAt": .datetime("yyyy-MM-dd'T'HH:mm:ss", example: "2026-01-05T10:00:00")])
///     .withMetadata(["topic": .regex(#"codes\.[a-z]+"#, example: "codes.revoked")])
/// try await pact.verifyMessages { message in
///     try auditLog.handle(message)
/// }
/// ```
///
/// The file is the same `<consumer>-<provider>.json` the HTTP `PactBuilder` writes: with V4, one file holds the HTTP
/// and message interactions of a pair, merged as for HTTP. The builder is safe to share between tasks; each verify
/// call consumes the messages declared since the previous one. Messages declared and never verified fail the test that
/// declared them, at their declaring line, when it ends (as `PactBuilder`'s interactions never run do).
public final class MessagePactBuilder: Sendable {
    /// The consumer's name, as written in the pact file and its file name.
    public var consumer: String { core.consumer }
    /// The provider's name, as written in the pact file and its file name.
    public var provider: String { core.provider }
    /// `.v4` (default) or `.v3`; V3 holds asynchronous messages only, in a `messages` array.
    public var specVersion: PactSpecVersion { core.specVersion }
    /// Where the pact file goes. nil: `$PACT_OUTPUT_DIR`, else `pacts/` under the current directory.
    public var directory: URL? { core.directory }
    /// How an existing pact file is treated; `PACT_OVERWRITE=true` forces `.overwrite`.
    public var writeMode: PactWriteMode { core.writeMode }
    /// Receives the failures of a verify call; nil picks XCTest or Swift Testing, whichever runs the test.
    public var reporter: (any PactFailureReporter)? { core.reporter }

    let core: BuilderCore<DeclaredMessage>

    /// Builds a V4 message builder that merges into the default pact directory. Empty names and versions other than
    /// V3/V4 fail every verify call, reported at this line.
    public init(
        consumer: String, provider: String, directory: URL? = nil, specVersion: PactSpecVersion = .v4,
        writeMode: PactWriteMode = .merge, reporter: (any PactFailureReporter)? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        core = BuilderCore(
            consumer: consumer, provider: provider, directory: directory, specVersion: specVersion, writeMode: writeMode,
            reporter: reporter, wording: Self.wording,
            location: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    private static let wording = BuilderCore<DeclaredMessage>.Wording(
        noun: "message", withArticle: "a message", ranVerb: "verified",
        neverRunAdvice: { messages in
            let calls = Set(messages.map { $0.synchronous ? "verifySynchronousMessages(_:)" : "verifyMessages(_:)" })
            let call = calls.sorted().joined(separator: " and ")
            return "call \(call) on the MessagePactBuilder with the consumer's code"
        })

    /// Starts declaring an asynchronous message the consumer receives: its contents (`withContents`) and metadata
    /// (`withMetadata`). Check the consumer's handler with it in `verifyMessages`.
    @discardableResult
    public func expectsToReceive(
        _ description: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        function: String = #function
    ) -> AsynchronousMessageBuilder {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let id = core.declare(description, at: location, function: function) {
            DeclaredMessage(info: $0, synchronous: false)
        }
        return AsynchronousMessageBuilder(pact: self, id: id)
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
        let id = core.declare(description, at: location, function: function) { info in
            var declared = DeclaredMessage(info: info, synchronous: true)
            if let error = DeclarationChecks.requireV4("a synchronous message", version: specVersion,
                                                       interaction: description, at: location) {
                declared.info.errors.append(error)
            }
            return declared
        }
        return SynchronousMessageBuilder(pact: self, id: id)
    }

    /// Every usage error declared so far, in line order (as a verify call reports them).
    public var usageErrors: [PactUsageError] { core.usageErrors }
}
