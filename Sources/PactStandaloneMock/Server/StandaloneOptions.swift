/// How a standalone mock answers and records.
public struct StandaloneOptions: Sendable {
    /// Answer pre-flight `OPTIONS` requests no interaction covers with 204, and add CORS headers to every response.
    public var cors: Bool
    /// The request header whose value names the provider state to answer with.
    public var providerStateHeader: String
    /// Requests kept in the request log (the newest); failures are kept apart, up to the same number.
    public var logLimit: Int
    /// Remember which interaction answered each distinct request (byte for byte), so a repeated request skips
    /// matching. Off only to measure or debug matching itself.
    public var memoizeMatches: Bool
    /// Requests with more header fields get 431.
    public var maxHeaderCount: Int
    /// The bytes of a mismatch's expected or actual value (often a whole body) kept in the log and echoed in a 500;
    /// longer values keep a prefix and their total size.
    public var maxEchoedValueBytes: Int

    /// Builds options: no CORS, state named by `X-Pact-Provider-State`, 10,000 requests logged, matches memoized,
    /// at most 100 header fields, 4 KiB of each echoed value.
    public init(
        cors: Bool = false, providerStateHeader: String = "X-Pact-Provider-State", logLimit: Int = 10_000,
        memoizeMatches: Bool = true, maxHeaderCount: Int = 100, maxEchoedValueBytes: Int = 4 * 1024
    ) {
        self.maxHeaderCount = maxHeaderCount
        self.maxEchoedValueBytes = maxEchoedValueBytes
        self.cors = cors
        self.providerStateHeader = providerStateHeader
        self.logLimit = logLimit
        self.memoizeMatches = memoizeMatches
    }
}
