import Foundation

/// A request sent while an interaction was verified (to the provider, its state change URL or its message endpoint)
/// and the response it answered, kept when `VerifierConfiguration.recordsExchanges` is set so
/// `renderConsole(colour:verbose:)` can show them. Bodies are kept up to `RecordedExchange.bodyLimit` bytes with their
/// full size.
public struct RecordedExchange: Sendable {
    /// How much of each body is kept and shown: 4 KiB.
    public static let bodyLimit = 4096

    /// What the request was for.
    public var purpose: Purpose

    /// The request as sent, after custom headers and the request filter.
    public var request: Request
    /// The response, or nil when none came (connection refused, timeout, …).
    public var response: Response?

    /// A request sent.
    public struct Request: Sendable {
        /// The HTTP method.
        public var method: String
        /// The absolute URL.
        public var url: String
        /// Header lines in the order sent.
        public var headers: [HeaderLine]
        /// The body, up to `bodyLimit` bytes.
        public var body: RecordedBody
    }

    /// A response received.
    public struct Response: Sendable {
        /// The status code.
        public var status: Int
        /// Header lines in the order received.
        public var headers: [HeaderLine]
        /// The body, up to `bodyLimit` bytes.
        public var body: RecordedBody
    }

    /// What a recorded request was for.
    public enum Purpose: Sendable, Hashable {
        /// The interaction's request to the provider.
        case providerRequest
        /// A call to the state change URL: `setup` or `teardown` of the named state.
        case stateChange(action: String, state: String)
        /// The request asking the message endpoint for a message.
        case messageRequest

        /// How the console report introduces the request.
        var heading: String {
            switch self {
            case .providerRequest: "Request sent:"
            case .stateChange(let action, let state): "State change sent (\(action) of '\(state)'):"
            case .messageRequest: "Message request sent:"
            }
        }
    }

    /// One header line.
    public struct HeaderLine: Sendable, Hashable {
        /// The name as written.
        public var name: String
        /// The value.
        public var value: String
    }
}

/// A body kept up to `RecordedExchange.bodyLimit` bytes, with its full size.
public struct RecordedBody: Sendable, Hashable {
    /// The first bytes of the body.
    public var prefix: Data
    /// The size of the whole body.
    public var totalBytes: Int

    /// Keeps the first `limit` bytes of `data`.
    public init(_ data: Data, limit: Int = RecordedExchange.bodyLimit) {
        prefix = data.prefix(limit)
        totalBytes = data.count
    }

    /// Bytes not kept.
    public var omittedBytes: Int { totalBytes - prefix.count }
}

extension RecordedExchange.Request {
    init(_ request: ProviderRequest) {
        method = request.method
        url = request.url.absoluteString
        headers = request.headers.map { RecordedExchange.HeaderLine(name: $0.name, value: $0.value) }
        body = RecordedBody(request.body ?? Data())
    }
}
