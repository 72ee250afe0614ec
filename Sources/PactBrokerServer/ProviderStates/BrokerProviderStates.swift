import Foundation

/// The broker's provider states, for verifying the Pact Broker clients' pacts against it (`pactkit broker
/// --enable-provider-states`, test mode only): `setup` creates the data a state describes, as pact_broker's own
/// verification does (`spec/service_consumers/shared_provider_states.rb`), and `teardown` empties the store, so each
/// interaction starts from an empty broker as pact_broker's (cleaned per example) does. For verifiers that send no
/// teardown calls, `setup` can empty the store first (`ProviderStateMode` asks for that at each interaction's first
/// state).
public final class BrokerProviderStates: Sendable {
    /// The name of every state understood.
    public static var catalogue: [String] { definitions.map(\.name) }

    static let definitions: [BrokerProviderState] =
        PacticipantStates.all + MatrixStates.all + PactStates.all + EnvironmentStates.all + WebhookStates.all + NoDataStates.all

    private static let byName = Dictionary(definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    private let store: any BrokerStore
    private let webhooks: (any WebhookStore)?
    private let now: @Sendable () -> Date

    /// States over `store`; webhooks a state creates go to `webhooks` (a state needing one fails while it is nil).
    public init(store: any BrokerStore, webhooks: (any WebhookStore)?, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.webhooks = webhooks
        self.now = now
    }

    /// Creates the data of `state`, in one transaction. The empty name, which verifiers send for interactions
    /// without a provider state, creates nothing. Throws `BrokerProviderStateError` for an unknown state or any
    /// parameter (the broker's states take none); nothing is changed then.
    /// With `emptyFirst`, the store is emptied first, in the same transaction.
    public func setup(state: String, params: [String: String] = [:], emptyFirst: Bool = false) async throws {
        let definition = try Self.definition(state, params: params)
        if emptyFirst { try await deleteWebhooks() }
        guard emptyFirst || definition?.setUp != nil else { return }
        let setUp = definition?.setUp
        let webhooks = webhooks
        let created = try await store.write { [now] tx -> [WebhookDefinition] in
            if emptyFirst { try await Self.deleteAll(tx) }
            let builder = BrokerTestData(tx: tx, now: now())
            do {
                try await setUp?(builder)
            } catch BrokerProviderStateError.unavailable(_, let reason) {
                throw BrokerProviderStateError.unavailable(state: state, reason: reason)
            } catch let error as BrokerStoreError {
                // Data left by an earlier interaction that was not torn down.
                throw BrokerProviderStateError.unavailable(state: state, reason: error.description)
            }
            if !builder.webhooks.isEmpty && webhooks == nil {
                // A BrokerProviderStates made without a WebhookStore (the broker server always passes one).
                throw BrokerProviderStateError.unavailable(state: state, reason: "this broker stores no webhooks yet")
            }
            return builder.webhooks
        }
        for webhook in created { try await webhooks?.saveWebhook(webhook) }
    }

    /// Checks `state` as `setup` does, then empties the store: every pacticipant (with its versions, pacts,
    /// verifications, deployments), every environment and every webhook.
    public func teardown(state: String, params: [String: String] = [:]) async throws {
        _ = try Self.definition(state, params: params)
        try await store.write { tx in try await Self.deleteAll(tx) }
        try await deleteWebhooks()
    }

    private static func deleteAll(_ tx: any BrokerStoreTransaction) async throws {
        for p in try await tx.pacticipants() { try await tx.deletePacticipant(id: p.id) }
        for e in try await tx.environments() { try await tx.deleteEnvironment(id: e.id) }
    }

    private func deleteWebhooks() async throws {
        guard let webhooks else { return }
        for webhook in try await webhooks.allWebhooks() { try await webhooks.deleteWebhook(uuid: webhook.uuid) }
    }

    /// The state's definition, nil for the empty name.
    private static func definition(_ state: String, params: [String: String]) throws -> BrokerProviderState? {
        if state.isEmpty { return nil }
        guard let definition = byName[state] else { throw BrokerProviderStateError.unknownState(state) }
        if !params.isEmpty { throw BrokerProviderStateError.unexpectedParameters(state: state, names: params.keys.sorted()) }
        return definition
    }
}
