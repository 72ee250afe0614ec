/// Which loaded pacts are the provider's. With a provider name, pacts naming another provider are skipped; without
/// one, the pacts the consumer filter keeps must all name one provider, or nothing is verified.
struct ProviderSelection {
    private(set) var pacts: [LoadedPact] = []
    private(set) var skipped: [SkippedPact] = []
    private(set) var mixed: MixedProvidersError?

    init(_ loaded: [LoadedPact], providerName: String?, filter: InteractionFilter) {
        if let providerName {
            for item in loaded {
                if item.pact.provider == providerName {
                    pacts.append(item)
                } else {
                    skipped.append(SkippedPact(consumer: item.pact.consumer, provider: item.pact.provider, source: item.origin,
                                               verifiedProvider: providerName))
                }
            }
            return
        }
        var providers: [MixedProvidersError.Provider] = []
        for item in loaded where filter.includes(consumer: item.pact.consumer) {
            let name = SkippedPact.name(source: item.origin, consumer: item.pact.consumer, provider: item.pact.provider)
            if let index = providers.firstIndex(where: { $0.name == item.pact.provider }) {
                providers[index].pacts.append(name)
            } else {
                providers.append(MixedProvidersError.Provider(name: item.pact.provider, pacts: [name]))
            }
        }
        if providers.count > 1 {
            mixed = MixedProvidersError(providers: providers)
        } else {
            pacts = loaded
        }
    }
}
