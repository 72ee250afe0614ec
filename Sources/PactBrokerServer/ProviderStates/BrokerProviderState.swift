/// One provider state of the broker's test mode: its name, as the Ruby pact_broker-client's pact writes it, and what
/// setting it up creates (pact_broker's `spec/service_consumers/shared_provider_states.rb`).
struct BrokerProviderState: Sendable {
    /// The state's name, matched exactly.
    let name: String
    /// Creates the state's data with the builder; nil for states that need no data (pact_broker's `no_op`).
    let setUp: (@Sendable (BrokerTestData) async throws -> Void)?

    init(_ name: String, setUp: (@Sendable (BrokerTestData) async throws -> Void)? = nil) {
        self.name = name
        self.setUp = setUp
    }
}

/// Why a provider state call was refused; the verifier shows the description.
public enum BrokerProviderStateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No state has this name.
    case unknownState(String)
    /// The broker's states take no parameters.
    case unexpectedParameters(state: String, names: [String])
    /// The action is neither `setup` nor `teardown`.
    case unknownAction(String)
    /// The state needs a store the broker was started without (webhooks).
    case unavailable(state: String, reason: String)

    /// A message naming the state and what is wrong; an unknown state lists the known ones.
    public var description: String {
        switch self {
        case .unknownState(let state):
            "unknown provider state \"\(state)\"; known states: "
                + BrokerProviderStates.catalogue.map { "\"\($0)\"" }.joined(separator: ", ")
        case .unexpectedParameters(let state, let names):
            "provider state \"\(state)\" does not take parameters (got \(names.joined(separator: ", ")))"
        case .unknownAction(let action):
            "unknown provider state action \"\(action)\"; expected setup or teardown"
        case .unavailable(let state, let reason):
            "provider state \"\(state)\" cannot be set up: \(reason)"
        }
    }
}
