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
/// ```
public struct Verifier: Sendable {
    /// The validated configuration every verification run uses.
    public let configuration: VerifierConfiguration

    /// Throws when the base URL or state change URL is not http(s), or the timeout is not positive.
    public init(configuration: VerifierConfiguration) throws(VerifierConfigurationError) {
        try VerifierConfigurationError.validate(configuration)
        self.configuration = configuration
    }

    /// Reads every source (before verifying anything), then verifies each pact's interactions in order.
    public func verify(_ sources: [PactSource]) async -> VerificationReport {
        let (loaded, errors) = await PactSourceLoader(timeout: configuration.requestTimeout).load(sources)
        var report = await verify(loaded: loaded)
        report.sourceErrors = errors
        return report
    }

    /// Verifies pacts already in memory.
    public func verify(pacts: [Pact]) async -> VerificationReport {
        await verify(loaded: pacts.map { LoadedPact(pact: $0, origin: nil) })
    }

    private func verify(loaded: [LoadedPact]) async -> VerificationReport {
        let client = ProviderClient(timeout: configuration.requestTimeout)
        defer { client.close() }
        let stateHandler: (any ProviderStateHandler)? = configuration.stateHandler ?? configuration.stateChangeURL.map {
            StateChangeURLHandler(url: $0, teardownEnabled: configuration.stateChangeTeardown, client: client)
        }
        let (messages, messageClient) = MessageInteractionVerifier.make(
            configuration, stateHandler: stateHandler, pacts: loaded.map(\.pact))
        let interactionVerifier = InteractionVerifier(
            client: client,
            builder: ProviderRequestBuilder(baseURL: configuration.providerBaseURL, basePath: configuration.basePath,
                                            customHeaders: configuration.customHeaders),
            stateHandler: stateHandler, requestFilter: configuration.requestFilter, messages: messages)
        var report = VerificationReport()
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
