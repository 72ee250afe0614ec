import PactModel

/// Puts the provider into the state an interaction needs, and out of it afterwards.
///
/// The verifier calls `setup` for each of an interaction's provider states, in order, before sending its request,
/// and `teardown` for each, in reverse order, after it. An interaction without provider states gets one call with
/// an empty state name (`ProviderState(name: "")`), as the Pact specification asks, so a handler can reset the
/// provider before every interaction; ignore that call if there is nothing to reset.
///
/// A setup that throws fails the interaction (its request is not sent and no teardown is called) and the error's
/// description is shown in the report; a teardown that throws is reported as an error of the interaction.
public protocol ProviderStateHandler: Sendable {
    /// Sets the state up; the returned values feed the request's ProviderState generators (`${name}` expressions).
    func setup(_ state: ProviderState) async throws -> [String: JSONValue]
    /// Tears the state down.
    func teardown(_ state: ProviderState) async throws
}

/// A state handler made of closures.
public struct ClosureStateHandler: ProviderStateHandler {
    private let setupAction: @Sendable (ProviderState) async throws -> [String: JSONValue]
    private let teardownAction: @Sendable (ProviderState) async throws -> Void

    /// Handles every state (including the empty one) with `setup` and, after the interaction, `teardown`.
    public init(
        setup: @escaping @Sendable (ProviderState) async throws -> [String: JSONValue],
        teardown: @escaping @Sendable (ProviderState) async throws -> Void = { _ in }
    ) {
        setupAction = setup
        teardownAction = teardown
    }

    /// One setup closure per state name, given the state's params. The empty state is a no-op; a state with no
    /// closure fails its interactions with `UnknownProviderState`, so a typo in a pact cannot pass unnoticed.
    public init(
        states: [String: @Sendable ([String: JSONValue]) async throws -> [String: JSONValue]],
        teardown: @escaping @Sendable (ProviderState) async throws -> Void = { _ in }
    ) {
        setupAction = { state in
            if state.name.isEmpty { return [:] }
            guard let action = states[state.name] else {
                throw UnknownProviderState(name: state.name, known: states.keys.sorted())
            }
            return try await action(state.params)
        }
        teardownAction = { state in
            if !state.name.isEmpty { try await teardown(state) }
        }
    }

    /// Runs the setup closure for `state`.
    public func setup(_ state: ProviderState) async throws -> [String: JSONValue] { try await setupAction(state) }

    /// Runs the teardown closure for `state`.
    public func teardown(_ state: ProviderState) async throws { try await teardownAction(state) }
}

/// A provider state the handler has no setup for.
public struct UnknownProviderState: Error, Sendable, Hashable, CustomStringConvertible {
    /// The state name the pact asked for.
    public var name: String
    /// The state names the handler does have, sorted, to help spot a typo.
    public var known: [String]

    /// A message naming the missing state and listing the known ones.
    public var description: String {
        "no handler for provider state '\(name)' (known states: \(known.map { "'\($0)'" }.joined(separator: ", ")))"
    }
}
