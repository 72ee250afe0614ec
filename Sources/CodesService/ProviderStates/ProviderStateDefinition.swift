/// One provider state the hooks understand. Upper-case words in `name` are placeholders (CODE, LPA, ACTOR,
/// REASON); the others are literal.
public struct ProviderStateDefinition: Sendable, Hashable {
    /// The state name pattern, e.g. `the activation key CODE exists for lpa LPA and actor ACTOR`.
    public let name: String
    /// What exists afterwards.
    public let summary: String
    /// The parameters (`params` of a Pact v3 provider state) the state accepts.
    public let params: [String]
}

/// A change a state makes to the store.
enum StateChange: Sendable {
    case putActivation(ActivationCode)
    case deleteActivation(String)
    case deleteActivations(lpa: String, actor: String)
    case putPaper(PaperVerificationCode)
    case deletePaper(String)
    case deleteAll
}

/// What setting up a state does, and the values it reports back (usable as provider-state injected values).
struct StatePlan: Sendable {
    var changes: [StateChange] = []
    var values: [String: String] = [:]
}
