import Foundation
import PactModel

/// Creates broker data inside one write transaction, step by step, as pact_broker's `TestDataBuilder` does: each
/// step works on the consumer, provider, version, pact or environment the previous steps created or chose.
/// Every record gets its own creation time, one second after the previous one, so "latest" is the last created.
final class BrokerTestData {
    private let tx: any BrokerStoreTransaction
    private var clock: Date
    private(set) var consumer: PacticipantRecord?
    private(set) var provider: PacticipantRecord?
    private var pacticipant: PacticipantRecord?
    private var version: VersionRecord?
    private var consumerVersion: VersionRecord?
    private var providerVersion: VersionRecord?
    private var pactContent: PactContentRecord?
    private var environment: EnvironmentRecord?
    /// Webhooks to save once the transaction has committed (they live in the webhook store).
    private(set) var webhooks: [WebhookDefinition] = []

    init(tx: any BrokerStoreTransaction, now: Date) {
        self.tx = tx
        // Start an hour back so every record is in the past when the interactions run.
        clock = now.addingTimeInterval(-3600)
    }

    private func tick() -> Date {
        clock = clock.addingTimeInterval(1)
        return clock
    }

    private func required<T>(_ value: T?, _ what: String) throws -> T {
        guard let value else { throw BrokerProviderStateError.unavailable(state: "", reason: "no \(what) to work on yet") }
        return value
    }

    // MARK: Pacticipants and versions

    /// A pacticipant, with the repository URL pact_broker's builder gives (github.com/example-organization/NAME).
    @discardableResult
    func createPacticipant(_ name: String, repositoryURL: String? = nil) async throws -> BrokerTestData {
        let now = tick()
        pacticipant = try await tx.insertPacticipant(
            name: name, displayName: nil, mainBranch: nil,
            repositoryURL: repositoryURL ?? "https://github.com/example-organization/\(name)", at: now)
        return self
    }

    @discardableResult
    func createConsumer(_ name: String) async throws -> BrokerTestData {
        try await createPacticipant(name)
        consumer = pacticipant
        return self
    }

    @discardableResult
    func createProvider(_ name: String, repositoryURL: String? = nil) async throws -> BrokerTestData {
        try await createPacticipant(name, repositoryURL: repositoryURL)
        provider = pacticipant
        return self
    }

    /// The provider "Pricing Service" with pact_broker's repository URL for it.
    @discardableResult
    func createPricingService() async throws -> BrokerTestData {
        try await createProvider("Pricing Service", repositoryURL: "git@git.realestate.com.au:business-systems/pricing-service")
    }

    @discardableResult
    func useProvider(_ name: String) async throws -> BrokerTestData {
        provider = try await tx.pacticipant(named: name)
        return self
    }

    private func newVersion(_ number: String, of p: PacticipantRecord, branch: String? = nil) async throws -> VersionRecord {
        let now = tick()
        let v = try await tx.insertVersion(pacticipantID: p.id, number: number, buildURL: nil, at: now)
        if let branch {
            var b = try await tx.branch(pacticipantID: p.id, name: branch)
            if b == nil { b = try await tx.insertBranch(pacticipantID: p.id, name: branch, at: now) }
            _ = try await tx.addToBranch(branchID: b!.id, versionID: v.id, at: now)
        }
        return v
    }

    /// A version of the last created pacticipant.
    @discardableResult
    func createVersion(_ number: String) async throws -> BrokerTestData {
        version = try await newVersion(number, of: required(pacticipant, "pacticipant"))
        return self
    }

    @discardableResult
    func createConsumerVersion(_ number: String, branch: String? = nil) async throws -> BrokerTestData {
        consumerVersion = try await newVersion(number, of: required(consumer, "consumer"), branch: branch)
        return self
    }

    @discardableResult
    func createProviderVersion(_ number: String) async throws -> BrokerTestData {
        providerVersion = try await newVersion(number, of: required(provider, "provider"))
        return self
    }

    @discardableResult
    func useProviderVersion(_ number: String) async throws -> BrokerTestData {
        providerVersion = try await tx.version(pacticipantID: required(provider, "provider").id, number: number)
        return self
    }

    /// Tags the last version created with `createVersion`.
    @discardableResult
    func createTag(_ name: String) async throws -> BrokerTestData {
        _ = try await tx.insertTag(versionID: required(version, "version").id, name: name, at: tick())
        return self
    }

    @discardableResult
    func createConsumerVersionTag(_ name: String) async throws -> BrokerTestData {
        _ = try await tx.insertTag(versionID: required(consumerVersion, "consumer version").id, name: name, at: tick())
        return self
    }

    @discardableResult
    func createProviderVersionTag(_ name: String) async throws -> BrokerTestData {
        _ = try await tx.insertTag(versionID: required(providerVersion, "provider version").id, name: name, at: tick())
        return self
    }

    // MARK: Pacts and verifications

    /// pact_broker's `default_json_content`: no interactions, made distinct by a random value.
    private func defaultContent() throws -> JSONValue {
        let c = try required(consumer, "consumer"), p = try required(provider, "provider")
        return ["consumer": ["name": .string(c.name)], "provider": ["name": .string(p.name)], "interactions": [],
                "metadata": ["pactSpecification": ["version": "4.0"]], "random": .string(UUID().uuidString)]
    }

    /// pact_broker's `random_json_content`: one interaction with a random path.
    func randomContent() throws -> JSONValue {
        let c = try required(consumer, "consumer"), p = try required(provider, "provider")
        return ["consumer": ["name": .string(c.name)], "provider": ["name": .string(p.name)],
                "interactions": [["request": ["method": "GET", "path": .string("/things/\(UUID().uuidString)")],
                                  "response": ["status": 200]]]]
    }

    private func storeContent(_ json: JSONValue) async throws -> PactContentRecord {
        let c = try required(consumer, "consumer"), p = try required(provider, "provider")
        let content = PactContent(json: json)
        if let found = try await tx.pactContent(sha: content.sha, consumerID: c.id, providerID: p.id) { return found }
        return try await tx.insertPactContent(sha: content.sha, consumerID: c.id, providerID: p.id, content: content.canonical, at: tick())
    }

    /// Publishes a pact for the current consumer version with the current provider.
    @discardableResult
    func createPact(_ json: JSONValue? = nil) async throws -> BrokerTestData {
        let stored = try await storeContent(json ?? defaultContent())
        _ = try await tx.insertPublication(consumerVersionID: required(consumerVersion, "consumer version").id,
                                           providerID: required(provider, "provider").id, pactContentID: stored.id, at: tick())
        pactContent = stored
        return self
    }

    /// Creates the consumer, its version and the provider where missing, then publishes a pact.
    @discardableResult
    func createPactWithHierarchy(_ consumerName: String, _ number: String, _ providerName: String) async throws -> BrokerTestData {
        if let existing = try await tx.pacticipant(named: consumerName) { consumer = existing } else { try await createConsumer(consumerName) }
        if let existing = try await tx.pacticipant(named: providerName) { provider = existing } else { try await createProvider(providerName) }
        if let existing = try await tx.version(pacticipantID: required(consumer, "consumer").id, number: number) {
            consumerVersion = existing
        } else {
            try await createConsumerVersion(number)
        }
        return try await createPact()
    }

    /// A new revision of the current consumer version's pact, with new content.
    @discardableResult
    func revisePact() async throws -> BrokerTestData {
        try await createPact(["consumer": ["name": .string(required(consumer, "consumer").name)],
                              "provider": ["name": .string(required(provider, "provider").name)],
                              "interactions": [], "random": .string(UUID().uuidString)])
    }

    /// A verification of the current pact by the provider version `providerVersion` (created when missing).
    @discardableResult
    func createVerification(providerVersion number: String, success: Bool = true) async throws -> BrokerTestData {
        let p = try required(provider, "provider")
        let v: VersionRecord
        if let existing = try await tx.version(pacticipantID: p.id, number: number) { v = existing } else { v = try await newVersion(number, of: p) }
        providerVersion = v
        let details: JSONValue = ["success": .bool(success), "providerApplicationVersion": .string(number), "testResults": ["some": "results"]]
        _ = try await tx.insertVerification(pactContentID: required(pactContent, "pact").id, providerVersionID: v.id,
                                            success: success, buildURL: nil, details: JSONWriter.compact(details), at: tick())
        return self
    }

    // MARK: Environments and deployments

    /// An environment; pact_broker's builder makes it non-production with the name camel-cased as display name.
    @discardableResult
    func createEnvironment(_ name: String, uuid: String? = nil, contacts: JSONValue? = nil) async throws -> BrokerTestData {
        let now = tick()
        environment = try await tx.insertEnvironment(EnvironmentRecord(
            id: 0, uuid: uuid ?? UUID().uuidString.lowercased(), name: name, displayName: name.prefix(1).uppercased() + name.dropFirst(),
            production: false, contacts: contacts.map(JSONWriter.compact), createdAt: now, updatedAt: now))
        return self
    }

    /// Records the current consumer version as deployed to the current environment.
    @discardableResult
    func createDeployedVersionForConsumerVersion(uuid: String, target: String? = nil) async throws -> BrokerTestData {
        let v = try required(consumerVersion, "consumer version")
        _ = try await tx.insertDeployedVersion(DeployedVersionRecord(
            id: 0, uuid: uuid, versionID: v.id, pacticipantID: v.pacticipantID,
            environmentID: required(environment, "environment").id, applicationInstance: target, createdAt: tick(), undeployedAt: nil))
        return self
    }

    // MARK: Webhooks

    /// A webhook for the current consumer and provider, as pact_broker's `create_webhook` makes it: POST
    /// http://example.org with a JSON content type, on the default event.
    @discardableResult
    func createWebhook(uuid: String) throws -> BrokerTestData {
        let now = tick()
        webhooks.append(WebhookDefinition(
            uuid: uuid, consumer: consumer.map { .name($0.name) }, provider: provider.map { .name($0.name) },
            request: WebhookRequestTemplate(method: "POST", url: "http://example.org",
                                            headers: [WebhookHeader(name: "content-type", value: "application/json")]),
            createdAt: now, updatedAt: now))
        return self
    }
}
