import OutboundHTTP
import PactModel

/// Verifies a provider against pacts: for each interaction it sets the provider states up, sends the request the
/// pact describes, matches the response against the pact and tears the states down (PACT-SPEC §8).
///
/// ```swift
/// let verifier = try Verifier(configuration: VerifierConfiguration(
///     providerBaseURL: URL(string: "http://localhost:8080")!,
///     stateHandler: ClosureStateHandler(states: ["a code exists": { _ in try await seed(); return [:] }])))
/// let report = await verifier.verify([.directory(URL(fileURLWithPath: "pacts"))])
/// print(report.renderConsole(colour: false))
/// await verifier.shutdown()
/// ```
public struct Verifier: Sendable {
    /// The validated configuration every verification run uses.
    public let configuration: VerifierConfiguration
    /// Every request of every run goes through this client, so provider connections are reused.
    private let http: OutboundHTTPClient

    /// Throws when the base URL or state change URL is not http(s), the timeout or a size limit is not positive, or
    /// the CA certificate file cannot be read.
    public init(configuration: VerifierConfiguration) throws(VerifierConfigurationError) {
        try VerifierConfigurationError.validate(configuration)
        self.configuration = configuration
        let tls = TLSOptions(caCertificateFile: configuration.caCertificateFile,
                             skipVerification: configuration.disableTLSVerification)
        do {
            http = try OutboundHTTPClient(settings: .init(
                timeout: configuration.requestTimeout, maxResponseBodyBytes: configuration.maxResponseBytes, tls: tls))
        } catch {
            throw VerifierConfigurationError(field: "CA certificate file", reason: error.description)
        }
    }

    /// Closes the pooled provider connections: call once, after the last verification.
    public func shutdown() async {
        await http.shutdown()
    }

    /// Reads every source (before verifying anything), then verifies each pact's interactions in order. Pacts for
    /// another provider than `configuration.providerName` are skipped; without a provider name, pacts naming several
    /// providers are an error (`VerificationReport.mixedProviders`) and nothing is verified.
    public func verify(_ sources: [PactSource]) async -> VerificationReport {
        let fetcher = PactFetcher(http: http, maxBytes: configuration.maxPactBytes)
        let (loaded, errors) = await PactSourceLoader(fetcher: fetcher).load(sources)
        var report = await verify(loaded: loaded)
        report.sourceErrors = errors
        return report
    }

    /// Verifies pacts already in memory.
    public func verify(pacts: [Pact]) async -> VerificationReport {
        await verify(loaded: pacts.map { LoadedPact(pact: $0, origin: nil) })
    }

    private func verify(loaded all: [LoadedPact]) async -> VerificationReport {
        let selection = ProviderSelection(all, providerName: configuration.providerName, filter: configuration.filter)
        var report = VerificationReport(skippedPacts: selection.skipped, mixedProviders: selection.mixed)
        let loaded = selection.pacts
        let client = ProviderClient(http: http)
        let stateHandler: (any ProviderStateHandler)? = configuration.stateHandler ?? configuration.stateChangeURL.map {
            StateChangeURLHandler(url: $0, teardownEnabled: configuration.stateChangeTeardown, client: client)
        }
        let (messages, messageClient) = MessageInteractionVerifier.make(
            configuration, stateHandler: stateHandler, pacts: loaded.map(\.pact))
        let interactionVerifier = InteractionVerifier(
            client: client,
            builder: ProviderRequestBuilder(baseURL: configuration.providerBaseURL, basePath: configuration.basePath,
                                            customHeaders: configuration.customHeaders),
            stateHandler: stateHandler, requestFilter: configuration.requestFilter, messages: messages,
            recordsExchanges: configuration.recordsExchanges)
        for item in loaded {
            guard configuration.filter.includes(consumer: item.pact.consumer) else {
                report.pactsFilteredOut += 1
                continue
            }
            var result = PactResult(consumer: item.pact.consumer, provider: item.pact.provider, source: item.origin,
                                    specVersion: item.pact.specVersion, interactions: [])
            for interaction in item.pact.interactions {
                guard configuration.filter.includes(interaction.info) else {
                    result.filteredOut += 1
                    continue
                }
                result.interactions.append(await interactionVerifier.verify(interaction, version: item.pact.specVersion))
            }
            report.pacts.append(result)
        }
        await messageClient?.shutdown()
        return report
    }
}
