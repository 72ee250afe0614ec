import Foundation
import HTTPServerCore
import PactModel

/// Remembers which interaction answered a request with exactly these bytes (method, target, header fields in
/// order, body), so a repeated request skips decoding and matching. Choosing is a pure function of the request and
/// the catalogue, and each catalogue has its own memo, so a reload forgets everything. Responses are still rendered
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

        init(_ request: ServerRequest) {
            method = request.method
            target = request.target
            headers = request.headers
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
    private let state = Locked(State())

    init(byteLimit: Int = 8 * 1024 * 1024) {
        self.byteLimit = byteLimit
    }

    func answer(for key: Key) -> Answer? {
        state.withLock { $0.answers[key] }
    }

    func remember(_ answer: Answer, for key: Key) {
        let size = key.size
        state.withLock { state in
            guard state.bytes + size <= byteLimit, state.answers[key] == nil else { return }
            state.answers[key] = answer
            state.bytes += size
        }
    }
}
