import Foundation
import PactMatching
import PactModel

/// The mock provider without any I/O: picks the interaction for each request, builds the answer and records what
/// happened. Safe to call from many threads; matching runs outside the lock, only the bookkeeping inside it.
public final class MockEngine: Sendable {
    private struct State {
        var serverURL: String?
        var receivedCounts: [Int]
        var matched: [MatchedRequest] = []
        var matchedCount = 0
        var mismatched: [MismatchedRequest] = []
        var unexpected: [UnexpectedRequest] = []
        var warnings: [String] = []
    }

    private let index: InteractionIndex
    private let templates: [ResponseTemplate]
    private let specVersion: PactSpecVersion
    private let corsPreflight: Bool
    private let maxRecordedMatches: Int
    private let state: Locked<State>

    /// - Parameters:
    ///   - specVersion: the rules requests are matched by (V1 compares raw query strings, V3+ media-type parameters…).
    ///   - corsPreflight: answer `OPTIONS` requests that match no interaction with 204 and CORS headers, and add
    ///     CORS headers to every response.
    ///   - maxRecordedMatches: matched requests kept in full; later ones are only counted (failures are always kept).
    public init(
        interactions: [HTTPInteraction], specVersion: PactSpecVersion = .v4, corsPreflight: Bool = false,
        maxRecordedMatches: Int = 10_000
    ) {
        index = InteractionIndex(interactions)
        templates = interactions.map(ResponseTemplate.init)
        self.specVersion = specVersion
        self.corsPreflight = corsPreflight
        self.maxRecordedMatches = max(0, maxRecordedMatches)
        state = Locked(State(receivedCounts: Array(repeating: 0, count: interactions.count)))
    }

    /// The interactions being served, in their original order.
    public var interactions: [HTTPInteraction] { index.interactions }

    /// Sets the base URL that MockServerURL generators substitute (known once the server has bound its port).
    public func setServerURL(_ url: String) {
        state.withLock { $0.serverURL = url }
    }

    /// The answer to `request`: the best interaction's response, or a 500 that says what is wrong. Every request
    /// is recorded before this returns, so `verification()` right after a client's response sees it.
    public func respond(to request: HTTPRequest) -> MockResponse {
        let candidates = index.candidates(method: request.method, path: request.path)
        var closest: (index: Int, mismatches: [Mismatch])?
        var fullMatches: [Int] = []
        for candidate in candidates {
            let mismatches = RequestMatching.match(expected: index.interactions[candidate].request, actual: request,
                                                   version: specVersion)
            if mismatches.isEmpty {
                fullMatches.append(candidate)
            } else if closest.map({ mismatches.count < $0.mismatches.count }) ?? true {
                // Strictly fewer: on a tie the earlier interaction stays the closest.
                closest = (candidate, mismatches)
            }
        }
        if !fullMatches.isEmpty { return respondMatched(request, among: fullMatches) }
        if corsPreflight, request.method.uppercased() == "OPTIONS" { return CORS.preflight(for: request) }
        var response: MockResponse
        if let closest {
            let description = index.interactions[closest.index].info.description
            state.withLock {
                $0.mismatched.append(MismatchedRequest(request: request, interaction: description,
                                                       interactionIndex: closest.index, mismatches: closest.mismatches))
            }
            response = ErrorResponses.mismatch(request, interaction: description, mismatches: closest.mismatches)
        } else {
            state.withLock { $0.unexpected.append(UnexpectedRequest(request: request)) }
            response = ErrorResponses.unexpected(request, interactions: index.interactions)
        }
        if corsPreflight { response.headers += CORS.headers(for: request) }
        return response
    }

    /// Among full matches the first not yet received wins, so identical interactions are each used once.
    private func respondMatched(_ request: HTTPRequest, among matches: [Int]) -> MockResponse {
        let (chosen, serverURL) = state.withLock { state in
            let chosen = matches.first { state.receivedCounts[$0] == 0 } ?? matches[0]
            state.receivedCounts[chosen] += 1
            state.matchedCount += 1
            if state.matched.count < maxRecordedMatches {
                state.matched.append(MatchedRequest(request: request, interaction: index.interactions[chosen].info.description,
                                                    interactionIndex: chosen))
            }
            return (chosen, state.serverURL)
        }
        var warnings: [String] = []
        var response = templates[chosen].render(mockServerURL: serverURL, warnings: &warnings)
        if !warnings.isEmpty { state.withLock { $0.warnings += warnings } }
        if corsPreflight { response.headers += CORS.headers(for: request) }
        return response
    }

    /// A snapshot of everything recorded so far.
    public func verification() -> MockServerVerification {
        let interactions = index.interactions
        return state.withLock { state in
            MockServerVerification(
                matched: state.matched, matchedCount: state.matchedCount, mismatched: state.mismatched,
                unexpected: state.unexpected,
                missing: interactions.indices.filter { state.receivedCounts[$0] == 0 }.map { interactions[$0] },
                warnings: state.warnings, serverURL: state.serverURL)
        }
    }
}
