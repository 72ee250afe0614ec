import Foundation

/// UTC calendar arithmetic on the proleptic Gregorian calendar, without Foundation's Calendar (which is slow to
/// build and locale-sensitive). The day algorithms are Howard Hinnant's `days_from_civil`/`civil_from_days`.
enum UTC {
    static let secondsPerDay: Int64 = 86_400

    struct Civil: Hashable {
        var year: Int
        var month: Int
        var day: Int
    }

    /// Days since 1970-01-01. Linear in `day`, so a day past the month's end rolls into the next month (as Go's
    /// `time.Date` normalises).
    static func days(from civil: Civil) -> Int64 {
        // Normalise the month first so only the day may overflow.
        let monthIndex = civil.month - 1
        let year = Int64(civil.year) + Int64(monthIndex.floorDiv(12))
        let month = Int64(monthIndex.floorMod(12) + 1)
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(civil.day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> Civil {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Civil(year: Int(year), month: Int(month), day: Int(day))
    }

    /// The day number and the seconds into that day of an instant.
    static func split(_ date: Date) -> (days: Int64, secondsIntoDay: Double) {
        let seconds = date.timeIntervalSince1970
        let days = Int64((seconds / Double(secondsPerDay)).rounded(.down))
        return (days, seconds - Double(days * secondsPerDay))
    }

    /// 00:00 UTC of the instant's day.
    static func startOfDay(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(split(date).days * secondsPerDay))
    }

    /// Go's `AddDate`: shifts the calendar fields and keeps the time of day; overflowing days roll over
    /// (31 January + 1 month = 3 March, 29 February + 1 year = 1 March).
    static func adding(years: Int = 0, months: Int = 0, days: Int = 0, to date: Date) -> Date {
        let (dayNumber, secondsIntoDay) = split(date)
        var civil = civil(fromDays: dayNumber)
        civil.year += years
        civil.month += months
        civil.day += days
        return Date(timeIntervalSince1970: Double(self.days(from: civil) * secondsPerDay) + secondsIntoDay)
    }

    /// `YYYY-MM-DD` of the instant's UTC day.
    static func dateString(_ date: Date) -> String {
        format(civil(fromDays: split(date).days))
    }

    static func format(_ civil: Civil) -> String {
        "\(pad(civil.year, 4))-\(pad(civil.month, 2))-\(pad(civil.day, 2))"
    }

    /// A strict RFC 3339 `full-date`: four-digit year, two-digit month and day, a day that exists in that month.
    static func parseDate(_ text: String) -> Civil? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              (1...12).contains(month), day >= 1
        else { return nil }
        let civil = Civil(year: year, month: month, day: day)
        // A day past the month's end would roll over; a real date round-trips.
        return self.civil(fromDays: days(from: civil)) == civil ? civil : nil
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC only); used by tests and the CLI to pin the clock.
    static func parseInstant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
              bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z"),
              let civil = parseDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let seconds = days(from: civil) * secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// The IMF-fixdate of an HTTP `Date` header: `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ date: Date) -> String {
        let (dayNumber, secondsIntoDay) = split(date)
        let civil = civil(fromDays: dayNumber)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let seconds = Int(secondsIntoDay)
        let time = "\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        return "\(weekdays[Int(dayNumber.floorMod(7))]), \(pad(civil.day, 2)) \(months[civil.month - 1]) "
            + "\(pad(civil.year, 4)) \(time) GMT"
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, for log lines.
    static func timestamp(_ date: Date) -> String {
        let (dayNumber, secondsIntoDay) = split(date)
        let millis = Int((secondsIntoDay * 1000).rounded(.down))
        let seconds = millis / 1000
        return "\(format(civil(fromDays: dayNumber)))T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):"
            + "\(pad(seconds % 60, 2)).\(pad(millis % 1000, 3))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension Int {
    fileprivate func floorDiv(_ divisor: Int) -> Int { (self - floorMod(divisor)) / divisor }
    fileprivate func floorMod(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}

extension Int64 {
    fileprivate func floorMod(_ divisor: Int64) -> Int64 { ((self % divisor) + divisor) % divisor }
}
