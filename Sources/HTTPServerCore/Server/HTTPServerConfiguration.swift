import Foundation

/// Where and how an `HTTPServer` listens.
public struct HTTPServerConfiguration: Sendable {
    /// The address to bind; loopback by default so tests never expose a port.
    public var host: String
    /// The port to bind; 0 lets the OS pick a free one (read it back from `HTTPServer.port`).
    public var port: Int
    /// Requests whose body is larger get 413 and the connection is closed.
    public var maxBodyBytes: Int
    /// The listen backlog: connections the OS queues before they are accepted.
    public var backlog: Int
    /// How long `shutdown()` lets in-flight requests finish before closing their connections.
    public var shutdownGracePeriod: Duration
    /// Timeouts for idle connections, request heads and bodies, and the most connections open at once.
    public var connectionLimits: HTTPConnectionLimits
    /// Where the server's own diagnostics go (e.g. reaching the connection limit), one line per call; standard error
    /// by default.
    public var log: @Sendable (String) -> Void
    /// The 413 answer to a body over `maxBodyBytes` (the limit is passed in), so a service can answer in its own
    /// error format; plain text by default. The connection is closed after it.
    public var oversizedBodyResponse: @Sendable (_ limit: Int) -> ServerResponse
    /// TLS for every connection (the URL then says `https`); nil, the default, serves plain HTTP.
    public var tls: HTTPServerTLS?

    /// A configuration; by default loopback on an OS-chosen port, an 8 MiB body limit, a backlog of 256, a 2-second
    /// grace period, the default `HTTPConnectionLimits`, diagnostics on standard error, a plain-text 413 and no TLS.
    public init(
        host: String = "127.0.0.1", port: Int = 0, maxBodyBytes: Int = 8 * 1024 * 1024, backlog: Int = 256,
        shutdownGracePeriod: Duration = .seconds(2), connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits(),
        log: @escaping @Sendable (String) -> Void = HTTPServerConfiguration.standardErrorLog,
        oversizedBodyResponse: @escaping @Sendable (_ limit: Int) -> ServerResponse = { limit in
            .text("request body larger than \(limit) bytes\n", status: 413)
        },
        tls: HTTPServerTLS? = nil
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.backlog = backlog
        self.shutdownGracePeriod = shutdownGracePeriod
        self.connectionLimits = connectionLimits
        self.log = log
        self.oversizedBodyResponse = oversizedBodyResponse
        self.tls = tls
    }

    /// Writes `line` and a newline to standard error in one write, so concurrent lines never interleave.
    public static func standardErrorLog(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// What answers requests.
public enum RequestHandler: Sendable {
    /// Runs on the connection's event loop: for fast handlers that never block or wait (the mock provider).
    case immediate(@Sendable (ServerRequest) -> ServerResponse)
    /// Runs as a Swift concurrency task, for handlers that await or block (a database-backed service). The task is
    /// cancelled when the client disconnects first.
    case async(@Sendable (ServerRequest) async -> ServerResponse)
    /// Runs as a Swift concurrency task that prefers the connection's event loop as its executor, for handlers that
    /// await but never block (work that blocks goes to an executor of its own, as a SQLite store's queue does): no
    /// thread of the cooperative pool is woken to start the task, to resume it, or to hand its response back. The
    /// task is cancelled when the client disconnects first.
    case asyncOnEventLoop(@Sendable (ServerRequest) async -> ServerResponse)
}

/// Why a server could not start.
public enum HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration has a value out of range (`field` names it).
    case invalidConfiguration(field: String, reason: String)
    /// The OS refused the address, e.g. the port is in use.
    case bindFailed(host: String, port: Int, reason: String)

    /// A one-line message for logs and startup failures.
    public var description: String {
        switch self {
        case .invalidConfiguration(let field, let reason): "invalid HTTP server configuration: \(field) \(reason)"
        case .bindFailed(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
