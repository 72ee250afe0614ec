import Foundation

/// Dates in words as pact_broker's pages show them: its `DateHelper` (Rails' `distance_of_time_in_words`, English)
/// for "3 days ago", and `local_date_in_words` (in UTC) for the exact date in the tooltip.
public enum RelativeTimeText {
    /// The distance between `date` and `now` in words, with " ago" (or " from now" for a date in the future):
    /// "less than a minute ago", "about 2 hours ago", "3 days ago", "over 1 year ago".
    public static func ago(_ date: Date, now: Date) -> String {
        let words = distance(from: date, to: now)
        return date > now.addingTimeInterval(60) ? words + " from now" : words + " ago"
    }

    /// Rails' `distance_of_time_in_words` without seconds: the words for the time between two dates, in either order.
    public static func distance(from: Date, to: Date) -> String {
        let (early, late) = from <= to ? (from, to) : (to, from)
        // Bounded so that a nonsense date (a corrupt row) gives nonsense words, never an overflow.
        let seconds = late.timeIntervalSince(early)
        let minutes = seconds.isFinite ? Int((min(seconds, 1e15) / 60).rounded()) : 0
        switch minutes {
        case 0: return "less than a minute"
        case 1: return "1 minute"
        case 2..<45: return "\(minutes) minutes"
        case 45..<90: return "about 1 hour"
        case 90..<1440: return "about \(Int((Double(minutes) / 60).rounded())) hours"
        case 1440..<2520: return "1 day"
        case 2520..<43200: return "\(Int((Double(minutes) / 1440).rounded())) days"
        case 43200..<86400:
            let months = Int((Double(minutes) / 43200).rounded())
            return months == 1 ? "about 1 month" : "about \(months) months"
        case 86400..<525600: return "\(Int((Double(minutes) / 43200).rounded())) months"
        default:
            // Leap days between the dates do not count toward the years, as in Rails.
            let offset = leapDays(from: early, to: late) * 1440
            let withOffset = minutes - offset
            let years = withOffset / 525600
            let remainder = withOffset % 525600
            if remainder < 131400 { return years == 1 ? "about 1 year" : "about \(years) years" }
            if remainder < 394200 { return years == 1 ? "over 1 year" : "over \(years) years" }
            return "almost \(years + 1) years"
        }
    }

    /// The exact date as pact_broker's `local_date_in_words` writes it, in UTC: "Fri 04 Dec 2026, 9:05am +00:00".
    public static func exact(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let hour24 = c.hour ?? 0
        let hour = hour24 % 12 == 0 ? 12 : hour24 % 12
        let weekday = weekdays[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return "\(weekday) \(two(c.day ?? 1)) \(month) \(c.year ?? 0), \(hour):\(two(c.minute ?? 0))"
            + (hour24 < 12 ? "am" : "pm") + " +00:00"
    }

    /// The date in ISO 8601 (UTC), for `<time datetime>`: "2026-12-04T09:05:00Z".
    public static func iso(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(c.year ?? 0)-\(two(c.month ?? 1))-\(two(c.day ?? 1))T\(two(c.hour ?? 0)):\(two(c.minute ?? 0)):"
            + "\(two(c.second ?? 0))Z"
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Rails counts the leap years from the first year whose February is still ahead to the last whose February is
    /// behind.
    private static func leapDays(from early: Date, to late: Date) -> Int {
        let from = utcCalendar.dateComponents([.year, .month], from: early)
        let to = utcCalendar.dateComponents([.year, .month], from: late)
        guard var firstYear = from.year, var lastYear = to.year else { return 0 }
        if (from.month ?? 1) >= 3 { firstYear += 1 }
        if (to.month ?? 1) < 3 { lastYear -= 1 }
        guard firstYear <= lastYear else { return 0 }
        func leapYears(through year: Int) -> Int { year / 4 - year / 100 + year / 400 }
        return leapYears(through: lastYear) - leapYears(through: firstYear - 1)
    }
}
