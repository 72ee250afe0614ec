import PactModel

/// What every declared interaction has, HTTP or message: its identity within the builder, its description and
/// declaring line, provider states, V4 key, pending flag and comments, and the usage errors found in it so far.
struct DeclaredInfo: Sendable {
    let id: Int
    var description: String
    var location: PactSourceLocation
    var states: [ProviderState] = []
    /// The explicit V4 `key`; nil writes the key computed from the interaction's contents.
    var key: String?
    var pending = false
    var comments: [String: JSONValue] = [:]
    var errors: [PactUsageError] = []

    /// The part of the interaction as written to the pact that is the same for every kind.
    var interactionInfo: InteractionInfo {
        InteractionInfo(description: description, providerStates: states, key: key, pending: pending,
                        comments: comments)
    }
}

/// One interaction as declared (`DeclaredInteraction`, `DeclaredMessage`): its `DeclaredInfo` and its own parts.
protocol DeclaredItem: Sendable {
    var info: DeclaredInfo { get set }
    /// The oldest Pact version that can hold this kind of interaction (`OlderSpecVersions`).
    static var oldestSpecVersion: PactSpecVersion { get }
}

extension DeclaredItem {
    var description: String { info.description }
    var location: PactSourceLocation { info.location }
    var errors: [PactUsageError] { info.errors }
}

/// A declaration checked and ready for a run: the interaction as written to the pact and where it was declared.
protocol CompiledDeclaration: Sendable {
    var pactInteraction: Interaction { get }
    var location: PactSourceLocation { get }
}
