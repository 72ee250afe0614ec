import Foundation
import NIOConcurrencyHelpers

/// Where the service reads the current instant. All dates are interpreted in UTC.
public protocol CodeClock: Sendable {
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: CodeClock {
    /// Creates the wall clock; it holds no state.
    public init() {}
    /// The current system time.
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to, so expiry rules can be tested at exact instants.
public final class ManualClock: CodeClock {
    private let current: NIOLockedValueBox<Date>

    /// Starts the clock at `start`.
    public init(_ start: Date) { current = NIOLockedValueBox(start) }

    /// Starts at a UTC instant written `YYYY-MM-DDTHH:MM:SSZ`; nil when the text is not such an instant.
    public convenience init?(iso8601 text: String) {
        guard let date = UTC.parseInstant(text) else { return nil }
        self.init(date)
    }

    /// The instant last set; it does not move on its own.
    public func now() -> Date { current.withLockedValue { $0 } }

    /// Moves the clock to `date`, forwards or back.
    public func set(_ date: Date) { current.withLockedValue { $0 = date } }

    /// Moves the clock on by `seconds` (back when negative).
    public func advance(by seconds: TimeInterval) { current.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }
}
