/// How long a connection may take over each part of a request, and how many may be open at once: what keeps idle,
/// slow or hostile clients from holding connections (and file descriptors) forever.
public struct HTTPConnectionLimits: Sendable, Hashable {
    /// How long a connection may wait for its next request with nothing received; it is then closed without an
    /// answer. It also bounds how long a client may take to read a response.
    public var idleTimeout: Duration
    /// How long a request's head (request line and headers) may take, in total: from its first byte, or from the
    /// connection's opening for the first request. Trickling bytes do not extend it. A late head gets 408 and the
    /// connection is closed (a connection that sent nothing is closed without an answer).
    public var headerTimeout: Duration
    /// How long a request's body may take, in total, from the end of its head. A late body gets 408 and the
    /// connection is closed.
    public var bodyTimeout: Duration
    /// The most connections open at once. Beyond it a new connection gets 503 and is closed at once, and one line is
    /// logged (at most once a minute); the connections already open keep working.
    public var maxConnections: Int

    /// Limits; by default 60 s idle, 10 s for a head, 30 s for a body and 1,024 connections.
    public init(
        idleTimeout: Duration = .seconds(60), headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30), maxConnections: Int = 1024
    ) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
    }
}
