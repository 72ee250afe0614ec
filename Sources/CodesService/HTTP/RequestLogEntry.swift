import Foundation

/// What the service reports about each request it answered.
public struct RequestLogEntry: Sendable {
    /// When the request arrived (wall clock, not the service's injectable clock).
    public var received: Date
    /// The request method, as sent.
    public var method: String
    /// The request target as sent (path and query).
    public var target: String
    /// The HTTP status the service answered with.
    public var status: Int
    /// How long the service took to answer, measured on the continuous clock.
    public var duration: Duration
    /// For 500 responses: the internal failure, which the caller is not shown.
    public var failure: String?

    /// One line: `2026-05-01T10:00:00.123Z POST /v1/create 200 1.234ms`, plus `error: …` for failures.
    public var line: String {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let millis = "\(micros / 1000).\(String(repeating: "0", count: 3 - String(micros % 1000).count))\(micros % 1000)ms"
        var text = "\(UTC.timestamp(received)) \(method) \(target) \(status) \(millis)"
        if let failure { text += " error: \(failure)" }
        return text
    }
}
