import Foundation

extension JavaDateTimePattern {
    /// Formats `date` in `timeZone` following the pattern.
    public func format(_ date: Date, timeZone: TimeZone = .pactUTC) -> String {
        let fields = FormatFields(date: date, timeZone: timeZone)
        var out = ""
        Self.append(tokens, fields: fields, to: &out)
        return out
    }

    private static func append(_ tokens: [Token], fields: FormatFields, to out: inout String) {
        for token in tokens {
            switch token {
            case .literal(let text): out += text
            case .optional(let inner): append(inner, fields: fields, to: &out)
            case .field(let letter, let count): out += fields.text(letter: letter, count: count)
            }
        }
    }

    /// A US-style Gregorian calendar (weeks start on Sunday, week 1 holds January 1st) in `timeZone`.
    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        calendar.firstWeekday = 1
        calendar.minimumDaysInFirstWeek = 1
        return calendar
    }
}

/// The field values of one instant in one zone.
private struct FormatFields {
    let components: DateComponents
    let nanos: Int
    let offset: Int
    let date: Date
    let zone: TimeZone

    init(date: Date, timeZone: TimeZone) {
        // Whole seconds go through the calendar and the fraction is kept apart, rounded to microseconds: a Date near
        // the present only holds about that much precision, so finer digits would be floating-point noise.
        let micros = (date.timeIntervalSince1970 * 1e6).rounded()
        let seconds = (micros / 1e6).rounded(.down)
        nanos = min(999_999_999, max(0, Int(micros - seconds * 1e6) * 1000))
        let whole = Date(timeIntervalSince1970: seconds)
        let calendar = JavaDateTimePattern.calendar(timeZone)
        components = calendar.dateComponents(
            [.era, .year, .month, .day, .weekday, .hour, .minute, .second, .yearForWeekOfYear, .weekOfYear,
             .weekOfMonth, .weekdayOrdinal], from: whole)
        dayOfYear = calendar.ordinality(of: .day, in: .year, for: whole) ?? 1
        offset = timeZone.secondsFromGMT(for: whole)
        self.date = whole
        zone = timeZone
    }

    let dayOfYear: Int

    var era: Int { components.era ?? 1 }
    var yearOfEra: Int { components.year ?? 1970 }
    var prolepticYear: Int { era == 1 ? yearOfEra : 1 - yearOfEra }
    var month: Int { components.month ?? 1 }
    var day: Int { components.day ?? 1 }
    var hour: Int { components.hour ?? 0 }
    var minute: Int { components.minute ?? 0 }
    var second: Int { components.second ?? 0 }
    /// ISO day of week, Monday = 1.
    var isoWeekday: Int { ((components.weekday ?? 1) + 5) % 7 + 1 }
    /// US localized day of week, Sunday = 1.
    var localWeekday: Int { components.weekday ?? 1 }

    func text(letter: Character, count: Int) -> String {
        let pad = DateTimeText.pad
        switch letter {
        case "G": return DateTimeText.eraName(era, count: count)
        case "y", "u", "Y":
            let value = letter == "y" ? yearOfEra : letter == "u" ? prolepticYear : (components.yearForWeekOfYear ?? yearOfEra)
            if count == 2 { return pad(((value % 100) + 100) % 100, 2) }
            // Java writes a '+' when a year with four or more letters outgrows its width.
            if count >= 4, value > 9999 { return "+" + pad(value, count) }
            return pad(value, count)
        case "M", "L":
            return count <= 2 ? pad(month, count) : DateTimeText.name(DateTimeText.months[month - 1], count: count)
        case "d": return pad(day, count)
        case "D": return pad(dayOfYear, count)
        case "E": return DateTimeText.name(DateTimeText.weekdays[isoWeekday - 1], count: count)
        case "e", "c":
            return count <= 2 ? pad(localWeekday, count) : DateTimeText.name(DateTimeText.weekdays[isoWeekday - 1], count: count)
        case "a": return hour < 12 ? "AM" : "PM"
        case "h": return pad(hour % 12 == 0 ? 12 : hour % 12, count)
        case "K": return pad(hour % 12, count)
        case "k": return pad(hour == 0 ? 24 : hour, count)
        case "H": return pad(hour, count)
        case "m": return pad(minute, count)
        case "s": return pad(second, count)
        case "S":
            let digits = pad(nanos, 9)
            return String(digits.prefix(count))
        case "n": return pad(nanos, count)
        case "A": return pad(((hour * 60 + minute) * 60 + second) * 1000 + nanos / 1_000_000, count)
        case "N": return pad(((hour * 60 + minute) * 60 + second) * 1_000_000_000 + nanos, count)
        case "Q", "q": return DateTimeText.quarterName((month - 1) / 3 + 1, count: count)
        case "w": return pad(components.weekOfYear ?? 1, count)
        case "W": return pad(components.weekOfMonth ?? 1, count)
        case "F": return pad(components.weekdayOrdinal ?? 1, count)
        // Foundation reports the UTC zone as "GMT"; Java's UTC zone prints as "UTC".
        case "V": return zone.identifier == "GMT" ? "UTC" : zone.identifier
        case "z": return DateTimeText.zoneName(zone, at: date, full: count == 4)
        case "O": return DateTimeText.formatLocalizedOffset(offset, full: count == 4)
        case "Z" where count == 4: return DateTimeText.formatLocalizedOffset(offset, full: true)
        case "X", "x", "Z": return DateTimeText.formatOffset(offset, style: DateTimeText.offsetStyle(letter: letter, count: count))
        default: return ""
        }
    }
}
