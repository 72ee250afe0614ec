import Foundation
import NIOConcurrencyHelpers
import PactModel

/// The requests a standalone mock received, with their outcomes, and how often each interaction answered. The
/// newest `limit` entries are kept (a ring, so a load test cannot grow memory); failures are also kept apart, up to
/// `limit`, so a verification reports them however much traffic followed. Received counts are per interaction
/// and survive reloads for interactions that are still there.
final class RequestLog: Sendable {
    private struct State {
        var ring: [MockRequestLogEntry] = []
        /// Where the next entry goes once the ring is full.
        var next = 0
        var sequence = 0
        var firstSequenceSinceClear = 0
        var failures: [MockRequestLogEntry] = []
        var failureCount = 0
        var matchedCount = 0
        var catalogue: PactCatalogue
        var received: [Int]
        /// The catalogue replaced by the last reload, and where each of its interactions is now (by ordinal), for
        /// requests that were being answered from it meanwhile. An identifier, not a reference: the old catalogue
        /// must not stay in memory, and one still in use by a request cannot be freed (so its identifier not reused).
        var previous: (catalogue: ObjectIdentifier, newOrdinals: [Int?])?
    }

    let limit: Int
    private let state: NIOLockedValueBox<State>

    init(catalogue: PactCatalogue, limit: Int) {
        self.limit = max(0, limit)
        state = NIOLockedValueBox(State(catalogue: catalogue, received: Array(repeating: 0, count: catalogue.count)))
    }

    /// Records `entry` (its sequence number is assigned here) and returns that number. `catalogue` is the one that
    /// chose the interaction; if a reload replaced it meanwhile, the count goes to the same interaction in the new
    /// one.
    func record(_ entry: MockRequestLogEntry, catalogue: PactCatalogue) -> Int {
        state.withLockedValue { state in
            state.sequence += 1
            var entry = entry
            entry.sequence = state.sequence
            switch entry.outcome {
            case .matched(let summary, _, _):
                state.matchedCount += 1
                if catalogue === state.catalogue {
                    state.received[summary.canonicalOrdinal] += 1
                } else if let previous = state.previous, previous.catalogue == ObjectIdentifier(catalogue),
                          summary.ordinal < previous.newOrdinals.count, let ordinal = previous.newOrdinals[summary.ordinal] {
                    state.received[ordinal] += 1
                }
            case .mismatched, .unexpected:
                state.failureCount += 1
                if state.failures.count < limit { state.failures.append(entry) }
            case .preflight:
                break
            }
            if state.ring.count < limit {
                state.ring.append(entry)
            } else if limit > 0 {
                state.ring[state.next] = entry
                state.next = (state.next + 1) % limit
            }
            return state.sequence
        }
    }

    /// Kept entries, oldest first, and how many older ones were dropped.
    func entries() -> (entries: [MockRequestLogEntry], dropped: Int) {
        state.withLockedValue { state in
            let ordered = Array(state.ring[state.next...] + state.ring[..<state.next])
            return (ordered, countSinceClear(state) - ordered.count)
        }
    }

    private func countSinceClear(_ state: State) -> Int {
        state.sequence - state.firstSequenceSinceClear
    }

    /// Forgets every entry and count, as if no request had arrived (sequence numbers continue).
    func clear() {
        state.withLockedValue { state in
            state.ring = []
            state.next = 0
            state.failures = []
            state.failureCount = 0
            state.matchedCount = 0
            state.received = Array(repeating: 0, count: state.received.count)
            state.firstSequenceSinceClear = state.sequence
        }
    }

    /// Moves the received counts to `catalogue`'s interactions, by identity. Called before the engine swaps it in.
    func rebase(to catalogue: PactCatalogue) {
        // Worked out outside the lock, so requests are not held up (only the watcher rebases, one at a time).
        let ordinals = Self.ordinals(catalogue)
        let old = state.withLockedValue { $0.catalogue }
        let newOrdinals = old.interactions.map { ordinals[$0.identity] }
        state.withLockedValue { state in
            var received = Array(repeating: 0, count: catalogue.count)
            for summary in old.interactions where summary.ordinal == summary.canonicalOrdinal {
                if let newOrdinal = newOrdinals[summary.ordinal] { received[newOrdinal] = state.received[summary.ordinal] }
            }
            state.previous = (ObjectIdentifier(old), newOrdinals)
            state.catalogue = catalogue
            state.received = received
        }
    }

    /// Counts for a verification.
    func snapshot() -> (catalogue: PactCatalogue, received: [Int], matched: Int, failures: [MockRequestLogEntry], failureCount: Int) {
        state.withLockedValue { ($0.catalogue, $0.received, $0.matchedCount, $0.failures, $0.failureCount) }
    }

    /// The canonical ordinal of each identity (identical duplicates share a count).
    private static func ordinals(_ catalogue: PactCatalogue) -> [String: Int] {
        var result: [String: Int] = [:]
        for summary in catalogue.interactions { result[summary.identity] = summary.canonicalOrdinal }
        return result
    }
}
