import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// A server executable's life: its services run in a swift-service-lifecycle `ServiceGroup`; the first SIGINT or
/// SIGTERM shuts them down gracefully (in-flight requests finish), a second exits at once with status 1.
///
/// Signals come from swift-service-lifecycle's `UnixSignalsSequence`. On Linux its dispatch signal sources read a
/// `signalfd`, which sees only signals that the receiving thread blocks, plus a handler dispatch installs for
/// signals taken by the main thread. A worker thread leaving SIGINT unblocked would take it and it would be lost (the
/// old dispatch-based TerminationSignals lost them so). Dispatch's threads block every signal and a new thread
/// inherits its creator's mask; `init` also blocks SIGINT and SIGTERM in its own thread, so the servers' event loops
/// started afterwards block them too. `MockSignalTests` checks every thread's mask and stops fresh processes under
/// load. Create it before the servers start, so that an early signal is kept rather than fatal.
public struct ServerLifecycle: Sendable {
    private let signals: UnixSignalsSequence

    /// Starts trapping SIGINT and SIGTERM in place of their default action.
    public init() async {
        Self.blockTerminationSignals()
        signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
    }

    /// Blocks SIGINT and SIGTERM in the calling thread (and so in the threads it starts from now on).
    private static func blockTerminationSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Runs `services` until they end, shutting them down in reverse order. The first signal is logged as
    /// `received SIGINT, stopping` and starts the graceful shutdown; a second is logged as `received SIGINT again,
    /// exiting at once`, then `beforeExit` runs and the process exits with status 1.
    public func run(
        _ services: [any Service], logger: Logger, beforeExit: @escaping @Sendable () -> Void = {}
    ) async throws {
        let group = ServiceGroup(services: services, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask { [signals] in
                var received = signals.makeAsyncIterator()
                guard let first = await received.next() else { return }
                logger.info("received \(first), stopping")
                await group.triggerGracefulShutdown()
                guard let again = await received.next() else { return }
                logger.info("received \(again) again, exiting at once")
                beforeExit()
                exit(1)
            }
            // The group ends first (after a signal, or when a service fails); the signal watcher then has no use.
            try await tasks.next()
            tasks.cancelAll()
        }
    }
}
