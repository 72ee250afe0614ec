import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing

@Suite struct DeploymentTests {
    @Test func canIDeployAnswersYesNoAndUnknown() async throws {
        try await RunningBroker.with { broker in
            _ = try await broker.createEnvironment("prod")
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"], branch: "main")
            let pact = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
            try await broker.verify(pact, providerVersion: "p1", success: true)
            try await broker.client.recordDeployment(pacticipant: "Bar", version: "p1", environment: "prod")

            let yes = try await broker.client.canIDeploy(CanIDeployQuery(pacticipant: "Foo", version: "1", toEnvironment: "prod"))
            #expect(yes.deployable == true)
            #expect(yes.reason == "All required verification results are published and successful")
            #expect(yes.rows.map(\.providerVersion) == ["p1"])

            try await broker.publish("Foo", version: "2", providers: ["Bar": "b"], branch: "main")
            let unknown = try await broker.client.canIDeploy(CanIDeployQuery(pacticipant: "Foo", version: "2", toEnvironment: "prod"))
            #expect(unknown.deployable == nil)
            #expect(unknown.unknown == 1)
            #expect(unknown.reason == "There is no verified pact between version 2 of Foo and the version of Bar currently in prod (p1)")

            let second = try #require(try await broker.forVerification("Bar", selectors: [["branch": "main"]]).first)
            try await broker.verify(second, providerVersion: "p1", success: false)
            let no = try await broker.client.canIDeploy(CanIDeployQuery(pacticipant: "Foo", version: "2", toEnvironment: "prod"))
            #expect(no.deployable == false)
            #expect(no.reason == "The verification for the pact between version 2 of Foo and the version of Bar currently in prod (p1) failed")

            let missing = try await broker.client.canIDeploy(CanIDeployQuery(pacticipant: "Foo", version: "9", toEnvironment: "prod"))
            #expect(missing.deployable == false)
            #expect(missing.reason == "No pacts or verifications have been published for version 9 of Foo")

            // The provider side: Foo 1 is in prod and p1 verified it.
            try await broker.client.recordDeployment(pacticipant: "Foo", version: "1", environment: "prod")
            let provider = try await broker.client.canIDeploy(CanIDeployQuery(pacticipant: "Bar", version: "p1", toEnvironment: "prod"))
            #expect(provider.deployable == true)
            // Foo 2 deployed too (its pact failed against p1): the provider cannot deploy p1 any more.
            try await broker.client.recordDeployment(pacticipant: "Foo", version: "2", environment: "prod", applicationInstance: "blue")
            let blocked = try await broker.client.canIDeploy(CanIDeployQuery(pacticipant: "Bar", version: "p1", toEnvironment: "prod"))
            #expect(blocked.deployable == false)

            // The Ruby client's /matrix form, and an unknown pacticipant.
            let matrix = await broker.call("GET", "/matrix?q%5B%5D%5Bpacticipant%5D=Foo&q%5B%5D%5Bversion%5D=1&q%5B%5D%5Bpacticipant%5D=Bar&q%5B%5D%5Bversion%5D=p1&latestby=cvpv")
            #expect(matrix.json?["summary"]?["deployable"] == true)
            #expect(matrix.json?["matrix"]?.arrayValue?.count == 1)
            let wiffle = await broker.call("GET", "/matrix?q%5B%5D%5Bpacticipant%5D=Wiffle&q%5B%5D%5Bversion%5D=1&latestby=cvp&latest=true")
            #expect(wiffle.status == 400)
            #expect(wiffle.json?["errors"]?.arrayValue?.first?.stringValue == "Pacticipant Wiffle not found")
            let ignoring = await broker.call("GET", "/can-i-deploy?pacticipant=Foo&version=2&environment=prod&ignore%5B%5D%5Bpacticipant%5D=Bar")
            #expect(ignoring.json?["summary"]?["deployable"] == true)
            #expect(ignoring.json?["summary"]?["ignored"] == 1)
        }
    }

    @Test func deploymentsReleasesAndUndeployment() async throws {
        try await RunningBroker.with { broker in
            let uuid = try await broker.createEnvironment("test", production: false)
            #expect(await broker.call("POST", "/environments", json: ["name": "test", "production": false]).status == 400)
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            let deployed = try await broker.client.recordDeployment(pacticipant: "Foo", version: "1", environment: "test", applicationInstance: "customer-1")
            #expect(deployed.json["currentlyDeployed"] == true)
            #expect(deployed.json["applicationInstance"]?.stringValue == "customer-1")
            let released = try await broker.client.recordRelease(pacticipant: "Foo", version: "1", environment: "test")
            #expect(released.json["currentlySupported"] == true)
            let current = await broker.call("GET", "/environments/\(uuid)/deployed-versions/currently-deployed?pacticipant=Foo")
            #expect(current.json?["_embedded"]?["deployedVersions"]?.arrayValue?.count == 1)

            let pacts = try await broker.forVerification("Bar", selectors: [["deployedOrReleased": true]])
            #expect(pacts.first?.shortDescription == "deployed to test, released in test")

            let undeployed = try await broker.client.recordUndeployment(pacticipant: "Foo", environment: "test", applicationInstance: "customer-1")
            #expect(undeployed == ["1"])
            let after = await broker.call("GET", "/environments/\(uuid)/deployed-versions/currently-deployed?pacticipant=Foo")
            #expect(after.json?["_embedded"]?["deployedVersions"]?.arrayValue?.isEmpty == true)
            await #expect(throws: BrokerError.self) {
                _ = try await broker.client.recordUndeployment(pacticipant: "Foo", environment: "test", applicationInstance: "customer-1")
            }
            let supported = await broker.call("GET", "/environments/\(uuid)/released-versions/currently-supported")
            let releasedURL = try #require(supported.json?["_embedded"]?["releasedVersions"]?.arrayValue?.first?["_links"]?["self"]?["href"]?.stringValue)
            let ended = await broker.call("PATCH", String(releasedURL.dropFirst(broker.url.absoluteString.count)), json: ["currentlySupported": false],
                                          contentType: "application/merge-patch+json")
            #expect(ended.json?["currentlySupported"] == false)
            await #expect(throws: BrokerError.self) {
                _ = try await broker.client.recordDeployment(pacticipant: "Foo", version: "1", environment: "nowhere")
            }
        }
    }

    @Test func clientCreatesEnvironmentsAndTheBrokerRefusesATakenName() async throws {
        try await RunningBroker.with { broker in
            let created = try await broker.client.createEnvironment(name: "production", displayName: "Production", production: true)
            #expect(created.name == "production")
            #expect(created.production)
            let fetched = await broker.call("GET", "/environments/\(created.uuid)")
            #expect(fetched.json?["displayName"]?.stringValue == "Production")
            try await broker.publish("Foo", version: "1", providers: ["Bar": "a"])
            try await broker.client.recordDeployment(pacticipant: "Foo", version: "1", environment: "production")
            let refused = await #expect(throws: BrokerError.self) {
                _ = try await broker.client.createEnvironment(name: "production", production: true)
            }
            #expect(refused?.kind == .rejected)
            #expect(refused.map { "\($0)" }?.contains("Another environment with name 'production' already exists.") == true)
        }
    }
}
