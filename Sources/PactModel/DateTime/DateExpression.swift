import Foundation

/// Relative date/time expressions of Date, Time and DateTime generators, with the grammar of pact-reference
/// (`pact_models::generators::datetime_expressions`): `[date part] [@ time part]`.
///
/// Date part: an optional base (`now`, `today`, `yesterday`, `tomorrow`) then adjustments: `+ 1 day`, `- 2 weeks`,
/// `next month`, `last year`, `next fortnight`, `next monday`, `last december`; as an extension to pact-reference the
/// date part also takes time units (`now - 2 hours`). Time part: an optional base (`now`,
/// `midnight`, `noon`, `2 o'clock`, `1 o'clock am|pm`) then adjustments `+ 1 hour`, `- 2 minutes`, `next second`,
/// `+ 40 milliseconds`.
///
/// As in pact-reference, `today` keeps the base time (`today @ midnight` gives midnight), `N o'clock` alone means the
/// next such hour after noon when the base is before noon, and `12 o'clock am` is noon. Unlike pact-reference, adding
/// months or years clamps the day to the end of a shorter month (January 31st + 1 month is February 28th or 29th).
public enum DateExpression {
    /// Evaluates `expression` relative to `base` in `timeZone`; an empty expression gives `base`.
    public static func evaluate(_ expression: String, base: Date, timeZone: TimeZone = .pactUTC) throws(DateExpressionError) -> Date {
        let calendar = JavaDateTimePattern.calendar(timeZone)
        let chars = Array(expression)
        guard let at = chars.firstIndex(of: "@") else {
            return try evaluateDate(chars[...], offset: 0, expression: expression, base: base, calendar: calendar)
        }
        let date = try evaluateDate(chars[..<at], offset: 0, expression: expression, base: base, calendar: calendar)
        return try evaluateTime(chars[(at + 1)...], offset: at + 1, expression: expression, base: date, calendar: calendar)
    }

    private static func evaluateDate(
        _ text: ArraySlice<Character>, offset: Int, expression: String, base: Date, calendar: Calendar
    ) throws(DateExpressionError) -> Date {
        var lexer = try DateExpressionLexer(text, offset: offset, expression: expression)
        var date = base
        if case .word(let word)? = lexer.peek?.kind, ["now", "today", "yesterday", "tomorrow"].contains(word) {
            lexer.advance()
            let days = word == "yesterday" ? -1 : word == "tomorrow" ? 1 : 0
            date = try add(days, .day, to: date, calendar: calendar, lexer: lexer)
        }
        while lexer.peek != nil {
            let (sign, amount, unit) = try lexer.adjustment()
            if let seconds = timeUnitSeconds(unit) {
                date = date.addingTimeInterval(Double(sign * amount) * seconds)
                continue
            }
            guard let dateUnit = DateUnit(unit) else {
                throw lexer.error("expected a date or time unit (day, week, month, year, hour..., a weekday or a month name), found '\(unit)'")
            }
            switch dateUnit {
            case .day, .week, .fortnight, .month, .year:
                date = try add(sign * amount, dateUnit, to: date, calendar: calendar, lexer: lexer)
            case .weekday(let weekday):
                date = step(date, sign: sign, calendar: calendar) { calendar.component(.weekday, from: $0) == weekday }
            case .monthName(let month):
                date = step(date, sign: sign, calendar: calendar) { calendar.component(.month, from: $0) == month }
                let day = calendar.component(.day, from: date)
                date = calendar.date(byAdding: .day, value: 1 - day, to: date) ?? date
            }
        }
        return date
    }

    private static func evaluateTime(
        _ text: ArraySlice<Character>, offset: Int, expression: String, base: Date, calendar: Calendar
    ) throws(DateExpressionError) -> Date {
        var lexer = try DateExpressionLexer(text, offset: offset, expression: expression)
        var date = base
        let baseHour = calendar.component(.hour, from: base)
        var hour: Int?
        switch lexer.peek?.kind {
        case .word("now"): lexer.advance()
        case .word("midnight"): lexer.advance(); hour = 0
        case .word("noon"): lexer.advance(); hour = 12
        case .number(let n):
            guard (1...12).contains(n) else { throw lexer.error("expected an hour from 1 to 12") }
            lexer.advance()
            guard case .word("o'clock")? = lexer.peek?.kind else { throw lexer.error("expected o'clock") }
            lexer.advance()
            switch lexer.peek?.kind {
            case .word("am"): lexer.advance(); hour = n
            case .word("pm"): lexer.advance(); hour = n % 12 + 12
            default: hour = baseHour < 12 ? n % 12 + 12 : n % 12
            }
        default: break
        }
        if let hour {
            let day = calendar.startOfDay(for: base)
            date = calendar.date(byAdding: .hour, value: hour, to: day) ?? date
        }
        while lexer.peek != nil {
            let (sign, amount, unit) = try lexer.adjustment()
            guard let seconds = timeUnitSeconds(unit) else {
                throw lexer.error("expected a time unit (hour, minute, second, millisecond), found '\(unit)'")
            }
            date = date.addingTimeInterval(Double(sign * amount) * seconds)
        }
        return date
    }

    private static func timeUnitSeconds(_ unit: String) -> Double? {
        switch unit {
        case "hour", "hours": 3600
        case "minute", "minutes": 60
        case "second", "seconds": 1
        case "millisecond", "milliseconds": 0.001
        default: nil
        }
    }

    private static func add(_ amount: Int, _ unit: DateUnit, to date: Date, calendar: Calendar, lexer: DateExpressionLexer) throws(DateExpressionError) -> Date {
        let (component, factor): (Calendar.Component, Int) = switch unit {
        case .week: (.day, 7)
        case .fortnight: (.day, 14)
        case .month: (.month, 1)
        case .year: (.year, 1)
        default: (.day, 1)
        }
        let (value, overflow) = amount.multipliedReportingOverflow(by: factor)
        guard !overflow, let result = calendar.date(byAdding: component, value: value, to: date) else {
            throw lexer.error("adjustment \(amount) is out of range")
        }
        return result
    }

    /// Leaves the current run of days where `isTarget` holds, then moves day by day until it holds again: forwards
    /// for `next`/`+`, backwards for `last`/`-` (pact-reference's `adjust_date_up_to`/`adjust_date_down_to`).
    private static func step(_ date: Date, sign: Int, calendar: Calendar, isTarget: (Date) -> Bool) -> Date {
        var current = date
        // Two years of steps always reach any weekday or month; the bound only guards against a broken calendar.
        var steps = 0
        while isTarget(current), steps < 800 {
            current = calendar.date(byAdding: .day, value: sign, to: current) ?? current
            steps += 1
        }
        while !isTarget(current), steps < 800 {
            current = calendar.date(byAdding: .day, value: sign, to: current) ?? current
            steps += 1
        }
        return current
    }
}

/// The units of date adjustments.
private enum DateUnit {
    case day, week, fortnight, month, year
    /// Calendar weekday, Sunday = 1.
    case weekday(Int)
    case monthName(Int)

    init?(_ word: String) {
        let singular = word.hasSuffix("s") && word.count > 3 && !["tues", "thurs"].contains(word) ? String(word.dropLast()) : word
        switch singular {
        case "day": self = .day
        case "week": self = .week
        case "fortnight": self = .fortnight
        case "month": self = .month
        case "year": self = .year
        default:
            let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
            let full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
            if let i = full.firstIndex(of: word) ?? weekdays.firstIndex(of: word) ?? ["tues": 2, "thurs": 4][word] {
                self = .weekday(i + 1)
                return
            }
            let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            let fullMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                              "october", "november", "december"]
            if let i = fullMonths.firstIndex(of: word) ?? months.firstIndex(of: word) ?? (word == "sept" ? 8 : nil) {
                self = .monthName(i + 1)
                return
            }
            return nil
        }
    }
}

/// A date expression that could not be understood.
public struct DateExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression text as given.
    public var expression: String
    /// Character offset of the problem in `expression`.
    public var offset: Int
    /// What was wrong at `offset`, as a phrase.
    public var reason: String

    /// An error in `expression` at character `offset`, with `reason`.
    public init(expression: String, offset: Int, reason: String) {
        self.expression = expression
        self.offset = offset
        self.reason = reason
    }

    /// A one-line message naming the expression, the offset and the reason.
    public var description: String { "invalid date expression '\(expression)' at offset \(offset): \(reason)" }
}
