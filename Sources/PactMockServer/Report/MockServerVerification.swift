import PactMatching
import PactModel

/// A request that matched an interaction exactly.
public struct MatchedRequest: Sendable, Hashable {
    /// The request as it arrived.
    public var request: PactRequest
    /// The interaction's description.
    public var interaction: String
    /// The interaction's position in the list the server was started with.
    public var interactionIndex: Int

    /// Builds a record of `request` matching the interaction at `interactionIndex`.
    public init(request: PactRequest, interaction: String, interactionIndex: Int) {
        self.request = request
        self.interaction = interaction
        self.interactionIndex = interactionIndex
    }
}

/// A request with an interaction for its method and path that differed in something else.
public struct MismatchedRequest: Sendable, Hashable {
    /// The request as it arrived.
    public var request: PactRequest
    /// The description of the closest interaction (fewest mismatches).
    public var interaction: String
    /// That interaction's position in the list the server was started with.
    public var interactionIndex: Int
    /// How the request differs from that interaction's.
    public var mismatches: [Mismatch]

    /// Builds a record of `request` and how it differs from the closest interaction.
    public init(request: PactRequest, interaction: String, interactionIndex: Int, mismatches: [Mismatch]) {
        self.request = request
        self.interaction = interaction
        self.interactionIndex = interactionIndex
        self.mismatches = mismatches
    }
}

/// A request no interaction expects: none has its method and path (exactly or by a path rule).
public struct UnexpectedRequest: Sendable, Hashable {
    /// The request as it arrived.
    public var request: PactRequest

    /// Builds a record of a request no interaction expects.
    public init(request: PactRequest) {
        self.request = request
    }
}

/// What a mock server saw, at one moment.
public struct MockServerVerification: Sendable {
    /// Matched requests in arrival order; past `MockServerConfiguration.maxRecordedMatches` they are only counted.
    public var matched: [MatchedRequest]
    /// How many requests matched, including those not kept in `matched`.
    public var matchedCount: Int
    /// Requests that reached an interaction but differed from it, in arrival order.
    public var mismatched: [MismatchedRequest]
    /// Requests no interaction expects, in arrival order.
    public var unexpected: [UnexpectedRequest]
    /// Interactions never matched by any request, in their original order.
    public var missing: [HTTPInteraction]
    /// Problems that did not fail a request, such as a response generator that kept its example value.
    public var warnings: [String]
    /// The server's base URL, for the report.
    public var serverURL: String?

    /// Builds a verification, empty by default; `matchedCount` defaults to the number of `matched` requests.
    public init(
        matched: [MatchedRequest] = [], matchedCount: Int? = nil, mismatched: [MismatchedRequest] = [],
        unexpected: [UnexpectedRequest] = [], missing: [HTTPInteraction] = [], warnings: [String] = [],
        serverURL: String? = nil
    ) {
        self.matched = matched
        self.matchedCount = matchedCount ?? matched.count
        self.mismatched = mismatched
        self.unexpected = unexpected
        self.missing = missing
        self.warnings = warnings
        self.serverURL = serverURL
    }

    /// True when nothing mismatched, nothing unexpected arrived and every interaction was received.
    public var isSuccess: Bool { mismatched.isEmpty && unexpected.isEmpty && missing.isEmpty }

    /// A readable multi-line account: a summary line, then each problem with the interaction, the JSON path (or
    /// header, query parameter…), expected and actual values.
    public var report: String { MockServerVerificationReport.render(self) }
}
