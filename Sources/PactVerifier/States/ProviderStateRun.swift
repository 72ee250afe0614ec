import PactModel

/// Sets an interaction's provider states up before it is verified and tears them down afterwards, for HTTP and
/// message interactions alike (PACT-SPEC §8).
struct ProviderStateRun: Sendable {
    let handler: (any ProviderStateHandler)?

    /// Sets every state up in order and returns the values for ProviderState generators (the states' params, then
    /// what the setups returned); nil when a setup failed, with its error added to `result`: the interaction is then
    /// not exercised and nothing is torn down, as pact-reference does.
    func setUp(_ info: InteractionInfo, into result: inout InteractionResult) async -> [String: JSONValue]? {
        var values: [String: JSONValue] = [:]
        for state in info.providerStates {
            values.merge(state.params) { _, new in new }
        }
        guard let handler else {
            if !info.providerStates.isEmpty {
                let names = info.providerStates.map { "'\($0.name)'" }.joined(separator: ", ")
                result.notes.append("no state handler or state change URL is configured, so \(names) was not set up")
            }
            return values
        }
        for state in Self.states(of: info) {
            do {
                values.merge(try await handler.setup(state)) { _, new in new }
            } catch {
                result.errors.append(Self.stateError(error, state: state, action: "setup"))
                return nil
            }
        }
        return values
    }

    /// Tears every state down in reverse order; failures are added to `result`.
    func tearDown(_ info: InteractionInfo, into result: inout InteractionResult) async {
        guard let handler else { return }
        for state in Self.states(of: info).reversed() {
            do {
                try await handler.teardown(state)
            } catch {
                result.errors.append(Self.stateError(error, state: state, action: "teardown"))
            }
        }
    }

    /// An interaction without states still gets one call with the empty state name (PACT-SPEC §8), so a handler can
    /// reset the provider between interactions.
    private static func states(of info: InteractionInfo) -> [ProviderState] {
        info.providerStates.isEmpty ? [ProviderState(name: "")] : info.providerStates
    }

    private static func stateError(_ error: any Error, state: ProviderState, action: String) -> VerificationError {
        let kind: VerificationError.Kind = action == "setup" ? .stateSetup : .stateTeardown
        let name = state.name.isEmpty ? "the empty provider state (interaction without states)" : "provider state '\(state.name)'"
        if let failure = error as? StateChangeFailure {
            return VerificationError(kind: kind, message: "\(action) of \(name) failed: \(failure)",
                                     status: failure.status, body: failure.body)
        }
        return VerificationError(kind: kind, message: "\(action) of \(name) failed: \(error)")
    }
}
