import PactModel

/// States about environments and the versions deployed or released to them.
enum EnvironmentStates {
    static let foo = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30"
    static let testUUID = "cb632df3-0a0d-4227-aac3-60114dd36479"
    static let otherTestUUID = "16926ef3-590f-4e3f-838e-719717aa88c9"
    static let deployedUUID = "ff3adecf-cfc5-4653-a4e3-f1861092f8e0"

    static let all: [BrokerProviderState] = [
        .init("an environment exists") { b in
            try await b.createEnvironment("test", contacts: [["name": "foo", "details": ["emailAddress": "foo@bar.com"]]])
        },
        .init("an environment with name test and UUID 16926ef3-590f-4e3f-838e-719717aa88c9 exists") { b in
            try await b.createEnvironment("test", uuid: otherTestUUID)
        },
        .init("an environment with name test exists") { b in
            try await b.createEnvironment("test")
        },
        .init("version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for release") { b in
            try await b.createEnvironment("test", uuid: testUUID).createConsumer("Foo").createConsumerVersion(foo)
        },
        .init("version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for deployment") { b in
            try await b.createConsumer("Foo").createConsumerVersion(foo).createEnvironment("test", uuid: testUUID)
        },
        .init("version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with 2 environments that aren't test available for deployment") { b in
            try await b.createConsumer("Foo").createConsumerVersion(foo).createEnvironment("prod").createEnvironment("dev")
        },
        .init("an version is deployed to environment with UUID 16926ef3-590f-4e3f-838e-719717aa88c9 with target customer-1") { b in
            try await b.createEnvironment("test", uuid: otherTestUUID).createConsumer("Foo").createConsumerVersion(foo)
                .createDeployedVersionForConsumerVersion(uuid: deployedUUID, target: "customer-1")
        },
        .init("a currently deployed version exists") { b in
            try await b.createEnvironment("test", uuid: testUUID).createConsumer("Foo").createConsumerVersion(foo)
                .createDeployedVersionForConsumerVersion(uuid: deployedUUID)
        },
    ]
}
