import OutboundHTTP

/// Why a broker call failed, with the broker's own status and error text when it answered.
public struct BrokerError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; commands map kinds to messages and exit codes.
    public enum Kind: Sendable, Hashable {
        /// Nothing answered (refused, unknown host, connection broken).
        case unreachable
        /// No complete answer within the timeout.
        case timeout
        /// 401 or 403: credentials missing or refused.
        case unauthorized
        /// 404: the resource (pacticipant, version, environment, provider) does not exist.
        case notFound
        /// 409: a conflicting pact publication.
        case conflict
        /// Another 4xx answer: the broker refused the request (validation errors and the like).
        case rejected
        /// A 5xx answer, after any retries.
        case serverError
        /// The answer is not the HAL/JSON the call expects (an HTML page, broken JSON, a missing link).
        case malformedResponse
        /// The broker lacks a relation this call needs (too old, or not permitted).
        case unsupported
        /// The caller's input cannot be sent (not a pact, a bad URL, a CA file that cannot be read).
        case invalidInput
    }

    /// The kind of failure.
    public var kind: Kind
    /// `METHOD url` of the call, when one was made.
    public var target: String?
    /// The HTTP status the broker answered with, if it answered.
    public var status: Int?
    /// The broker's error messages (`errors`, `error`, problem+json `detail`), decoded.
    public var messages: [String]
    /// The broker's notices that came with the error (publish-contracts 409).
    public var notices: [BrokerNotice]
    /// The start of the answer's body, as received, for anything the decoding did not cover.
    public var body: String?
    /// What went wrong, cause first, in words a user can act on.
    public var reason: String

    /// An error; only `kind` and `reason` are required.
    public init(
        kind: Kind, reason: String, target: String? = nil, status: Int? = nil, messages: [String] = [],
        notices: [BrokerNotice] = [], body: String? = nil
    ) {
        self.kind = kind
        self.reason = reason
        self.target = target
        self.status = status
        self.messages = messages
        self.notices = notices
        self.body = body
    }

    /// The reason, the broker's messages, and where.
    public var description: String {
        var text = reason
        if !messages.isEmpty {
            text += ": " + messages.joined(separator: "; ")
        } else if let body, !body.isEmpty, kind != .unauthorized {
            text += ": " + body
        }
        if let target { text += " (\(target))" }
        return text
    }

    static func transport(_ error: OutboundHTTPError) -> BrokerError {
        let kind: Kind = switch error.kind {
        case .timeout: .timeout
        case .invalidRequest: .invalidInput
        case .bodyTooLarge, .notHTTP: .malformedResponse
        default: .unreachable
        }
        let prefix = kind == .unreachable || kind == .timeout ? "cannot reach the Pact Broker: " : ""
        return BrokerError(kind: kind, reason: prefix + error.reason, target: error.target)
    }
}
