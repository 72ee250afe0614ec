import Foundation

/// Waiting for something that happens on another thread or in another process (a line of output, a row, a closed
/// port): the one polling helper of the test targets. It waits for the event, never for a fixed time, and gives up
/// only after a generous timeout, so a loaded CI machine makes a test slower, not red.
public enum Polling {
    /// How long a wait lasts before it fails when the caller names no timeout, in seconds.
    public static let defaultTimeout: TimeInterval = 15

    /// A condition that did not hold in time.
    public struct Timeout: Error, Sendable, CustomStringConvertible {
        /// What was awaited, as a phrase ("the listening line").
        public var what: String
        /// The time waited, in seconds.
        public var seconds: TimeInterval
        public var description: String { "timed out after \(seconds) s waiting until \(what)" }
    }

    /// Polls `condition` every 20 ms until it holds; throws `Timeout` after `timeout` seconds.
    public static func until(
        _ what: String, timeout: TimeInterval = defaultTimeout, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try await !condition() {
            guard Date() < deadline else { throw Timeout(what: what, seconds: timeout) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// `until(_:timeout:_:)` for synchronous callers, blocking the calling thread between polls.
    public static func blockingUntil(
        _ what: String, timeout: TimeInterval = defaultTimeout, _ condition: () throws -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { throw Timeout(what: what, seconds: timeout) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}

/// Polls `condition` until it holds, failing after `timeout` seconds: `Polling.until` under the name the tests use.
public func waitUntil(
    _ what: String, timeout: TimeInterval = Polling.defaultTimeout, _ condition: () async throws -> Bool
) async throws {
    try await Polling.until(what, timeout: timeout, condition)
}
