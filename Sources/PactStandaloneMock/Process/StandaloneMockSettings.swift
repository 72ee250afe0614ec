import HTTPServerCore
import PactMockServer

/// Everything `pactkit mock` is told on its command line, already validated.
public struct StandaloneMockSettings: Sendable {
    /// Where the pacts are read from.
    public var sources: PactSources
    /// The address to bind.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// Reload changed pact files while serving.
    public var watch: Bool
    /// Time between checks for changes with `watch`.
    public var watchInterval: Duration
    /// Interactions with a provider state this pattern matches win ties.
    public var preferredState: ProviderStatePattern?
    /// How requests are answered and recorded.
    public var options: StandaloneOptions
    /// Requests with a larger body get 413.
    public var maxBodyBytes: Int
    /// Timeouts and the connection cap of the HTTP server.
    public var connectionLimits: HTTPConnectionLimits
    /// Serve https: a certificate and key, or `.selfSigned`; nil serves plain HTTP.
    public var tls: MockServerTLS?
    /// With `.selfSigned`, where its certificate (PEM) is written for clients to trust; nil writes
    /// `pactkit-mock-<process id>.pem` in the temporary directory.
    public var selfSignedCertificatePath: String?

    /// Builds settings; loopback on a free port, no watching, 8 MiB bodies, plain HTTP unless told otherwise.
    public init(
        sources: PactSources, host: String = "127.0.0.1", port: Int = 0, watch: Bool = false,
        watchInterval: Duration = .milliseconds(250), preferredState: ProviderStatePattern? = nil,
        options: StandaloneOptions = StandaloneOptions(), maxBodyBytes: Int = 8 * 1024 * 1024,
        connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits(), tls: MockServerTLS? = nil,
        selfSignedCertificatePath: String? = nil
    ) {
        self.sources = sources
        self.host = host
        self.port = port
        self.watch = watch
        self.watchInterval = watchInterval
        self.preferredState = preferredState
        self.options = options
        self.maxBodyBytes = maxBodyBytes
        self.connectionLimits = connectionLimits
        self.tls = tls
        self.selfSignedCertificatePath = selfSignedCertificatePath
    }
}
