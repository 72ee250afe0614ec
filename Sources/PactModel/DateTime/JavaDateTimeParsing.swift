import Foundation

/// Field values read from a text, keyed by pattern letter (`yy` for two-digit years, `nano` for fractions and `n`,
/// `offset` for zone offsets in seconds).
struct ParsedDateTimeFields: Sendable {
    var values: [String: Int] = [:]
    var zone: TimeZone?

    /// The fields with `key` set, or nil when the text already gave `key` another value.
    func setting(_ key: String, _ value: Int) -> ParsedDateTimeFields? {
        if let existing = values[key], existing != value { return nil }
        var copy = self
        copy.values[key] = value
        return copy
    }
}

extension JavaDateTimePattern {
    /// True when the whole text conforms to the pattern: every field has its width and range, and the fields agree
    /// (a real calendar date, a weekday that fits the date, an hour that fits AM/PM).
    ///
    /// Unlike Java's default SMART resolver, impossible dates such as February 30th are rejected.
    public func matches(_ text: String) -> Bool {
        parseFields(text).flatMap { $0.resolved() } != nil
    }

    /// The instant the text names; fields missing from the pattern default to 1970-01-01, midnight, and `timeZone`
    /// unless the text carries a zone or an offset.
    public func parse(_ text: String, timeZone: TimeZone = .pactUTC) -> Date? {
        parseFields(text)?.resolved()?.date(defaultZone: timeZone)
    }

    func parseFields(_ text: String) -> ParsedDateTimeFields? {
        let chars = Array(text)
        let scanner = DateTimeFieldScanner(chars: chars)
        return scanner.match(tokens[...], at: 0, fields: ParsedDateTimeFields()) { position, fields in
            position == chars.count ? fields : nil
        }
    }
}

/// One way to read a field: its key and value (or zone) and where the text after it starts.
struct FieldReading {
    var key: String
    var value: Int
    var end: Int
    var zone: TimeZone? = nil
}

/// Backtracking matcher over a compiled pattern: numbers of variable width and optional sections are retried until
/// the rest of the pattern fits.
struct DateTimeFieldScanner {
    let chars: [Character]

    func match(
        _ tokens: ArraySlice<JavaDateTimePattern.Token>, at position: Int, fields: ParsedDateTimeFields,
        then rest: (Int, ParsedDateTimeFields) -> ParsedDateTimeFields?
    ) -> ParsedDateTimeFields? {
        guard let token = tokens.first else { return rest(position, fields) }
        let remaining = tokens.dropFirst()
        switch token {
        case .literal(let text):
            let literal = Array(text)
            guard position + literal.count <= chars.count, Array(chars[position..<position + literal.count]) == literal
            else { return nil }
            return match(remaining, at: position + literal.count, fields: fields, then: rest)
        case .optional(let inner):
            let withSection = match(inner[...], at: position, fields: fields) { p, f in
                match(remaining, at: p, fields: f, then: rest)
            }
            return withSection ?? match(remaining, at: position, fields: fields, then: rest)
        case .field(let letter, let count):
            for reading in candidates(letter: letter, count: count, at: position) {
                var next: ParsedDateTimeFields?
                if let zone = reading.zone {
                    if let existing = fields.zone, existing.identifier != zone.identifier { continue }
                    next = fields
                    next?.zone = zone
                } else {
                    next = fields.setting(reading.key, reading.value)
                }
                if let next, let result = match(remaining, at: reading.end, fields: next, then: rest) { return result }
            }
            return nil
        }
    }

    /// Possible readings of one field at `position`, longest first: (key, value, end position).
    func candidates(letter: Character, count: Int, at position: Int) -> [FieldReading] {
        switch letter {
        case "y", "u", "Y":
            if count == 2 { return number(letter == "y" ? "yy" : letter == "u" ? "uu" : "YY", position, 2, 2) }
            let key = String(letter)
            let found = number(key, position, count == 1 ? 1 : count, 10)
            return letter == "y" ? found.filter { $0.value >= 1 } : found
        case "M", "L":
            if count <= 2 { return ranged(number("M", position, count, 2), 1, 12) }
            return names(DateTimeText.months, count: count, key: "M", at: position)
        case "d": return ranged(number("d", position, count, 2), 1, 31)
        case "D": return ranged(number("D", position, count, 3), 1, 366)
        case "E": return names(DateTimeText.weekdays, count: count, key: "E", at: position)
        case "e", "c":
            if count <= 2 { return ranged(number("e", position, count, count), 1, 7) }
            return names(DateTimeText.weekdays, count: count, key: "E", at: position)
        case "a": return words(["AM", "PM"], key: "a", at: position)
        case "G": return words([DateTimeText.eraName(0, count: count), DateTimeText.eraName(1, count: count)], key: "G", at: position)
        case "h": return ranged(number("h", position, count, 2), 1, 12)
        case "K": return ranged(number("K", position, count, 2), 0, 11)
        case "k": return ranged(number("k", position, count, 2), 1, 24)
        case "H": return ranged(number("H", position, count, 2), 0, 23)
        case "m": return ranged(number("m", position, count, 2), 0, 59)
        case "s": return ranged(number("s", position, count, 2), 0, 59)
        case "S":
            return number("nano", position, count, count).map { FieldReading(key: $0.key, value: $0.value * pow10(9 - count), end: $0.end) }
        case "n": return ranged(number("nano", position, count, 9), 0, 999_999_999)
        case "A": return ranged(number("A", position, count, 18), 0, 86_399_999)
        case "N": return ranged(number("N", position, count, 18), 0, 86_399_999_999_999)
        case "Q", "q":
            if count <= 2 { return ranged(number("Q", position, count, count), 1, 4) }
            return words((1...4).map { DateTimeText.quarterName($0, count: count) }, key: "Q", at: position)
        case "w": return ranged(number("w", position, count, 2), 1, 53)
        case "W": return ranged(number("W", position, 1, 1), 0, 6)
        case "F": return ranged(number("F", position, 1, 1), 1, 5)
        default: return zoneCandidates(letter: letter, count: count, at: position)
        }
    }

    private func pow10(_ n: Int) -> Int { (0..<max(0, n)).reduce(1) { acc, _ in acc * 10 } }

    private func number(_ key: String, _ position: Int, _ minWidth: Int, _ maxWidth: Int) -> [FieldReading] {
        var end = position
        while end < chars.count, end - position < maxWidth, let d = chars[end].wholeNumberValue, chars[end].isASCII, d >= 0 {
            end += 1
        }
        guard end - position >= minWidth else { return [] }
        return stride(from: end, through: position + minWidth, by: -1).compactMap { stop in
            Int(String(chars[position..<stop])).map { FieldReading(key: key, value: $0, end: stop) }
        }
    }

    private func ranged(_ found: [FieldReading], _ low: Int, _ high: Int) -> [FieldReading] {
        found.filter { $0.value >= low && $0.value <= high }
    }

    /// Names in Java text form for `count`; the value is the name's 1-based index.
    private func names(_ full: [String], count: Int, key: String, at position: Int) -> [FieldReading] {
        let forms = full.map { DateTimeText.name($0, count: count) }
        return words(forms, key: key, at: position, base: 1)
    }

    /// Each word present at `position`; the value is its index plus `base`.
    private func words(_ list: [String], key: String, at position: Int, base: Int = 0) -> [FieldReading] {
        list.enumerated().compactMap { index, word in
            let w = Array(word)
            guard position + w.count <= chars.count, Array(chars[position..<position + w.count]) == w else { return nil }
            return FieldReading(key: key, value: index + base, end: position + w.count)
        }.sorted { $0.end > $1.end }
    }
}
