import Foundation

/// Date and time fields after cross-checking: what a parsed text means.
struct ResolvedDateTime: Sendable {
    var year: Int?
    var month: Int?
    var day: Int?
    var hour = 0
    var minute = 0
    var second = 0
    var nano = 0
    var offset: Int?
    var zone: TimeZone?

    /// The instant, with missing date fields taken from 1970-01-01 and a missing zone from `defaultZone`.
    func date(defaultZone: TimeZone) -> Date? {
        let zone = offset.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone ?? defaultZone
        let calendar = JavaDateTimePattern.calendar(zone)
        let proleptic = year ?? 1970
        var components = DateComponents(
            era: proleptic >= 1 ? 1 : 0, year: proleptic >= 1 ? proleptic : 1 - proleptic, month: month ?? 1, day: day ?? 1,
            hour: hour, minute: minute, second: second)
        components.calendar = calendar
        guard let whole = calendar.date(from: components) else { return nil }
        return whole.addingTimeInterval(Double(nano) / 1e9)
    }
}

extension ParsedDateTimeFields {
    /// Cross-checks the fields; nil when they contradict each other or name an impossible date.
    func resolved() -> ResolvedDateTime? {
        var result = ResolvedDateTime()
        var failed = false
        // Records `value` for a field, failing when an earlier field gave a different one.
        func agree(_ current: Int?, _ value: Int?) -> Int? {
            guard let value else { return current }
            if let current, current != value { failed = true }
            return value
        }
        let v = values
        if let u = v[.u] { result.year = agree(result.year, u) }
        if let uu = v[.uu] { result.year = agree(result.year, 2000 + uu) }
        if let y = v[.y] { result.year = agree(result.year, (v[.G] ?? 1) == 1 ? y : 1 - y) }
        if let yy = v[.yy] { result.year = agree(result.year, 2000 + yy) }
        // The week-based year stands in for the year only when nothing else gives one.
        if result.year == nil { result.year = v[.Y] ?? v[.YY].map { 2000 + $0 } }
        result.month = v[.M]
        if let quarter = v[.Q], let month = result.month, (month - 1) / 3 + 1 != quarter { return nil }
        result.day = v[.d]
        let calendarYear = result.year ?? 2000  // a leap year, so February 29th passes when no year is given
        if let dayOfYear = v[.D] {
            guard dayOfYear <= (Self.isLeap(calendarYear) ? 366 : 365) else { return nil }
            var month = 1, remaining = dayOfYear
            while remaining > Self.daysIn(month: month, year: calendarYear) {
                remaining -= Self.daysIn(month: month, year: calendarYear)
                month += 1
            }
            result.month = agree(result.month, month)
            result.day = agree(result.day, remaining)
        }
        if let month = result.month, let day = result.day, day > Self.daysIn(month: month, year: calendarYear) {
            return nil
        }
        if let year = result.year, let month = result.month, let day = result.day {
            let iso = Self.isoWeekday(year: year, month: month, day: day)
            if let weekday = v[.E], weekday != iso { return nil }
            if let local = v[.e], local != iso % 7 + 1 { return nil }
        }
        var hour: Int?
        let ampm = v[.a]
        hour = agree(hour, v[.H])
        hour = agree(hour, v[.k].map { $0 % 24 })
        hour = agree(hour, v[.h].map { $0 % 12 + 12 * (ampm ?? 0) })
        hour = agree(hour, v[.K].map { $0 + 12 * (ampm ?? 0) })
        if let ampm, let h = v[.H] ?? v[.k].map({ $0 % 24 }), (h >= 12 ? 1 : 0) != ampm { return nil }
        var minute = v[.m], second = v[.s], nano = v[.nano]
        if let milliOfDay = v[.A] {
            hour = agree(hour, milliOfDay / 3_600_000)
            minute = agree(minute, milliOfDay / 60_000 % 60)
            second = agree(second, milliOfDay / 1000 % 60)
            if let n = nano, n / 1_000_000 != milliOfDay % 1000 { failed = true }
            nano = nano ?? milliOfDay % 1000 * 1_000_000
        }
        if let nanoOfDay = v[.N] {
            hour = agree(hour, nanoOfDay / 3_600_000_000_000)
            minute = agree(minute, nanoOfDay / 60_000_000_000 % 60)
            second = agree(second, nanoOfDay / 1_000_000_000 % 60)
            nano = agree(nano, nanoOfDay % 1_000_000_000)
        }
        guard !failed else { return nil }
        result.hour = hour ?? 0
        result.minute = minute ?? 0
        result.second = second ?? 0
        result.nano = nano ?? 0
        result.offset = v[.offset]
        result.zone = zone
        return result
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Monday = 1 ... Sunday = 7, for the proleptic Gregorian calendar.
    static func isoWeekday(year: Int, month: Int, day: Int) -> Int {
        // Days from civil (Howard Hinnant's algorithm); 1970-01-01 was a Thursday.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days % 7 + 7) % 7 + 3) % 7 + 1
    }
}
