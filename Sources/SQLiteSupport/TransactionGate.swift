import NIOConcurrencyHelpers
import NIOCore

/// Lets one transaction at a time through, in arrival order, and holds it across the transaction's suspension
/// points (a lock cannot be held across an `await`). Stores whose own connection admits one transaction at a time
/// (SQLite, the in-memory tables) serialise their transactions with it.
package final class TransactionGate: Sendable {
    private struct State: Sendable {
        var held = false
        var waiting = CircularBuffer<CheckedContinuation<Void, Never>>()
    }

    private let state = NIOLockedValueBox(State())

    /// An open gate.
    package init() {}

    /// Runs `body` once every transaction that arrived earlier has finished.
    package func exclusively<Value>(_ body: () async throws -> Value) async throws -> Value {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        let entered = state.withLockedValue { state in
            if state.held { return false }
            state.held = true
            return true
        }
        if entered { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let enteredMeanwhile = state.withLockedValue { state in
                if state.held {
                    state.waiting.append(continuation)
                    return false
                }
                state.held = true
                return true
            }
            if enteredMeanwhile { continuation.resume() }
        }
    }

    /// Hands the gate straight to the next waiter (it stays held), or opens it.
    private func leave() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.held = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}
