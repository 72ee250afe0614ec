import Foundation
import PactBrokerServer
import PactModel
import PactVerifier
import Testing
import TestSupport

/// The Ruby pact_broker-client's own pact with the Pact Broker (Fixtures/broker-client, 64 interactions) verified
/// against the broker with PactKit's verifier, provider states set up over `POST /_pact_state`, as pact_broker
/// verifies it against itself (issue 20, "Proof that the clients work unchanged").
@Suite struct ClientPactVerificationTests {
    static let pactFile = PackageRoot.url.appendingPathComponent("Fixtures/broker-client/pact_broker_client-pact_broker.json")


    static func key(_ result: InteractionResult) -> String {
        "\(result.description) | \(result.providerStates.map(\.name).joined(separator: ", "))"
    }

    /// With teardown calls, and without them (the Rust verifier's default): each interaction's first setup call
    /// starts from an empty broker either way.
    @Test(arguments: [true, false]) func theRubyClientsPactVerifiesAgainstTheBroker(teardown: Bool) async throws {
        let report = try await withTestModeBroker { url in
            let verifier = try Verifier(configuration: VerifierConfiguration(
                providerBaseURL: url, stateChangeURL: url.appendingPathComponent("_pact_state"), stateChangeTeardown: teardown))
            let report = await verifier.verify([.file(Self.pactFile)])
            await verifier.shutdown()
            return report
        }
        let console = report.renderConsole(colour: false)
        #expect(report.sourceErrors.isEmpty, "\(report.sourceErrors)")
        let results = report.interactions
        #expect(results.count == 64, "\(console)")
        let notPassed = results.filter { $0.status != .passed }.map(Self.key)
        // Every interaction passes, the webhook ones included: 64 of 64.
        #expect(notPassed.isEmpty, "\(console)")
    }

    @Test func everyStateOfThePactIsKnown() throws {
        let pact = try JSONParser.parse(Data(contentsOf: Self.pactFile))
        let states = Set((pact["interactions"]?.arrayValue ?? []).compactMap { $0["providerState"]?.stringValue })
        #expect(states.count > 30)
        #expect(states.subtracting(BrokerProviderStates.catalogue).isEmpty)
    }

    @Test func anUnknownStateIsRefusedWithTheKnownOnesAndParametersToo() async throws {
        try await withTestModeBroker { url in
            let unknown = try await TestHTTP.send("POST", url, "/_pact_state", headers: ["Content-Type": "application/json"], body: TestHTTP.json(#"{"state": "Condor is on fire", "action": "setup"}"#))
            #expect(unknown.status == 400)
            let message = try #require(unknown.json?["errors"]?["state"]?.arrayValue?.first?.stringValue)
            #expect(message.hasPrefix("unknown provider state \"Condor is on fire\"; known states: \"'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3\""))
            #expect(message.contains("\"a currently deployed version exists\""))
            let params = try await TestHTTP.send("POST", url, "/_pact_state", headers: ["Content-Type": "application/json"], body: TestHTTP.json(#"{"state": "a pacticipant with name Foo exists", "params": {"x": 1}}"#))
            #expect(params.status == 400)
            #expect(params.text.contains("does not take parameters (got x)"))
            let action = try await TestHTTP.send("POST", url, "/_pact_state", headers: ["Content-Type": "application/json"], body: TestHTTP.json(#"{"state": "", "action": "explode"}"#))
            #expect(action.status == 400)
            #expect(action.text.contains("expected setup or teardown"))
        }
    }

    @Test func setupCreatesTheStatesDataAndTeardownEmptiesTheStore() async throws {
        let store = InMemoryBrokerStore()
        let webhooks = InMemoryWebhookStore()
        let states = BrokerProviderStates(store: store, webhooks: webhooks)
        try await states.setup(state: "a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists")
        let webhook = try #require(try await webhooks.webhook(uuid: "696c5f93-1b7f-44bc-8d03-59440fcaa9a0"))
        #expect(webhook.consumer == .name("Condor"))
        #expect(webhook.provider == .name("Pricing Service"))
        try await states.setup(state: "a currently deployed version exists")
        let counts = try await store.read { tx in
            (try await tx.pacticipants().map(\.name).sorted(), try await tx.currentlyDeployed(environmentID: nil, pacticipantID: nil).map(\.uuid))
        }
        #expect(counts.0 == ["Condor", "Foo", "Pricing Service"])
        #expect(counts.1 == ["ff3adecf-cfc5-4653-a4e3-f1861092f8e0"])

        try await states.teardown(state: "a currently deployed version exists")
        let left = try await store.read { tx in (try await tx.pacticipants().count, try await tx.environments().count) }
        #expect(left.0 == 0)
        #expect(left.1 == 0)
        #expect(try await webhooks.allWebhooks().isEmpty)

        // Setting a state up again over its own data says what is in the way; emptying first replaces it.
        try await states.setup(state: "a pacticipant with name Foo exists")
        await #expect(throws: BrokerProviderStateError.self) { try await states.setup(state: "a pacticipant with name Foo exists") }
        try await states.setup(state: "'Condor' exists in the pact-broker", emptyFirst: true)
        #expect(try await store.read { try await $0.pacticipants().map(\.name) } == ["Condor"])
        try await states.teardown(state: "")

        // Without a webhook store the webhook state says why it cannot be set up, and changes nothing.
        let without = BrokerProviderStates(store: store, webhooks: nil)
        await #expect(throws: BrokerProviderStateError.unavailable(
            state: "a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists", reason: "this broker stores no webhooks yet")) {
            try await without.setup(state: "a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists")
        }
        #expect(try await store.read { try await $0.pacticipants().count } == 0)
        await store.close()
    }

    @Test func withoutTestModeThereIsNoStateEndpointAndNoPlaceholders() async throws {
        try await withTestModeBroker(enabled: false) { url in
            let state = try await TestHTTP.send("POST", url, "/_pact_state", headers: ["Content-Type": "application/json"], body: TestHTTP.json(#"{"state": ""}"#))
            #expect(state.status == 404)
            let placeholder = try await TestHTTP.send("GET", url, "/HAL-REL-PLACEHOLDER-PB-ENVIRONMENTS")
            #expect(placeholder.status == 404)
        }
    }

    /// Runs `body` against a broker on a free port with provider states enabled and pact_broker's test base URL,
    /// http://example.org (the pact's expected links name it).
    private func withTestModeBroker<T: Sendable>(
        enabled: Bool = true, _ body: @escaping @Sendable (URL) async throws -> T
    ) async throws -> T {
        var configuration = BrokerServerConfiguration(port: 0, baseURL: "http://example.org")
        configuration.enableProviderStates = enabled
        return try await RunningBroker.with(store: InMemoryBrokerStore(), configuration: configuration) { broker in
            try await body(broker.url)
        }
    }
}
