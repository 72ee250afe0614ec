import ServiceLifecycle

/// A `Service` for something already started (a bound server): it waits for graceful shutdown, or cancellation,
/// then runs `stop`, which for a server lets in-flight requests finish.
public struct StopOnShutdown: Service {
    private let stop: @Sendable () async throws -> Void

    /// A service whose shutdown is `stop`.
    public init(_ stop: @escaping @Sendable () async throws -> Void) {
        self.stop = stop
    }

    /// Waits for graceful shutdown or cancellation, then stops.
    public func run() async throws {
        // Cancellation ends the wait too; the thing still has to be stopped.
        try? await gracefulShutdown()
        try await stop()
    }
}
