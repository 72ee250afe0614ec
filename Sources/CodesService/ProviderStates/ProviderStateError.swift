/// Why a provider state could not be set up; the verifier reports the description.
public enum ProviderStateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No state of the catalogue has this name.
    case unknownState(String)
    /// A parameter (or a value inside the state's name) is malformed.
    case invalidParameter(state: String, name: String, reason: String)
    /// The state does not take these parameters.
    case unexpectedParameters(state: String, names: [String], allowed: [String])
    /// The action is neither `setup` nor `teardown`.
    case unknownAction(String)

    /// A message naming the state and what is wrong, listing the known states or allowed parameters where useful.
    public var description: String {
        switch self {
        case .unknownState(let state):
            "unknown provider state \"\(state)\"; known states: "
                + ProviderStates.catalogue.map(\.name).joined(separator: " | ")
        case .invalidParameter(let state, let name, let reason):
            "provider state \"\(state)\": \(name) \(reason)"
        case .unexpectedParameters(let state, let names, let allowed):
            "provider state \"\(state)\" does not take parameter(s) \(names.joined(separator: ", "))"
                + (allowed.isEmpty ? " (it takes none)" : " (it takes: \(allowed.joined(separator: ", ")))")
        case .unknownAction(let action):
            "unknown provider state action \"\(action)\"; expected setup or teardown"
        }
    }
}
