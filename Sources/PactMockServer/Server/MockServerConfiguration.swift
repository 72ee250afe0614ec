import PactModel

/// How a `MockServer` listens and matches.
public struct MockServerConfiguration: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    /// The port to bind; 0 (the default) lets the OS pick a free one, so parallel tests never clash.
    public var port: Int
    /// Answer `OPTIONS` pre-flight requests that match no interaction with 204 and CORS headers, and add CORS
    /// headers to every response (for browser clients).
    public var corsPreflight: Bool
    /// The specification version requests are matched by.
    public var specVersion: PactSpecVersion
    /// Matched requests kept in full in `verification().matched`; later ones are only counted, so a long load test
    /// does not grow memory without bound. Mismatched and unexpected requests are always kept.
    public var maxRecordedMatches: Int
    /// Requests with a larger body get 413.
    public var maxBodyBytes: Int
    /// Requests with more header fields get 431.
    public var maxHeaderCount: Int
    /// Serve https instead of plain HTTP (`MockServer.certificate` then holds what the client must trust).
    public var tls: MockServerTLS?

    /// Builds a configuration: loopback on an OS-chosen port, no CORS, V4 matching, 10,000 matches kept in full,
    /// bodies up to 8 MiB and 100 header fields, plain HTTP, unless told otherwise.
    public init(
        host: String = "127.0.0.1", port: Int = 0, corsPreflight: Bool = false, specVersion: PactSpecVersion = .v4,
        maxRecordedMatches: Int = 10_000, maxBodyBytes: Int = 8 * 1024 * 1024,
        maxHeaderCount: Int = 100, tls: MockServerTLS? = nil
    ) {
        self.host = host
        self.port = port
        self.corsPreflight = corsPreflight
        self.specVersion = specVersion
        self.maxRecordedMatches = maxRecordedMatches
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderCount = maxHeaderCount
        self.tls = tls
    }
}
