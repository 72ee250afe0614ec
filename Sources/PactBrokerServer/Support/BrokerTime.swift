import Foundation

/// The broker's timestamps as the API writes them (ISO 8601 with an offset, as pact_broker's `createdAt`).
enum BrokerTime {
    static func text(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
            .timeSeparator(.colon).timeZone(separator: .colon))
    }

    /// Parses an ISO 8601 date or date-time (`2024-01-02` or `2024-01-02T03:04:05Z`).
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? Date(text, strategy: fractional)
    }
}
