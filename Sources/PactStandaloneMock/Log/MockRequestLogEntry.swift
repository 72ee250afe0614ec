import Foundation
import PactMatching
import PactModel
import PactMockServer

/// What became of a request to a standalone mock.
public enum RequestOutcome: Sendable {
    /// An interaction answered; `alternatives` could have answered too.
    case matched(InteractionSummary, alternatives: [InteractionSummary], selection: StateSelection)
    /// The closest interaction for the method and path, and how the request differs from it.
    case mismatched(closest: InteractionSummary, mismatches: [Mismatch])
    /// No interaction has the method and path; the one sharing the most of the path, if any, and the differences.
    case unexpected(closest: InteractionSummary?, mismatches: [Mismatch])
    /// A CORS pre-flight no interaction covers, answered with 204.
    case preflight

    /// Mismatched and unexpected requests fail a verification.
    public var isFailure: Bool {
        switch self {
        case .mismatched, .unexpected: true
        case .matched, .preflight: false
        }
    }

    /// The `X-Pact` header value of a failure.
    public var pactHeader: String? {
        switch self {
        case .mismatched: "Request-Mismatch"
        case .unexpected: "Unexpected-Request"
        case .matched, .preflight: nil
        }
    }
}

/// One request in the log.
public struct MockRequestLogEntry: Sendable {
    /// 1 for the first request since start (clearing the log does not restart the count).
    public var sequence: Int
    /// When the request arrived.
    public var time: Date
    /// The request method, as sent.
    public var method: String
    /// The percent-decoded path.
    public var path: String
    /// The raw query, without `?`.
    public var query: String?
    /// The status answered.
    public var status: Int
    /// Which interaction answered, or why none did.
    public var outcome: RequestOutcome

    /// Builds an entry; `sequence` is 0 until the log records it, and `time` defaults to now.
    public init(
        sequence: Int = 0, time: Date = Date(), method: String, path: String, query: String?, status: Int,
        outcome: RequestOutcome
    ) {
        self.sequence = sequence
        self.time = time
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.outcome = outcome
    }

    /// `GET /items?page=2`.
    public var requestLine: String {
        RequestLine.text(method: method, path: path, query: query)
    }
}
