/// A pact that was not verified because it is for another provider than the one being verified
/// (`VerifierConfiguration.providerName`).
public struct SkippedPact: Sendable, Hashable {
    /// The consumer named in the pact.
    public var consumer: String
    /// The provider named in the pact.
    public var provider: String
    /// Where the pact came from (file path or URL), or nil for a pact given in memory.
    public var source: String?
    /// The provider being verified.
    public var verifiedProvider: String

    /// Builds the record of a skipped pact.
    public init(consumer: String, provider: String, source: String?, verifiedProvider: String) {
        self.consumer = consumer
        self.provider = provider
        self.source = source
        self.verifiedProvider = verifiedProvider
    }

    /// The source, or `the pact between <consumer> and <provider>` for a pact given in memory.
    public var name: String { Self.name(source: source, consumer: consumer, provider: provider) }

    static func name(source: String?, consumer: String, provider: String) -> String {
        source ?? "the pact between \(consumer) and \(provider)"
    }

    /// Why it was skipped: `its provider is 'Pact Broker', not 'data-lpa-codes'`.
    public var reason: String { "its provider is '\(provider)', not '\(verifiedProvider)'" }

    /// `Skipping <name>: <reason>`, as printed.
    public var message: String { "Skipping \(name): \(reason)" }
}

/// The pacts to verify name several providers and no provider name was given, so nothing was verified: one provider
/// is never verified against another's pacts by accident.
public struct MixedProvidersError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A provider named by the pacts, with the pacts naming it.
    public struct Provider: Sendable, Hashable {
        /// The provider's name, as the pacts give it.
        public var name: String
        /// The pacts naming it: file paths or URLs, or `the pact between <consumer> and <provider>` for pacts given
        /// in memory.
        public var pacts: [String]

        /// Builds one provider's entry.
        public init(name: String, pacts: [String]) {
            self.name = name
            self.pacts = pacts
        }
    }

    /// Every provider the pacts name, in the order they were read.
    public var providers: [Provider]

    /// Builds the error from the providers the pacts name.
    public init(providers: [Provider]) {
        self.providers = providers
    }

    /// The providers and their pacts, what happened, and what to do.
    public var description: String {
        let listed = providers.map { "'\($0.name)' (\($0.pacts.joined(separator: ", ")))" }
        let names = listed.count > 1 ? listed.dropLast().joined(separator: ", ") + " and " + listed.last! : listed.joined()
        return "The pacts are for \(providers.count) providers, \(names), so nothing was verified: "
            + "give the provider being verified with --provider NAME (VerifierConfiguration.providerName) "
            + "and the other providers' pacts are skipped"
    }
}
