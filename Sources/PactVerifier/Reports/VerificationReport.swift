import PactMatching
import PactModel

/// The outcome of one verification run: a result per interaction, grouped by pact, plus the pact sources that could
/// not be read.
public struct VerificationReport: Sendable {
    /// The pacts that were read, in source order.
    public var pacts: [PactResult]
    /// The sources that could not be read or parsed; any of them makes the run an error (exit code 2).
    public var sourceErrors: [SourceError]
    /// How many pacts the consumer filter left out.
    public var pactsFilteredOut: Int
    /// The pacts not verified because they are for another provider than the one verified, in source order.
    public var skippedPacts: [SkippedPact]
    /// Set when the pacts name several providers and no provider name was given: nothing was verified (exit code 2).
    public var mixedProviders: MixedProvidersError?

    /// Builds a report, empty by default; the verifier fills it in as it runs.
    public init(
        pacts: [PactResult] = [], sourceErrors: [SourceError] = [], pactsFilteredOut: Int = 0,
        skippedPacts: [SkippedPact] = [], mixedProviders: MixedProvidersError? = nil
    ) {
        self.pacts = pacts
        self.sourceErrors = sourceErrors
        self.pactsFilteredOut = pactsFilteredOut
        self.skippedPacts = skippedPacts
        self.mixedProviders = mixedProviders
    }

    /// Every interaction result of every pact.
    public var interactions: [InteractionResult] { pacts.flatMap(\.interactions) }

    /// Counts per status.
    public var summary: Summary { Summary(interactions) }

    /// The process exit code: 0 every interaction verified (pending and skipped ones aside), 1 a verification
    /// failed, 2 the run itself went wrong: a pact could not be read, no pact was found, the pacts are for several
    /// providers and none was named, the provider could not be reached, or every interaction's state setup failed or
    /// timed out (a provider that never answers is as broken as one that refuses connections).
    public var exitCode: Int32 {
        if !sourceErrors.isEmpty || pacts.isEmpty || mixedProviders != nil { return 2 }
        let all = interactions
        if all.contains(where: { $0.errors.contains { $0.kind == .providerUnreachable } }) { return 2 }
        let counted = all.filter { !$0.pending && $0.status != .skipped }
        let providerBroken: Set<VerificationError.Kind> = [.stateSetup, .timeout]
        if !counted.isEmpty, counted.allSatisfy({ $0.errors.contains { providerBroken.contains($0.kind) } }) { return 2 }
        return counted.contains { $0.status == .failed || $0.status == .error } ? 1 : 0
    }

    /// How many interactions ended in each status.
    public struct Summary: Sendable, Hashable {
        /// Every interaction that passed the filters, whatever its status.
        public var total = 0
        /// Interactions whose response matched.
        public var passed = 0
        /// Interactions whose response differed from the pact.
        public var failed = 0
        /// Pending interactions that did not verify.
        public var pending = 0
        /// Interactions that were not verified; every kind of interaction is verified today, so this stays 0.
        public var skipped = 0
        /// Interactions that could not be verified at all.
        public var errors = 0

        init(_ results: [InteractionResult]) {
            total = results.count
            for result in results {
                switch result.status {
                case .passed: passed += 1
                case .failed: failed += 1
                case .pendingFailed: pending += 1
                case .skipped: skipped += 1
                case .error: errors += 1
                }
            }
        }
    }
}

/// A pact source that could not be used.
public struct SourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, directory or URL.
    public var source: String
    /// Why, naming the JSON path for malformed pacts.
    public var message: String

    /// Builds an error saying why `source` could not be used.
    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    /// `source: message`, as shown in reports.
    public var description: String { "\(source): \(message)" }
}

/// The results of one pact.
public struct PactResult: Sendable {
    /// The consumer named in the pact.
    public var consumer: String
    /// The provider named in the pact.
    public var provider: String
    /// Where the pact came from (file path or URL), or nil for a pact given in memory.
    public var source: String?
    /// The Pact specification version the pact was written in.
    public var specVersion: PactSpecVersion
    /// The interactions that passed the filters, in file order.
    public var interactions: [InteractionResult]
    /// How many interactions the filters left out.
    public var filteredOut: Int

    /// Builds the results of one pact; `filteredOut` defaults to 0.
    public init(
        consumer: String, provider: String, source: String?, specVersion: PactSpecVersion,
        interactions: [InteractionResult], filteredOut: Int = 0
    ) {
        self.consumer = consumer
        self.provider = provider
        self.source = source
        self.specVersion = specVersion
        self.interactions = interactions
        self.filteredOut = filteredOut
    }
}

/// How an interaction's verification ended.
public enum InteractionStatus: String, Sendable, Hashable, CaseIterable {
    /// The provider's response matched.
    case passed
    /// The response differed: see `mismatches`.
    case failed
    /// A V4 pending interaction that did not verify; it never fails the run.
    case pendingFailed = "pending-failed"
    /// Not verified. Every interaction kind is verified today; the status stays so reports keep their shape.
    case skipped
    /// Verification could not be carried out: state setup failed, the request could not be sent or no response came.
    case error
}

/// The result of verifying one interaction.
public struct InteractionResult: Sendable {
    /// The interaction's description, as written in the pact.
    public var description: String
    /// The provider states set up for the interaction, in pact order.
    public var providerStates: [ProviderState]
    /// The V4 interaction type (`Synchronous/HTTP`, …).
    public var interactionType: String
    /// Whether the interaction is V4 pending, so its failure does not fail the run.
    public var pending: Bool
    /// How the verification ended.
    public var status: InteractionStatus
    /// `METHOD path` of the request sent (or that would have been sent), for the report.
    public var request: String?
    /// How the response differed from the pact, when it did.
    public var mismatches: [Mismatch]
    /// What went wrong besides mismatches: state change failures, transport errors.
    public var errors: [VerificationError]
    /// Warnings and skip reasons.
    public var notes: [String]
    /// V4 `comments` as written in the pact (`testname`, `text`).
    public var comments: [String: JSONValue]
    /// How long verifying the interaction took, state changes included.
    public var duration: Duration
    /// The requests sent (state changes, the provider request, a message request) and the responses received, in
    /// order, when `VerifierConfiguration.recordsExchanges` is set.
    public var exchanges: [RecordedExchange] = []

    /// Builds a result; everything after `status` defaults to empty (and a zero duration).
    public init(
        description: String, providerStates: [ProviderState], interactionType: String, pending: Bool,
        status: InteractionStatus, request: String? = nil, mismatches: [Mismatch] = [], errors: [VerificationError] = [],
        notes: [String] = [], comments: [String: JSONValue] = [:], duration: Duration = .zero
    ) {
        self.description = description
        self.providerStates = providerStates
        self.interactionType = interactionType
        self.pending = pending
        self.status = status
        self.request = request
        self.mismatches = mismatches
        self.errors = errors
        self.notes = notes
        self.comments = comments
        self.duration = duration
    }
}
