import Foundation
import PactModel

/// How a pact file that already exists is treated when a passing test writes its interactions.
public enum PactWriteMode: Sendable, Hashable {
    /// Keep the file's other interactions; replace those with the same description and provider states.
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
///     .withRequest(.post, "/v1/validate", body: ["code": .regex(#"[A-Z0-9]{12}"#, example: "YSR5GNXKXAU3")])
///     .willRespondWith(status: 200, body: ["actor": .like("700000000054")])
/// try await pact.run { mockServer in
///     try await CodesClient(baseURL: mockServer.url).validate(code: "YSR5GNXKXAU3")
/// }
/// ```
///
/// The builder is safe to share between tasks. Each `run` consumes the interactions declared since the previous one,
/// so one builder can serve several tests. Interactions declared and never `run` fail the test that declared them,
/// at their `uponReceiving` line, when it ends: a forgotten `run` would otherwise pass while checking nothing.
public final class PactBuilder: Sendable {
    /// The consumer's name, as written in the pact file and its file name.
    public let consumer: String
    /// The provider's name, as written in the pact file and its file name.
    public let provider: String
    /// The Pact specification version of the file and of the mock provider's matching: `.v4` (default) or `.v3`.
    public let specVersion: PactSpecVersion
    /// Where the pact file goes. nil: `$PACT_OUTPUT_DIR`, else `pacts/` under the current directory (for
    /// `swift test`, the package root).
    public let directory: URL?
    /// How an existing pact file is treated; `PACT_OVERWRITE=true` forces `.overwrite`.
    public let writeMode: PactWriteMode
    /// Where the mock provider listens: 127.0.0.1 and an OS-chosen port by default.
    public let host: String
    /// The mock provider's port; 0 lets the OS choose, so parallel tests never clash.
    public let port: Int
    /// Whether the mock provider answers CORS pre-flight `OPTIONS` requests itself.
    public let corsPreflight: Bool
    /// Receives the failures of `run`; nil picks XCTest or Swift Testing, whichever runs the test.
    public let reporter: (any PactFailureReporter)?

    let state = Locked(State())
    let location: PactSourceLocation

    struct State {
        var nextID = 0
        var interactions: [DeclaredInteraction] = []
        var errors: [PactUsageError] = []
        /// The XCTest test case whose end already checks this builder for interactions never run.
        var checkedTestCase: ObjectIdentifier?
    }

    /// Builds a V4 builder that merges into the default pact directory and mocks on 127.0.0.1 at an OS-chosen port.
    /// Empty names, versions other than V3/V4 and invalid ports fail every `run`, reported at this line.
    public init(
        consumer: String, provider: String, directory: URL? = nil, specVersion: PactSpecVersion = .v4,
        writeMode: PactWriteMode = .merge, host: String = "127.0.0.1", port: Int = 0, corsPreflight: Bool = false,
        reporter: (any PactFailureReporter)? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        self.consumer = consumer
        self.provider = provider
        self.directory = directory
        self.specVersion = specVersion
        self.writeMode = writeMode
        self.host = host
        self.port = port
        self.corsPreflight = corsPreflight
        self.reporter = reporter
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.location = location
        var errors: [PactUsageError] = []
        if consumer.trimmingCharacters(in: .whitespaces).isEmpty || provider.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(PactUsageError(location: location, reason: "the consumer and provider names must not be empty"))
        }
        if specVersion != .v3 && specVersion != .v4 {
            errors.append(PactUsageError(location: location, reason: "pact files are written as V3 or V4, not \(specVersion)"))
        }
        if !(0...65535).contains(port) {
            errors.append(PactUsageError(location: location, reason: "port \(port) is not a TCP port (0 lets the OS choose)"))
        }
        state.withLock { $0.errors = errors }
        EndOfTest.prepare()
    }

    deinit {
        reportInteractionsNeverRun()
    }

    /// Starts declaring an interaction: what the consumer sends (`withRequest`) and what it gets back
    /// (`willRespondWith`). The test name recorded with it defaults to the running test.
    @discardableResult
    public func uponReceiving(
        _ description: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column,
        function: String = #function
    ) -> PactInteractionBuilder {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let testName = TestFramework.currentTestName ?? function
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            var declared = DeclaredInteraction(id: id, description: description, location: location)
            if specVersion >= .v4 { declared.comments["testname"] = .string(testName) }
            if description.trimmingCharacters(in: .whitespaces).isEmpty {
                declared.errors.append(PactUsageError(location: location, reason: "the interaction description must not be empty"))
            }
            state.interactions.append(declared)
            return id
        }
        let checked = state.withLock { $0.checkedTestCase }
        let arranged = EndOfTest.arrangeCheck(alreadyArranged: checked) { [weak self] in self?.reportInteractionsNeverRun() }
        if arranged != checked { state.withLock { $0.checkedTestCase = arranged } }
        return PactInteractionBuilder(pact: self, id: id)
    }

    /// The interactions declared so far without usage errors, as they will be served and written.
    public var interactions: [HTTPInteraction] {
        state.withLock { $0.interactions.filter(\.errors.isEmpty).map(\.interaction) }
    }

    /// Every usage error declared so far, in line order (as `run` reports them).
    public var usageErrors: [PactUsageError] {
        RunPreparation.inLineOrder(state.withLock { $0.errors + $0.interactions.flatMap(\.errors) })
    }

    /// Applies `change` to the declared interaction `id`.
    func update(_ id: Int, _ change: (inout DeclaredInteraction) -> Void) {
        state.withLock { state in
            guard let index = state.interactions.firstIndex(where: { $0.id == id }) else { return }
            change(&state.interactions[index])
        }
    }

    /// Fails the test for interactions declared since the last `run`, at the first one's `uponReceiving`, and forgets
    /// them: one failure for the forgotten `run`, however many interactions it left unchecked.
    func reportInteractionsNeverRun() {
        let pending = state.withLock { state in
            defer { state.interactions = [] }
            return state.interactions
        }
        guard let first = pending.first else { return }
        let names = pending.map { "'\($0.description)'" }.joined(separator: ", ")
        let subject = pending.count == 1 ? "interaction \(names) was" : "interactions \(names) were"
        (reporter ?? AutomaticFailureReporter()).report(PactFailure(
            kind: .notRun, interaction: first.description,
            message: "Pact: \(subject) declared but never run, so nothing was checked and no pact was written; call "
                + "run(_:) on the PactBuilder with the code that sends the requests",
            location: first.location))
    }

    /// Takes the declared interactions and errors, leaving the builder empty for the next test.
    func takeDeclarations() -> (interactions: [DeclaredInteraction], errors: [PactUsageError]) {
        state.withLock { state in
            let taken = (state.interactions, state.errors)
            state.interactions = []
            // Builder-level errors (bad names, versions) stay: every run of this builder fails on them.
            return taken
        }
    }
}

/// One interaction as declared, with the places it was declared at.
struct DeclaredInteraction: Sendable {
    let id: Int
    var description: String
    var location: PactSourceLocation
    var states: [ProviderState] = []
    var request: HTTPRequest?
    var requestLocation: PactSourceLocation?
    var response = HTTPResponse(status: 200)
    var responseLocation: PactSourceLocation?
    var pending = false
    var comments: [String: JSONValue] = [:]
    var errors: [PactUsageError] = []

    var interaction: HTTPInteraction {
        HTTPInteraction(
            info: InteractionInfo(description: description, providerStates: states, pending: pending, comments: comments),
            request: request ?? HTTPRequest(), response: response)
    }

    var identity: InteractionIdentity { InteractionIdentity(description: description, states: states) }
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
