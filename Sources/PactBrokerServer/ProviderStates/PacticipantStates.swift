/// States about pacticipants, their versions, tags and branches.
enum PacticipantStates {
    static let all: [BrokerProviderState] = [
        .init("'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3") { b in
            try await b.createConsumer("Condor").createConsumerVersion("1.2.3").createConsumerVersionTag("production")
                .createConsumerVersion("2.0.0")
        },
        .init("'Condor' exists in the pact-broker with the latest version 1.2.3") { b in
            try await b.createConsumer("Condor").createConsumerVersion("1.0.0").createConsumerVersion("1.2.3")
        },
        .init("the 'Pricing Service' and 'Condor' already exist in the pact-broker") { b in
            try await b.createConsumer("Condor").createProvider("Pricing Service")
        },
        .init("the 'Pricing Service' already exists in the pact-broker") { b in
            try await b.createPricingService().createProviderVersion("1.3.0")
        },
        .init("'Condor' already exist in the pact-broker, but the 'Pricing Service' does not") { b in
            try await b.createConsumer("Condor")
        },
        .init("'Condor' exists in the pact-broker") { b in
            try await b.createConsumer("Condor").createConsumerVersion("1.3.0")
        },
        .init("'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'") { b in
            try await b.createPacticipant("Condor").createVersion("1.3.0").createTag("prod")
        },
        .init("a pacticipant with name Foo exists") { b in
            try await b.createConsumer("Foo")
        },
        .init("version 26f353580936ad3b9baddb17b00e84f33c69e7cb of pacticipant Foo does exist") { b in
            try await b.createConsumer("Foo").createConsumerVersion("26f353580936ad3b9baddb17b00e84f33c69e7cb")
        },
        .init("a branch named main exists for pacticipant Foo") { b in
            try await b.createConsumer("Foo").createConsumerVersion("1", branch: "main")
        },
        // pact_broker's set-up for this one is empty too.
        .init("a pacticipant version with production details exists for the Pricing Service"),
    ]
}
