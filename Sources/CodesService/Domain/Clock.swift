import Foundation

/// Where the service reads the current instant. All dates are interpreted in UTC.
public protocol CodeClock: Sendable {
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: CodeClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to, so expiry rules can be tested at exact instants.
public final class ManualClock: CodeClock {
    private let current: Locked<Date>

    public init(_ start: Date) { current = Locked(start) }

    /// Starts at a UTC instant written `YYYY-MM-DDTHH:MM:SSZ`; nil when the text is not such an instant.
    public convenience init?(iso8601 text: String) {
        guard let date = UTC.parseInstant(text) else { return nil }
        self.init(date)
    }

    public func now() -> Date { current.withLock { $0 } }

    public func set(_ date: Date) { current.withLock { $0 = date } }

    public func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
