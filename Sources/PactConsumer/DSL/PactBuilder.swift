import Foundation
import PactModel

/// How a pact file that already exists is treated when a passing test writes its interactions.
public enum PactWriteMode: Sendable, Hashable {
    /// Keep the file's other interactions; replace those with the same description and provider states, or the
    /// same explicit key (`.key(_:)`).
    case merge
    /// Start the file afresh the first time this test run writes it, then merge the run's later writes into it, so
    /// interactions deleted from the tests do not linger. A run is one `swift test` invocation (all its test
    /// processes); set `PACT_RUN_ID` to group processes differently.
    case overwrite
}

/// Declares the interactions between a consumer and a provider, runs the consumer's code against a mock provider,
/// and writes the pact file when everything matched.
///
/// ```swift
/// let pact = PactBuilder(consumer: "use-an-lpa", provider: "data-lpa-codes")
/// pact.uponReceiving("a request to validate a code")
///     .given("the activation key exists", ["code": "YSR5GNXKXAU3"])
///     .withRequest(.post, "/v1/validate", body: ["lpa": "700000000047", "dob": "1960-06-05",
///                                                "code": .regex(#"[A-Z0-9]{12}"#, example: "YSR5GNXKXAU3")])
///     .willRespondWith(status: 200, body: ["actor": .like("700000000054")])
/// try await pact.run { mockServer in
///     let validation = try await CodesClient(baseURL: mockServer.url)
///         .validate(lpa: "700000000047", dob: "1960-06-05", code: "YSR5GNXKXAU3")
///     XCTAssertEqual(validation.actor, "700000000054")
/// }
/// ```
///
/// The builder is safe to share between tasks. Each `run` consumes the interactions declared since the previous one,
/// so one builder can serve several tests. Interactions declared and never `run` fail the test that declared them,
/// at their `uponReceiving` line, when it ends: a forgotten `run` would otherwise pass while checking nothing.
public final class PactBuilder: Sendable {
    /// The consumer's name, as written in the pact file and its file name.
    public var consumer: String { core.consumer }
    /// The provider's name, as written in the pact file and its file name.
    public var provider: String { core.provider }
    /// The Pact specification version of the file and of the mock provider's matching: `.v4` (default), `.v3`, or
    /// `.v2`, `.v1_1`, `.v1` for tools that read only those (what they cannot hold is a usage error).
    public var specVersion: PactSpecVersion { core.specVersion }
    /// Where the pact file goes. nil: `$PACT_OUTPUT_DIR`, else `pacts/` under the current directory (for
    /// `swift test`, the package root).
    public var directory: URL? { core.directory }
    /// How an existing pact file is treated; `PACT_OVERWRITE=true` forces `.overwrite`.
    public var writeMode: PactWriteMode { core.writeMode }
    /// Where the mock provider listens: 127.0.0.1 and an OS-chosen port by default.
    public let host: String
    /// The mock provider's port; 0 lets the OS choose, so parallel tests never clash.
    public let port: Int
    /// Whether the mock provider answers CORS pre-flight `OPTIONS` requests itself.
    public let corsPreflight: Bool
    /// Whether the mock provider serves https, and with which certificate (nil: plain HTTP). `.selfSigned` is made
    /// once, when the builder is, so every run presents the same certificate: `mockServer.certificate` in `run` gives
    /// it to the client under test.
    public let tls: MockServerTLS?
    /// Receives the failures of `run`; nil picks XCTest or Swift Testing, whichever runs the test.
    public var reporter: (any PactFailureReporter)? { core.reporter }

    let core: BuilderCore<DeclaredInteraction>

    /// Builds a V4 builder that merges into the default pact directory and mocks on 127.0.0.1 at an OS-chosen port,
    /// over plain HTTP unless `tls` says otherwise. Empty names, invalid ports and a `tls` certificate that cannot be
    /// made fail every `run`, reported at this line; an unreadable or mismatched certificate or key file fails the run
    /// that starts the mock.
    public init(
        consumer: String, provider: String, directory: URL? = nil, specVersion: PactSpecVersion = .v4,
        writeMode: PactWriteMode = .merge, host: String = "127.0.0.1", port: Int = 0, corsPreflight: Bool = false,
        tls: MockServerTLS? = nil, reporter: (any PactFailureReporter)? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.host = host
        self.port = port
        self.corsPreflight = corsPreflight
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        var extraErrors = (0...65535).contains(port) ? [] : [
            PactUsageError(location: location, reason: "port \(port) is not a TCP port (0 lets the OS choose)"),
        ]
        do {
            self.tls = try tls?.resolved()
        } catch {
            self.tls = tls
            extraErrors.append(PactUsageError(location: location, reason: "tls: \(error)"))
        }
        core = BuilderCore(
            consumer: consumer, provider: provider, directory: directory, specVersion: specVersion, writeMode: writeMode,
            reporter: reporter, wording: Self.wording, location: location, extraErrors: extraErrors)
    }

    private static let wording = BuilderCore<DeclaredInteraction>.Wording(
        noun: "interaction", withArticle: "an interaction", ranVerb: "run",
        neverRunAdvice: { _ in "call run(_:) on the PactBuilder with the code that sends the requests" })

    /// Starts declaring an interaction: what the consumer sends (`withRequest`) and what it gets back
    /// (`willRespondWith`). The test name recorded with it defaults to the running test.
    @discardableResult
    public func uponReceiving(
        _ description: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        function: String = #function
    ) -> PactInteractionBuilder {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let id = core.declare(description, at: location, function: function) { DeclaredInteraction(info: $0) }
        return PactInteractionBuilder(pact: self, id: id)
    }

    /// The interactions declared so far without usage errors, as they will be served and written.
    public var interactions: [HTTPInteraction] {
        core.declaredWithoutErrors.map(\.interaction)
    }

    /// Every usage error declared so far, in line order (as `run` reports them).
    public var usageErrors: [PactUsageError] { core.usageErrors }
}

/// One HTTP interaction as declared, with the places it was declared at.
struct DeclaredInteraction: DeclaredItem, CompiledDeclaration {
    var info: DeclaredInfo
    var request: PactRequest?
    var requestLocation: PactSourceLocation?
    var response = PactResponse(status: 200)
    var responseLocation: PactSourceLocation?

    init(info: DeclaredInfo) { self.info = info }

    var interaction: HTTPInteraction {
        HTTPInteraction(info: info.interactionInfo, request: request ?? PactRequest(), response: response)
    }

    var pactInteraction: Interaction { .http(interaction) }
}

/// What makes two interactions "the same" for merging: the description and the provider states with their params.
struct InteractionIdentity: Hashable, Sendable, CustomStringConvertible {
    var description: String
    var states: [ProviderState]

    init(description: String, states: [ProviderState]) {
        self.description = description
        self.states = states
    }

    init(_ info: InteractionInfo) { self.init(description: info.description, states: info.providerStates) }

    /// A total order: description first, then the states as canonical JSON.
    var sortKey: String {
        let states = JSONValue.array(self.states.map { .object(["name": .string($0.name), "params": .object($0.params)]) })
        return description + "\u{0}" + JSONWriter.compact(states)
    }

    var describedStates: String {
        states.isEmpty ? "no provider state" : "provider states " + states.map { "'\($0.name)'" }.joined(separator: ", ")
    }
}
