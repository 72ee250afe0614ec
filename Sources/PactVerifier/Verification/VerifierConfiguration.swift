import Foundation

/// Changes each request just before it is sent, e.g. to add a fresh auth token
/// (`request.setHeader("Authorization", "Bearer \(token)")`). A thrown error fails the interaction with the error's
/// description. What the filter leaves is checked like the pact's request: a method that is not an HTTP token or a
/// header with CR/LF fails the interaction and nothing is sent.
public typealias RequestFilter = @Sendable (inout ProviderRequest) async throws -> Void

/// How to reach the provider and what to verify.
public struct VerifierConfiguration: Sendable {
    /// `http://host:port` (or `https://…`), optionally with a path prefix.
    public var providerBaseURL: URL
    /// A path prefix put before every interaction's path (`/api`).
    public var basePath: String
    /// How long each request (and each state change call) may take; 5 s by default, as in pact-reference.
    public var requestTimeout: Duration
    /// Where to POST `{"state","params","action"}` to set provider states up (used when `stateHandler` is nil).
    public var stateChangeURL: URL?
    /// Whether to POST a teardown call to `stateChangeURL` after each interaction.
    public var stateChangeTeardown: Bool
    /// In-process provider state setup and teardown; takes precedence over `stateChangeURL`.
    public var stateHandler: (any ProviderStateHandler)?
    /// Headers set on every request, replacing any the pact gives with the same name.
    public var customHeaders: [(name: String, value: String)]
    /// Runs on every request last, after the custom headers.
    public var requestFilter: RequestFilter?
    /// The provider being verified, as pacts name it. Pacts for another provider are skipped (and listed in the
    /// report); when nil, pacts naming several providers are an error and nothing is verified.
    public var providerName: String?
    /// Which interactions to verify.
    public var filter: InteractionFilter
    /// Where message interactions get their messages: the provider's message endpoint or in-process producers.
    public var messages = MessageProviderSettings()
    /// A PEM file of CA certificates trusted for https providers, state change URLs and pact URLs, instead of the
    /// system's roots.
    public var caCertificateFile: String?
    /// Accept any certificate and host name over https. For self-signed test setups only.
    public var disableTLSVerification: Bool
    /// The largest provider (or state change) response body read; a longer one fails its interaction. 10 MiB by
    /// default.
    public var maxResponseBytes: Int
    /// The largest pact downloaded from a URL; a longer one is a source error. 50 MiB by default.
    public var maxPactBytes: Int
    /// Keep each HTTP request sent while an interaction is verified (state change calls, the provider request, the
    /// message endpoint's request) and the response received, bodies up to `RecordedExchange.bodyLimit` bytes, in
    /// `InteractionResult.exchanges`, for `renderConsole(colour:verbose:)`. Off by default.
    public var recordsExchanges = false

    /// Builds a configuration; only the base URL is required. Requests time out after 5 s, no state changes
    /// are made and every interaction is verified unless told otherwise.
    public init(
        providerBaseURL: URL, basePath: String = "", requestTimeout: Duration = .seconds(5), stateChangeURL: URL? = nil,
        stateChangeTeardown: Bool = false, stateHandler: (any ProviderStateHandler)? = nil,
        customHeaders: [(name: String, value: String)] = [], requestFilter: RequestFilter? = nil,
        providerName: String? = nil, filter: InteractionFilter = InteractionFilter(), caCertificateFile: String? = nil,
        disableTLSVerification: Bool = false, maxResponseBytes: Int = 10 * 1024 * 1024,
        maxPactBytes: Int = 50 * 1024 * 1024
    ) {
        self.providerBaseURL = providerBaseURL
        self.basePath = basePath
        self.requestTimeout = requestTimeout
        self.stateChangeURL = stateChangeURL
        self.stateChangeTeardown = stateChangeTeardown
        self.stateHandler = stateHandler
        self.customHeaders = customHeaders
        self.requestFilter = requestFilter
        self.providerName = providerName
        self.filter = filter
        self.caCertificateFile = caCertificateFile
        self.disableTLSVerification = disableTLSVerification
        self.maxResponseBytes = maxResponseBytes
        self.maxPactBytes = maxPactBytes
    }
}

/// A configuration the verifier cannot run with.
public struct VerifierConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting at fault, in words (`provider base URL`, `request timeout`).
    public var field: String
    /// What is wrong with it.
    public var reason: String

    /// `field: reason`, as shown to the user.
    public var description: String { "\(field): \(reason)" }

    static func validate(_ configuration: VerifierConfiguration) throws(VerifierConfigurationError) {
        try validateHTTPURL(configuration.providerBaseURL, field: "provider base URL")
        if let url = configuration.stateChangeURL { try validateHTTPURL(url, field: "state change URL") }
        if configuration.requestTimeout <= .zero {
            throw VerifierConfigurationError(field: "request timeout", reason: "must be positive")
        }
        if configuration.maxResponseBytes <= 0 {
            throw VerifierConfigurationError(field: "response size limit", reason: "must be positive")
        }
        if configuration.maxPactBytes <= 0 {
            throw VerifierConfigurationError(field: "pact size limit", reason: "must be positive")
        }
    }

    private static func validateHTTPURL(_ url: URL, field: String) throws(VerifierConfigurationError) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw VerifierConfigurationError(field: field, reason: "'\(url.absoluteString)' must be an http or https URL")
        }
        guard let host = url.host, !host.isEmpty else {
            throw VerifierConfigurationError(field: field, reason: "'\(url.absoluteString)' has no host")
        }
    }
}
