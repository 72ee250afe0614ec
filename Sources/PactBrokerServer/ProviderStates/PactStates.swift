/// States about published pacts between Condor and the Pricing Service.
enum PactStates {
    static let all: [BrokerProviderState] = [
        .init("a pact between Condor and the Pricing Service exists") { b in try await condorPact(b) },
        .init("the 'Pricing Service' and 'Condor' already exist in the pact-broker, and Condor already has a pact published for version 1.3.0") { b in
            try await condorPact(b)
        },
        .init("a pact between Condor and the Pricing Service exists for the production version of Condor") { b in
            try await condorPact(b, tag: "prod", pricingService: false)
        },
        .init("a latest pact between Condor and the Pricing Service exists") { b in
            try await condorPact(b, pricingService: false)
        },
        .init("tagged as prod pact between Condor and the Pricing Service exists") { b in
            try await condorPact(b, tag: "prod", pricingService: false)
        },
    ]

    /// Condor 1.3.0 (tagged `tag`) with a pact for the Pricing Service (made with its repository URL, as
    /// `create_pricing_service` does, or as a plain provider).
    private static func condorPact(_ b: BrokerTestData, tag: String? = nil, pricingService: Bool = true) async throws {
        try await b.createConsumer("Condor").createConsumerVersion("1.3.0")
        if let tag { try await b.createConsumerVersionTag(tag) }
        if pricingService { try await b.createPricingService() } else { try await b.createProvider("Pricing Service") }
        try await b.createPact()
    }
}
