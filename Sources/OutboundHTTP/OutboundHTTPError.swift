/// Why an outbound request produced no complete response, in words a user can act on.
public struct OutboundHTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; callers map kinds to exit codes and report categories.
    public enum Kind: Sendable, Equatable {
        /// The request was refused before sending (non-token method, CR/LF in a header, not an http(s) URL).
        case invalidRequest
        /// Nothing listens at the address, or the host name does not resolve.
        case unreachable
        /// No complete response within the timeout.
        case timeout
        /// The response body exceeded the size cap.
        case bodyTooLarge
        /// The TLS handshake failed (certificate not trusted, wrong host name, not TLS).
        case tls
        /// The peer answered with something that is not HTTP/1.x.
        case notHTTP
        /// The connection broke while sending or receiving.
        case connection
        /// The request was cancelled by the caller.
        case cancelled
    }

    /// The kind of failure.
    public var kind: Kind
    /// `METHOD url` of the request.
    public var target: String
    /// What happened, cause first, without the target.
    public var reason: String

    /// An error for `target`.
    public init(kind: Kind, target: String, reason: String) {
        self.kind = kind
        self.target = target
        self.reason = reason
    }

    /// `target: reason`.
    public var description: String { "\(target): \(reason)" }
}
