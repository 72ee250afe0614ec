import NIOConcurrencyHelpers
import NIOCore

/// Where a request waiting for a pooled connection stands: waiting, given a connection, out of time, or gone.
enum LeaseState: Sendable { case waiting, leased, timedOut, finished }

/// Ends the waits for a pooled connection that outlast the pool's connect timeout, with one timer for all of them.
///
/// A timer per request (set on an event loop, then cancelled once the connection comes, almost at once) costs two
/// wake-ups of that event loop per request, more than the lease itself. Here a request only adds itself to a table
/// and removes itself when it leaves; one check runs every `tick` while anybody waits (and not at all while nobody
/// does), and cancels the tasks whose time is up. A wait therefore ends between `timeout` and `timeout + tick`.
final class LeaseDeadlines: Sendable {
    private struct Waiter {
        let deadline: NIODeadline
        let state: NIOLockedValueBox<LeaseState>
        let task: LeaseWaiter
    }

    private struct Table {
        var waiters: [Int: Waiter] = [:]
        var nextID = 0
        /// Whether a check is scheduled.
        var armed = false
    }

    private let table = NIOLockedValueBox(Table())
    private let eventLoop: any EventLoop
    private let timeout: TimeAmount
    private let tick: TimeAmount

    /// Waits last `timeout`; checks run on `eventLoop` every tenth of it (at least every 10 ms, at most 250 ms).
    init(timeout: TimeAmount, eventLoop: any EventLoop) {
        self.timeout = timeout
        self.eventLoop = eventLoop
        tick = .nanoseconds(min(max(timeout.nanoseconds / 10, 10_000_000), 250_000_000))
    }

    /// Watches the current task's wait; `state` goes from `.waiting` to `.timedOut` (and the task is cancelled) when
    /// the time is up. Call `finish(_:)` with the result when the wait is over, whatever its outcome.
    func start(_ state: NIOLockedValueBox<LeaseState>) -> Int {
        let waiter = withUnsafeCurrentTask { Waiter(deadline: .now() + timeout, state: state, task: LeaseWaiter(task: $0)) }
        let (id, arm) = table.withLockedValue { table in
            let id = table.nextID
            table.nextID &+= 1
            table.waiters[id] = waiter
            defer { table.armed = true }
            return (id, !table.armed)
        }
        if arm { scheduleCheck() }
        return id
    }

    /// The wait `id` is over; its task may end.
    func finish(_ id: Int) {
        _ = table.withLockedValue { $0.waiters.removeValue(forKey: id) }
    }

    private func scheduleCheck() {
        eventLoop.scheduleTask(in: tick) { self.check() }
    }

    private func check() {
        let now = NIODeadline.now()
        let (expired, rearm) = table.withLockedValue { table in
            let expired = table.waiters.filter { $0.value.deadline <= now }
            for id in expired.keys { table.waiters.removeValue(forKey: id) }
            table.armed = !table.waiters.isEmpty
            return (expired.values, table.armed)
        }
        for waiter in expired {
            // Under the lock: while the state is `.waiting` the task is still inside `PostgresPool.leased` (it leaves
            // only after marking the state `.finished`), so the task it cancels is alive.
            waiter.state.withLockedValue { state in
                guard state == .waiting else { return }
                state = .timedOut
                waiter.task.cancel()
            }
        }
        if rearm { scheduleCheck() }
    }
}

/// Cancels the task waiting for a lease when its time is up. Unchecked Sendable: `UnsafeCurrentTask` may only be
/// used while its task runs, which `PostgresPool.leased`'s state guarantees for every call of `cancel`.
struct LeaseWaiter: @unchecked Sendable {
    let task: UnsafeCurrentTask?

    func cancel() { task?.cancel() }
}
