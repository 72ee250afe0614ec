import Foundation
import NIOConcurrencyHelpers
import PactMatching
import PactModel

/// The in-process mock provider without any I/O: asks the matching engine for the interaction of each request
/// (declared order, first not yet received), builds the answer and records what happened. Safe to call from many
/// threads; matching runs outside the lock, only the choice and the bookkeeping inside it.
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

    private let engine: MatchingEngine
    private let interactionList: [HTTPInteraction]
    private let corsPreflight: Bool
    private let maxRecordedMatches: Int
    private let state: NIOLockedValueBox<State>

    /// - Parameters:
    ///   - specVersion: the rules requests are matched by (V1 compares raw query strings, V3+ media-type parameters…).
    ///   - corsPreflight: answer `OPTIONS` requests that match no interaction with 204 and CORS headers, and add
    ///     CORS headers to every response.
    ///   - maxRecordedMatches: matched requests kept in full; later ones are only counted (failures are always kept).
    public init(
        interactions: [HTTPInteraction], specVersion: PactSpecVersion = .v4, corsPreflight: Bool = false,
        maxRecordedMatches: Int = 10_000
    ) {
        engine = MatchingEngine(interactions, version: { _ in specVersion }, policy: .declaredOrderNotYetReceived)
        interactionList = interactions
        self.corsPreflight = corsPreflight
        self.maxRecordedMatches = max(0, maxRecordedMatches)
        state = NIOLockedValueBox(State(receivedCounts: Array(repeating: 0, count: interactions.count)))
    }

    /// The interactions being served, in their original order.
    public var interactions: [HTTPInteraction] { interactionList }

    /// Sets the base URL that MockServerURL generators substitute (known once the server has bound its port).
    public func setServerURL(_ url: String) {
        state.withLockedValue { $0.serverURL = url }
    }

    /// The answer to `request`: the best interaction's response, or a 500 that says what is wrong. Every request
    /// is recorded before this returns, so `verification()` right after a client's response sees it.
    public func respond(to request: PactRequest) -> MockResponse {
        let evaluation = engine.evaluate(request)
        if case .fullMatches(let matches) = evaluation { return respondMatched(request, among: matches) }
        if corsPreflight, request.method.uppercased() == "OPTIONS" { return CORS.preflight(for: request) }
        var response: MockResponse
        if case .mismatched(let closest, let mismatches) = evaluation {
            let description = interactionList[closest].info.description
            state.withLockedValue {
                $0.mismatched.append(MismatchedRequest(request: request, interaction: description,
                                                       interactionIndex: closest, mismatches: mismatches))
            }
            response = ErrorResponses.mismatch(request, interaction: description, mismatches: mismatches)
        } else {
            state.withLockedValue { $0.unexpected.append(UnexpectedRequest(request: request)) }
            response = ErrorResponses.unexpected(request, interactions: interactionList)
        }
        if corsPreflight { response.headers += CORS.headers(for: request) }
        return response
    }

    /// Among full matches the first not yet received wins, so identical interactions are each used once.
    private func respondMatched(_ request: PactRequest, among matches: [Int]) -> MockResponse {
        let (chosen, serverURL) = state.withLockedValue { state in
            // Without a requested state the engine always chooses one of `matches`.
            var chosen = matches[0]
            if case .matched(let pick, _, _) = engine.select(among: matches, isReceived: { state.receivedCounts[$0] > 0 }) {
                chosen = pick
            }
            state.receivedCounts[chosen] += 1
            state.matchedCount += 1
            if state.matched.count < maxRecordedMatches {
                state.matched.append(MatchedRequest(request: request, interaction: interactionList[chosen].info.description,
                                                    interactionIndex: chosen))
            }
            return (chosen, state.serverURL)
        }
        var warnings: [String] = []
        var response = engine.render(chosen, mockServerURL: serverURL, warnings: &warnings)
        if !warnings.isEmpty { state.withLockedValue { $0.warnings += warnings } }
        if corsPreflight { response.headers += CORS.headers(for: request) }
        return response
    }

    /// A snapshot of everything recorded so far.
    public func verification() -> MockServerVerification {
        let interactions = interactionList
        return state.withLockedValue { state in
            MockServerVerification(
                matched: state.matched, matchedCount: state.matchedCount, mismatched: state.mismatched,
                unexpected: state.unexpected,
                missing: interactions.indices.filter { state.receivedCounts[$0] == 0 }.map { interactions[$0] },
                warnings: state.warnings, serverURL: state.serverURL)
        }
    }
}
