import Foundation
import NIOConcurrencyHelpers
import HTTPServerCore
import PactModel
import PactMockServer

/// Remembers which interaction answered a request with exactly these bytes (method, target, body, and the header
/// fields matching can look at, in order), so a repeated request skips decoding and matching. Choosing is a pure
/// function of those and the catalogue: only headers some interaction expects are compared (extra ones are allowed),
/// plus `Content-Type` (it decides how the body is read) and the provider-state header. Each catalogue has its own
/// memo, so a reload forgets everything. Responses are still rendered
/// (generators run) and every request is still recorded. Only matches are remembered; failures are matched afresh
/// to report their mismatches. The memo stops growing at `byteLimit` bytes of remembered requests; once it is full and
/// many requests in a row were not in it (every body differs), building a key costs more than it saves, so only
/// every `sampleInterval`-th request is looked up until one is found again.
final class MatchMemo: Sendable {
    struct Key: Hashable, Sendable {
        let method: String
        let target: String
        let headers: [(name: String, value: String)]
        let body: Data
        let hasBody: Bool
        /// Hashed once, outside the lock.
        private let hash: Int

        /// - Parameter headerNames: lower-cased names of the headers that can change the outcome.
        init(_ request: ServerRequest, headerNames: [String], stateHeader: String) {
            method = request.method
            target = request.target
            headers = request.headers.filter { field in
                ActualRequest.sameHeaderName(field.name, stateHeader)
                    || headerNames.contains { ActualRequest.sameHeaderName(field.name, $0) }
            }
            body = request.body
            hasBody = request.hasBody
            var hasher = Hasher()
            hasher.combine(method)
            hasher.combine(target)
            for field in headers {
                hasher.combine(field.name)
                hasher.combine(field.value)
            }
            hasher.combine(body)
            hasher.combine(hasBody)
            hash = hasher.finalize()
        }

        /// Roughly what remembering this key costs in memory.
        var size: Int {
            64 + method.utf8.count + target.utf8.count + body.count
                + headers.reduce(0) { $0 + 32 + $1.name.utf8.count + $1.value.utf8.count }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hash == rhs.hash && lhs.method == rhs.method && lhs.target == rhs.target && lhs.hasBody == rhs.hasBody
                && lhs.body == rhs.body && lhs.headers.count == rhs.headers.count
                && zip(lhs.headers, rhs.headers).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        }
    }

    struct Answer: Sendable {
        let chosen: Int
        let alternatives: [Int]
        let selection: StateSelection
    }

    private struct State {
        var answers: [Key: Answer] = [:]
        var bytes = 0
        /// A request was not remembered for lack of room.
        var full = false
        /// Requests not found in a row since the memo became full.
        var missesInARow = 0
        /// Requests since the last one looked up while sampling.
        var sinceSample = 0
    }

    let byteLimit: Int
    /// Misses in a row, once full, after which only samples are looked up.
    let missLimit: Int
    let sampleInterval: Int
    /// Lower-cased names of the headers a key keeps.
    let headerNames: [String]
    private let state = NIOLockedValueBox(State())

    init(headerNames: [String], byteLimit: Int = 8 * 1024 * 1024, missLimit: Int = 1024, sampleInterval: Int = 64) {
        self.headerNames = headerNames
        self.byteLimit = byteLimit
        self.missLimit = missLimit
        self.sampleInterval = sampleInterval
    }

    /// The key of `request`, or nil when the memo is not worth consulting for it (full and rarely answering).
    func key(for request: ServerRequest, stateHeader: String) -> Key? {
        let consult = state.withLockedValue { state in
            guard state.full, state.missesInARow >= missLimit else { return true }
            state.sinceSample += 1
            guard state.sinceSample >= sampleInterval else { return false }
            state.sinceSample = 0
            return true
        }
        return consult ? Key(request, headerNames: headerNames, stateHeader: stateHeader) : nil
    }

    func answer(for key: Key) -> Answer? {
        state.withLockedValue { state in
            let answer = state.answers[key]
            if answer != nil {
                state.missesInARow = 0
            } else if state.full {
                state.missesInARow += 1
            }
            return answer
        }
    }

    func remember(_ answer: Answer, for key: Key) {
        let size = key.size
        state.withLockedValue { state in
            guard state.bytes + size <= byteLimit else {
                state.full = true
                return
            }
            guard state.answers[key] == nil else { return }
            state.answers[key] = answer
            state.bytes += size
        }
    }
}
