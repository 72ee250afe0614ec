import NIOConcurrencyHelpers

/// A one-shot signal that wakes every waiter when fired; a waiter whose task is cancelled wakes too.
final class ShutdownSignal: Sendable {
    private struct State {
        var fired = false
        var nextID = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var cancelled: Set<Int> = []
    }

    private let state = NIOLockedValueBox(State())

    /// Whether `fire()` was called.
    var isFired: Bool { state.withLockedValue { $0.fired } }

    /// Wakes every current and future waiter.
    func fire() {
        let waiters = state.withLockedValue { state in
            state.fired = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when fired or when the task is cancelled.
    func wait() async {
        let id = state.withLockedValue { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLockedValue { state in
                    if state.fired || state.cancelled.contains(id) { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLockedValue { state in
                state.cancelled.insert(id)
                return state.waiters.removeValue(forKey: id)
            }
            waiter?.resume()
        }
        state.withLockedValue { _ = $0.cancelled.remove(id) }
    }
}
