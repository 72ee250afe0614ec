/// States about verification results, for the matrix (can-i-deploy) interactions.
enum MatrixStates {
    static let all: [BrokerProviderState] = [
        .init("the pact for Foo Thing version 1.2.3 has been verified by Bar version 4.5.6") { b in
            try await verifiedTwiceThenRevised(b, consumer: "Foo Thing")
        },
        .init("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6") { b in
            try await verifiedTwiceThenRevised(b, consumer: "Foo")
        },
        .init("the pact for Foo version 1.2.3 and 1.2.4 has been verified by Bar version 4.5.6") { b in
            try await b.createPactWithHierarchy("Foo", "1.2.3", "Bar").revisePact().createVerification(providerVersion: "4.5.6")
                .createConsumerVersion("1.2.4").createPact().revisePact().createVerification(providerVersion: "4.5.6")
        },
        .init("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4 unsuccessfully by 9.9.9") { b in
            try await b.createPactWithHierarchy("Foo", "1.2.3", "Bar").revisePact().createVerification(providerVersion: "4.5.6")
                .createConsumerVersion("1.2.4").createPact().revisePact().createVerification(providerVersion: "9.9.9", success: false)
        },
        .init("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and 1.2.4 unsuccessfully by 9.9.9") { b in
            try await b.createPactWithHierarchy("Foo", "1.2.3", "Bar").revisePact().createVerification(providerVersion: "4.5.6")
                .useProvider("Bar").useProviderVersion("4.5.6").createProviderVersionTag("prod")
                .createConsumerVersion("1.2.4").createPact().revisePact().createVerification(providerVersion: "9.9.9", success: false)
        },
        .init("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7") { b in
            try await b.createPactWithHierarchy("Foo", "1.2.3", "Bar").revisePact().createVerification(providerVersion: "4.5.6")
                .createVerification(providerVersion: "5.6.7")
        },
        .init("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and version 5.6.7") { b in
            try await b.createPactWithHierarchy("Foo", "1.2.3", "Bar").createVerification(providerVersion: "4.5.6")
                .useProviderVersion("4.5.6").createProviderVersionTag("prod").createVerification(providerVersion: "5.6.7")
        },
        .init("provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a failed verification for version 3.4.5 tagged prod") { b in
            try await b.createConsumer("Foo").createProvider("Bar").createConsumerVersion("1.2.3").createConsumerVersionTag("prod")
                .createPact().createVerification(providerVersion: "4.5.6")
                .createConsumerVersion("3.4.5").createConsumerVersionTag("prod")
                .createPact(b.randomContent()).createVerification(providerVersion: "4.5.6", success: false)
        },
    ]

    /// Consumer 1.2.3's pact with Bar, revised, verified by Bar 4.5.6 and 7.8.9; then consumer 2.0.0's pact,
    /// revised, verified by 4.5.6.
    private static func verifiedTwiceThenRevised(_ b: BrokerTestData, consumer: String) async throws {
        try await b.createPactWithHierarchy(consumer, "1.2.3", "Bar").revisePact()
            .createVerification(providerVersion: "4.5.6").createVerification(providerVersion: "7.8.9")
            .createConsumerVersion("2.0.0").createPact().revisePact().createVerification(providerVersion: "4.5.6")
    }
}
