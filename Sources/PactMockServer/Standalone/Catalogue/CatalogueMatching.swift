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
    /// Several matched and none was preferred: the most specific, then the first in serving order.
    case bestMatch
}

/// What the catalogue makes of one request.
enum CatalogueOutcome {
    /// `alternatives` are the other interactions that could have answered (for the log), in serving order.
    case matched(Int, alternatives: [Int], selection: StateSelection)
    /// An interaction has the method and path but differs in something else (or lacks the requested state).
    case mismatched(Int, [Mismatch])
    /// No interaction has the method and path; `closest` shares the most of the path, if any does.
    case unexpected(closest: Int?, [Mismatch])
}

extension PactCatalogue {
    /// Chooses the interaction for `request`.
    /// - Parameters:
    ///   - requestedState: the provider-state header's value: only interactions with that state may answer.
    ///   - stateHeader: the header's name, for the mismatch that says no matching interaction has the state.
    func match(_ request: HTTPRequest, requestedState: String?, stateHeader: String) -> CatalogueOutcome {
        var fullMatches: [Int] = []
        var closest: (index: Int, mismatches: [Mismatch], rank: Int)?
        for candidate in index.candidates(method: request.method, path: request.path) {
            let entry = entries[candidate]
            let mismatches = RequestMatching.match(expected: entry.interaction.request, actual: request,
                                                   version: entry.version)
            if mismatches.isEmpty {
                fullMatches.append(candidate)
                continue
            }
            // Fewest mismatches first; among equals one with the requested (or default) state; then serving order.
            let hasState = requestedState.map(entry.summary.providerStates.contains) ?? entry.preferred
            let rank = mismatches.count * 2 + (hasState ? 0 : 1)
            if closest.map({ rank < $0.rank }) ?? true { closest = (candidate, mismatches, rank) }
        }
        if !fullMatches.isEmpty {
            return choose(among: fullMatches, requestedState: requestedState, stateHeader: stateHeader)
        }
        if let closest {
            var mismatches = closest.mismatches
            if let requestedState, !entries[closest.index].summary.providerStates.contains(requestedState) {
                mismatches.append(stateMismatch(requestedState, available: [closest.index], header: stateHeader))
            }
            return .mismatched(closest.index, mismatches)
        }
        let nearby = nearest.nearest(to: request.path)
        let upper = CatalogueIndex.upperCased(request.method)
        guard let pick = nearby.first(where: { entries[$0].summary.method == upper }) ?? nearby.first else {
            return .unexpected(closest: nil, [])
        }
        let entry = entries[pick]
        return .unexpected(closest: pick, RequestMatching.match(expected: entry.interaction.request, actual: request,
                                                               version: entry.version))
    }

    private func choose(among matches: [Int], requestedState: String?, stateHeader: String) -> CatalogueOutcome {
        if let requestedState {
            let withState = matches.filter { entries[$0].summary.providerStates.contains(requestedState) }
            guard !withState.isEmpty else {
                return .mismatched(matches[0], [stateMismatch(requestedState, available: matches, header: stateHeader)])
            }
            return best(of: withState, selection: .header(requestedState))
        }
        if matches.count == 1 { return .matched(matches[0], alternatives: [], selection: .onlyMatch) }
        let preferred = matches.filter { entries[$0].preferred }
        return preferred.isEmpty ? best(of: matches, selection: .bestMatch) : best(of: preferred, selection: .defaultState)
    }

    /// The most specific; ties go to the first in serving order (`indices` are ascending).
    private func best(of indices: [Int], selection: StateSelection) -> CatalogueOutcome {
        var winner = indices[0]
        for index in indices.dropFirst() where entries[index].specificity > entries[winner].specificity {
            winner = index
        }
        return .matched(winner, alternatives: indices.filter { $0 != winner }, selection: selection)
    }

    private func stateMismatch(_ requested: String, available: [Int], header: String) -> Mismatch {
        var names: [String] = []
        for index in available {
            for name in entries[index].summary.providerStates where !names.contains(name) { names.append(name) }
        }
        let offered = names.isEmpty ? "none of them has a provider state" : "their states: "
            + names.map { "'\($0)'" }.joined(separator: ", ")
        return Mismatch(
            kind: .header, path: header, expected: names.isEmpty ? nil : names.joined(separator: " | "),
            actual: requested,
            message: "No interaction that matches this request has provider state '\(requested)' (\(offered))")
    }
}
