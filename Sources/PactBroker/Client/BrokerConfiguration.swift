import Foundation
import OutboundHTTP

/// How to reach a Pact Broker: its base URL (the index resource), credentials, and the limits of every call.
public struct BrokerConfiguration: Sendable {
    /// The broker's base URL; a trailing `/` is dropped, as the pact-broker CLI does.
    public var baseURL: URL
    /// Basic or bearer credentials, or none.
    public var authentication: BrokerAuthentication?
    /// How idempotent calls are retried on connection errors and 5xx answers.
    public var retry: RetryPolicy
    /// The time one call may take, connection to last byte.
    public var timeout: Duration
    /// How HTTPS brokers are trusted.
    public var tls: TLSOptions
    /// How many pacts are downloaded at once.
    public var maxConcurrentDownloads: Int

    /// A configuration with 30 s per call, 4 retries and 4 parallel downloads unless told otherwise.
    public init(
        baseURL: URL, authentication: BrokerAuthentication? = nil, retry: RetryPolicy = RetryPolicy(),
        timeout: Duration = .seconds(30), tls: TLSOptions = TLSOptions(), maxConcurrentDownloads: Int = 4
    ) {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        self.baseURL = URL(string: text) ?? baseURL
        self.authentication = authentication
        self.retry = retry
        self.timeout = timeout
        self.tls = tls
        self.maxConcurrentDownloads = max(1, maxConcurrentDownloads)
    }
}

/// Credentials for the broker: basic auth (the open-source broker) or a bearer token (PactFlow). Never both.
public enum BrokerAuthentication: Sendable, Hashable {
    /// `Authorization: Basic base64(username:password)`.
    case basic(username: String, password: String)
    /// `Authorization: Bearer token`.
    case bearer(token: String)

    /// The `Authorization` header value.
    public var headerValue: String {
        switch self {
        case .basic(let username, let password): "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .bearer(let token): "Bearer \(token)"
        }
    }
}

/// Retries with exponential back-off (`backoff`, twice that, …) for calls that may safely be repeated.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt; 0 disables retrying.
    public var retries: Int
    /// The wait before the first retry; each later wait doubles.
    public var backoff: Duration

    /// Four retries starting at half a second (0.5 s, 1 s, 2 s, 4 s), as the Rust Pact CLIs back off.
    public init(retries: Int = 4, backoff: Duration = .milliseconds(500)) {
        self.retries = max(0, retries)
        self.backoff = backoff
    }

    /// The wait before retry number `attempt` (1-based).
    func delay(beforeRetry attempt: Int) -> Duration {
        backoff * (1 << min(max(attempt - 1, 0), 16))
    }
}
