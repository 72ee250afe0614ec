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
/// to report their mismatches. The memo stops growing at `byteLimit` bytes of remembered requests.
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
    }

    let byteLimit: Int
    /// Lower-cased names of the headers a key keeps.
    let headerNames: [String]
    private let state = NIOLockedValueBox(State())

    init(headerNames: [String], byteLimit: Int = 8 * 1024 * 1024) {
        self.headerNames = headerNames
        self.byteLimit = byteLimit
    }

    func key(for request: ServerRequest, stateHeader: String) -> Key {
        Key(request, headerNames: headerNames, stateHeader: stateHeader)
    }

    func answer(for key: Key) -> Answer? {
        state.withLockedValue { $0.answers[key] }
    }

    func remember(_ answer: Answer, for key: Key) {
        let size = key.size
        state.withLockedValue { state in
            guard state.bytes + size <= byteLimit, state.answers[key] == nil else { return }
            state.answers[key] = answer
            state.bytes += size
        }
    }
}
