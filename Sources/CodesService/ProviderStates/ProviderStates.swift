import Foundation

/// Provider-state set-up for contract verification: puts the store into the situation a pact interaction's
/// `providerStates` name. Reachable over HTTP (`POST /_pact_state`, `/_reset_database`) only when the service runs
/// with provider states enabled; in-process verifiers call it directly.
public final class ProviderStates: Sendable {
    /// Every state understood, for documentation and for error messages.
    public static var catalogue: [ProviderStateDefinition] { ProviderStateCatalogue.definitions }

    private let store: any CodeStore
    private let clock: any CodeClock

    /// Builds the set-up over `store`, with "now" (for creation and expiry dates) from `clock`.
    public init(store: any CodeStore, clock: any CodeClock) {
        self.store = store
        self.clock = clock
    }

    /// Makes `state` true, in one transaction. `params` are the Pact v3 state parameters (scalars as strings).
    /// The empty name, which verifiers send for interactions without provider states, changes nothing.
    /// Returns the values the state set up (code, lpa, actor, …), which verifiers can inject into requests.
    /// Throws `ProviderStateError` for an unknown state or a bad parameter; nothing is changed then.
    @discardableResult
    public func setup(state: String, params: [String: String] = [:]) async throws -> [String: String] {
        let plan = try ProviderStateCatalogue.plan(state: state, params: params, now: clock.now())
        let changes = plan.changes
        try await store.write { store in
            for change in changes { try await Self.apply(change, to: store) }
        }
        return plan.values
    }

    /// Ends `state`: checks the name as `setup` does, then removes every code, so no interaction sees another's
    /// data.
    public func teardown(state: String, params: [String: String] = [:]) async throws {
        _ = try ProviderStateCatalogue.plan(state: state, params: params, now: clock.now())
        try await reset()
    }

    /// Removes every code of both kinds (`/_reset_database`).
    public func reset() async throws {
        try await store.write { store in try await store.deleteAll() }
    }

    private static func apply(_ change: StateChange, to store: any CodeStoreWriter) async throws {
        switch change {
        case .putActivation(let code): try await store.put(code)
        case .deleteActivation(let code): try await store.deleteActivationCode(code)
        case .deleteActivations(let lpa, let actor): try await store.deleteActivationCodes(lpa: lpa, actor: actor)
        case .putPaper(let code): try await store.put(code)
        case .deletePaper(let code): try await store.deletePaperCode(code)
        case .deleteAll: try await store.deleteAll()
        }
    }
}
