import NIOConcurrencyHelpers
import PactMatching
import PactModel

/// How the interaction that answered a request was chosen.
public enum StateSelection: Sendable, Hashable {
    /// It was the only interaction that matched.
    case onlyMatch
    /// The provider-state request header named one of its states.
    case header(String)
    /// One of its states matches the `--provider-state` default.
    case defaultState
    /// Several matched and none was preferred: the most specific (standalone) or the first not yet received
    /// (in-process), then the first in serving order.
    case bestMatch
}

/// How the engine chooses among several interactions that all match a request.
package enum SelectionPolicy: Sendable, Hashable {
    /// The in-process mock: the first in declared order not yet received wins, so identical interactions declared
    /// twice are each used once.
    case declaredOrderNotYetReceived
    /// The standalone mock: the provider-state header, then a preferred state, then the most specific, then serving
    /// order.
    case providerStateThenSpecificity
}

/// An interaction ready to answer requests. A class: requests read it from the engine's array, and a reference
/// costs one retain where a struct of this size would cost a dozen.
package final class ServedInteraction: Sendable {
    /// The expected request. Only the request is kept whole: the response lives on as the template's bytes.
    package let request: PactRequest
    package let responseStatus: Int
    /// The rules the interaction's requests are matched by: its pact's version.
    package let version: PactSpecVersion
    /// The provider states, in pact order (the interaction's own array: no copy per interaction at start).
    package let providerStates: [ProviderState]
    /// Among several full matches the most specific wins: exact paths, expected headers, query parameters and
    /// bodies count for it, matching rules (which loosen) against it.
    package let specificity: Int
    /// A provider state matches the preferred-state pattern.
    package let preferred: Bool
    private let preparedStore: PreparedStore

    /// When the request is prepared for matching (`PreparedRequest`): as the response templates (see
    /// `MatchingEngine.TemplateStore`), while loading for the standalone mock, on first use for the in-process one,
    /// which starts per test and must start at once.
    private enum PreparedStore: Sendable {
        case built(PreparedRequest)
        case onFirstUse(NIOLockedValueBox<PreparedRequest?>)
    }

    init(interaction: HTTPInteraction, version: PactSpecVersion, policy: SelectionPolicy,
         preferredState: ProviderStatePattern?) {
        request = interaction.request
        responseStatus = interaction.response.status
        self.version = version
        providerStates = interaction.info.providerStates
        // Only the standalone policy reads it; the in-process mock starts per test and should start at once.
        specificity = policy == .providerStateThenSpecificity ? Self.specificity(interaction.request) : 0
        preferred = preferredState.map { pattern in interaction.info.providerStates.contains { pattern.matches($0.name) } }
            ?? false
        switch policy {
        case .providerStateThenSpecificity: preparedStore = .built(PreparedRequest(interaction.request))
        case .declaredOrderNotYetReceived: preparedStore = .onFirstUse(NIOLockedValueBox(nil))
        }
    }

    /// The expected request prepared for matching.
    package var prepared: PreparedRequest {
        switch preparedStore {
        case .built(let prepared):
            return prepared
        case .onFirstUse(let box):
            return box.withLockedValue { cached in
                if let cached { return cached }
                let built = PreparedRequest(request)
                cached = built
                return built
            }
        }
    }

    /// Every difference between `actual` and the expected request (`RequestMatching.match`).
    package func match(_ actual: ReceivedRequest) -> [Mismatch] {
        prepared.match(actual, version: version)
    }

    /// Whether one of its provider states is named `name`.
    package func hasState(_ name: String) -> Bool {
        providerStates.contains { $0.name == name }
    }

    private static func specificity(_ request: PactRequest) -> Int {
        var score = InteractionIndex.pathRules(request.matchingRules) == nil ? 8 : 0
        score += 2 * (request.query?.count ?? 0) + 2 * request.headers.count
        if !request.body.isMissing { score += 2 }
        for category in [RuleCategoryName.query, .header, .body] { score -= request.matchingRules[category].count }
        return score
    }
}

/// What the engine makes of a request before choosing: every interaction it fully matches, or the closest one.
package enum MatchEvaluation: Sendable {
    /// Ascending (serving order); never empty.
    case fullMatches([Int])
    /// An interaction has the method and path but differs in something else (or lacks the requested state).
    case mismatched(Int, [Mismatch])
    /// No interaction has the method and path; `closest` shares the most of the path, if any does.
    case unexpected(closest: Int?, [Mismatch])
}

/// What the engine makes of a request once it has chosen.
package enum MatchOutcome: Sendable {
    /// `alternatives` are the other interactions that could have answered (for the log), in serving order.
    case matched(Int, alternatives: [Int], selection: StateSelection)
    /// An interaction has the method and path but differs in something else (or lacks the requested state).
    case mismatched(Int, [Mismatch])
    /// No interaction has the method and path; `closest` shares the most of the path, if any does.
    case unexpected(closest: Int?, [Mismatch])
}

/// The one matching engine of both mocks: finds the candidates for a request through the index (method and path),
/// matches them, and chooses by the selection policy. Immutable; what was received is the caller's bookkeeping.
package final class MatchingEngine: Sendable {
    package let served: [ServedInteraction]
    package let policy: SelectionPolicy
    package let index: InteractionIndex
    /// Built on the first unexpected request: most mocks never see one, and starting must stay cheap.
    private let nearest = NIOLockedValueBox<NearestPathIndex?>(nil)
    private let templates: TemplateStore

    /// When response templates are built. The policy decides, as it says which mock this is: the in-process mock is
    /// started per test and must start at once (rendering every body made a 1,000-interaction start take
    /// milliseconds); the standalone mock runs long and answers tens of thousands of requests a second, where a lock
    /// per request to reach a lazily built template costs more than building them all while loading.
    private enum TemplateStore: Sendable {
        case built([ResponseTemplate])
        /// `source`: the interactions as given (shared, not copied); each template built on first use.
        case onFirstUse(source: [HTTPInteraction], cache: NIOLockedValueBox<[ResponseTemplate?]>)
    }

    /// - Parameters:
    ///   - interactions: in serving order.
    ///   - version: the version the requests of the interaction at a position are matched by (its pact's).
    ///   - preferredState: interactions with a state it matches win ties (standalone `--provider-state`).
    package init(
        _ interactions: [HTTPInteraction], version: (Int) -> PactSpecVersion, policy: SelectionPolicy,
        preferredState: ProviderStatePattern? = nil
    ) {
        served = interactions.indices.map { position in
            ServedInteraction(interaction: interactions[position], version: version(position), policy: policy,
                              preferredState: preferredState)
        }
        self.policy = policy
        index = InteractionIndex(served.lazy.map(\.request))
        switch policy {
        case .providerStateThenSpecificity:
            templates = .built(interactions.map(ResponseTemplate.init))
        case .declaredOrderNotYetReceived:
            templates = .onFirstUse(source: interactions,
                                    cache: NIOLockedValueBox(Array(repeating: nil, count: interactions.count)))
        }
    }

    /// The response of interaction `index`, with its generators applied.
    package func render(_ index: Int, mockServerURL: String?, warnings: inout [String]) -> MockResponse {
        switch templates {
        case .built(let templates):
            return templates[index].render(mockServerURL: mockServerURL, warnings: &warnings)
        case .onFirstUse(let source, let cache):
            let template = cache.withLockedValue { cache in
                if let cached = cache[index] { return cached }
                let built = ResponseTemplate(source[index])
                cache[index] = built
                return built
            }
            return template.render(mockServerURL: mockServerURL, warnings: &warnings)
        }
    }

    /// Every interaction `request` fully matches, or else the closest and how the request differs from it.
    /// - Parameters:
    ///   - requestedState: the provider-state header's value: among equally close interactions one with that state
    ///     is preferred, and a closest one without it gets a mismatch saying so.
    ///   - stateHeader: the header's name, for that mismatch.
    package func evaluate(_ request: PactRequest, requestedState: String? = nil, stateHeader: String = "") -> MatchEvaluation {
        var fullMatches: [Int] = []
        var closest: (index: Int, mismatches: [Mismatch], rank: Int)?
        let received = ReceivedRequest(request)
        for candidate in index.candidates(method: request.method, path: request.path) {
            let entry = served[candidate]
            let mismatches = entry.match(received)
            if mismatches.isEmpty {
                fullMatches.append(candidate)
                continue
            }
            // Fewest mismatches first; among equals one with the requested (or preferred) state; then serving order.
            let hasState = requestedState.map(entry.hasState) ?? entry.preferred
            let rank = mismatches.count * 2 + (hasState ? 0 : 1)
            if closest.map({ rank < $0.rank }) ?? true { closest = (candidate, mismatches, rank) }
        }
        if !fullMatches.isEmpty { return .fullMatches(fullMatches) }
        if let closest {
            var mismatches = closest.mismatches
            if let requestedState, !served[closest.index].hasState(requestedState) {
                mismatches.append(stateMismatch(requestedState, available: [closest.index], header: stateHeader))
            }
            return .mismatched(closest.index, mismatches)
        }
        let nearby = nearestIndex().nearest(to: request.path)
        let upper = InteractionIndex.upperCased(request.method)
        guard let pick = nearby.first(where: { served[$0].request.method.uppercased() == upper })
            ?? nearby.first
        else { return .unexpected(closest: nil, []) }
        return .unexpected(closest: pick, served[pick].match(received))
    }

    /// Chooses among full matches (ascending) by the policy.
    /// - Parameter isReceived: whether an interaction has answered before (read by `declaredOrderNotYetReceived`).
    package func select(
        among matches: [Int], requestedState: String? = nil, stateHeader: String = "",
        isReceived: (Int) -> Bool = { _ in false }
    ) -> MatchOutcome {
        if let requestedState {
            let withState = matches.filter { served[$0].hasState(requestedState) }
            guard !withState.isEmpty else {
                return .mismatched(matches[0], [stateMismatch(requestedState, available: matches, header: stateHeader)])
            }
            return best(of: withState, selection: .header(requestedState), isReceived: isReceived)
        }
        if matches.count == 1 { return .matched(matches[0], alternatives: [], selection: .onlyMatch) }
        let preferred = matches.filter { served[$0].preferred }
        return preferred.isEmpty
            ? best(of: matches, selection: .bestMatch, isReceived: isReceived)
            : best(of: preferred, selection: .defaultState, isReceived: isReceived)
    }

    /// `evaluate` then `select`, for callers whose choice does not depend on what was received.
    package func outcome(_ request: PactRequest, requestedState: String?, stateHeader: String) -> MatchOutcome {
        switch evaluate(request, requestedState: requestedState, stateHeader: stateHeader) {
        case .fullMatches(let matches):
            select(among: matches, requestedState: requestedState, stateHeader: stateHeader)
        case .mismatched(let closest, let mismatches):
            .mismatched(closest, mismatches)
        case .unexpected(let closest, let mismatches):
            .unexpected(closest: closest, mismatches)
        }
    }

    private func best(of indices: [Int], selection: StateSelection, isReceived: (Int) -> Bool) -> MatchOutcome {
        var winner = indices[0]
        switch policy {
        case .declaredOrderNotYetReceived:
            winner = indices.first { !isReceived($0) } ?? indices[0]
        case .providerStateThenSpecificity:
            // Ties go to the first in serving order (`indices` are ascending).
            for index in indices.dropFirst() where served[index].specificity > served[winner].specificity {
                winner = index
            }
        }
        return .matched(winner, alternatives: indices.filter { $0 != winner }, selection: selection)
    }

    private func nearestIndex() -> NearestPathIndex {
        nearest.withLockedValue { cached in
            if let cached { return cached }
            let built = NearestPathIndex(paths: served.map(\.request.path))
            cached = built
            return built
        }
    }

    private func stateMismatch(_ requested: String, available: [Int], header: String) -> Mismatch {
        var names: [String] = []
        for index in available {
            for name in served[index].providerStates.map(\.name) where !names.contains(name) { names.append(name) }
        }
        let offered = names.isEmpty ? "none of them has a provider state" : "their states: "
            + names.map { "'\($0)'" }.joined(separator: ", ")
        return Mismatch(
            kind: .header, path: header, expected: names.isEmpty ? nil : names.joined(separator: " | "),
            actual: requested,
            message: "No interaction that matches this request has provider state '\(requested)' (\(offered))")
    }
}
