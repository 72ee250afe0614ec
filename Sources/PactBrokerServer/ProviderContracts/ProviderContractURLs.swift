extension BrokerURLs {
    /// `POST` here publishes a provider contract (PactFlow's `pf:publish-provider-contract`).
    func publishProviderContract(_ provider: String) -> String {
        base + "/provider-contracts/provider/" + Self.segment(provider) + "/publish"
    }

    /// The provider version's contract.
    func providerContract(_ provider: String, _ number: String) -> String {
        base + "/provider-contracts/provider/" + Self.segment(provider) + "/version/" + Self.segment(number)
    }
}
