import Foundation

/// English names and zone-offset notations shared by formatting and parsing of Java patterns.
enum DateTimeText {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    /// ISO order: Monday is 1.
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The text of a name for a Java text-field width: 1-3 short, 4 full, 5 narrow.
    static func name(_ full: String, count: Int) -> String {
        switch count {
        case 4: full
        case 5: String(full.prefix(1))
        default: String(full.prefix(3))
        }
    }

    static func quarterName(_ quarter: Int, count: Int) -> String {
        let ordinals = ["1st", "2nd", "3rd", "4th"]
        switch count {
        case 3: return "Q\(quarter)"
        case 4: return "\(ordinals[max(0, min(3, quarter - 1))]) quarter"
        case 5: return "\(quarter)"
        default: return count == 2 ? pad(quarter, 2) : "\(quarter)"
        }
    }

    static func eraName(_ era: Int, count: Int) -> String {
        switch count {
        case 4: era == 1 ? "Anno Domini" : "Before Christ"
        case 5: era == 1 ? "A" : "B"
        default: era == 1 ? "AD" : "BC"
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }

    /// How a zone offset is written.
    struct OffsetStyle: Sendable {
        /// Text for a zero offset (`Z`, `+00:00`), or nil to write the digits.
        var zeroText: String?
        var colon: Bool
        /// Minutes are written only when non-zero.
        var optionalMinutes: Bool
        /// Seconds are written when non-zero.
        var withSeconds: Bool
    }

    /// The offset style of `X`, `x` or `Z` repeated `count` times (`ZZZZ` is handled as localized GMT text).
    static func offsetStyle(letter: Character, count: Int) -> OffsetStyle {
        let zeroZ = letter == "X" || (letter == "Z" && count == 5)
        let colon = count == 3 || count == 5
        var style = OffsetStyle(zeroText: zeroZ ? "Z" : nil, colon: colon, optionalMinutes: false, withSeconds: count >= 4)
        if letter == "Z" && count < 4 { style = OffsetStyle(zeroText: nil, colon: false, optionalMinutes: false, withSeconds: false) }
        if letter != "Z" && count == 1 { style.optionalMinutes = true }
        return style
    }

    static func formatOffset(_ seconds: Int, style: OffsetStyle) -> String {
        if seconds == 0, let zero = style.zeroText { return zero }
        let total = abs(seconds)
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        var out = (seconds < 0 ? "-" : "+") + pad(h, 2)
        if !(style.optionalMinutes && m == 0) { out += (style.colon ? ":" : "") + pad(m, 2) }
        if style.withSeconds && s != 0 { out += (style.colon ? ":" : "") + pad(s, 2) }
        return out
    }

    /// `GMT+8`, `GMT+5:30` (short) or `GMT+08:00` (full); plain `GMT` for zero.
    static func formatLocalizedOffset(_ seconds: Int, full: Bool) -> String {
        if seconds == 0 { return "GMT" }
        let total = abs(seconds)
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let sign = seconds < 0 ? "-" : "+"
        if full {
            return "GMT" + sign + pad(h, 2) + ":" + pad(m, 2) + (s != 0 ? ":" + pad(s, 2) : "")
        }
        return "GMT" + sign + "\(h)" + (m != 0 || s != 0 ? ":" + pad(m, 2) : "") + (s != 0 ? ":" + pad(s, 2) : "")
    }

    /// The zone name written by `z` (short) or `zzzz` (full).
    static func zoneName(_ zone: TimeZone, at date: Date, full: Bool) -> String {
        if ["UTC", "GMT", "Z"].contains(zone.identifier) {
            return full ? "Coordinated Universal Time" : "UTC"
        }
        let daylight = zone.isDaylightSavingTime(for: date)
        if full {
            let style: NSTimeZone.NameStyle = daylight ? .daylightSaving : .standard
            return zone.localizedName(for: style, locale: Locale(identifier: "en_US")) ?? zone.identifier
        }
        return zone.abbreviation(for: date) ?? zone.identifier
    }
}
