import Foundation

/// The time source of the dispatcher: the date stamped on logs and the waits between attempts. Tests inject one
/// that records the waits instead of sleeping.
public protocol WebhookClock: Sendable {
    /// The current date.
    func now() -> Date
    /// Waits `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `Date()` and `Task.sleep`.
public struct SystemWebhookClock: WebhookClock {
    /// The system clock.
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
