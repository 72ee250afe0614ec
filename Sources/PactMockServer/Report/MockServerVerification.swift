import PactMatching
import PactModel

/// A request that matched an interaction exactly.
public struct MatchedRequest: Sendable, Hashable {
    public var request: HTTPRequest
    /// The interaction's description.
    public var interaction: String
    /// The interaction's position in the list the server was started with.
    public var interactionIndex: Int

    public init(request: HTTPRequest, interaction: String, interactionIndex: Int) {
        self.request = request
        self.interaction = interaction
        self.interactionIndex = interactionIndex
    }
}

/// A request with an interaction for its method and path that differed in something else.
public struct MismatchedRequest: Sendable, Hashable {
    public var request: HTTPRequest
    /// The description of the closest interaction (fewest mismatches).
    public var interaction: String
    public var interactionIndex: Int
    /// How the request differs from that interaction's.
    public var mismatches: [Mismatch]

    public init(request: HTTPRequest, interaction: String, interactionIndex: Int, mismatches: [Mismatch]) {
        self.request = request
        self.interaction = interaction
        self.interactionIndex = interactionIndex
        self.mismatches = mismatches
    }
}

/// A request no interaction expects: none has its method and path (exactly or by a path rule).
public struct UnexpectedRequest: Sendable, Hashable {
    public var request: HTTPRequest

    public init(request: HTTPRequest) {
        self.request = request
    }
}

/// What a mock server saw, at one moment.
public struct MockServerVerification: Sendable {
    /// Matched requests in arrival order; past `MockServerConfiguration.maxRecordedMatches` they are only counted.
    public var matched: [MatchedRequest]
    /// How many requests matched, including those not kept in `matched`.
    public var matchedCount: Int
    public var mismatched: [MismatchedRequest]
    public var unexpected: [UnexpectedRequest]
    /// Interactions never matched by any request, in their original order.
    public var missing: [HTTPInteraction]
    /// Problems that did not fail a request, such as a response generator that kept its example value.
    public var warnings: [String]
    /// The server's base URL, for the report.
    public var serverURL: String?

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
    public var report: String { VerificationReport.render(self) }
}
