import Foundation

/// Field values read from a text, keyed by pattern letter family.
struct ParsedDateTimeFields: Sendable {
    var values = DateTimeFieldValues()
    var zone: TimeZone?
}

extension JavaDateTimePattern {
    /// True when the whole text conforms to the pattern: every field has its width and range, and the fields agree
    /// (a real calendar date, a weekday that fits the date, an hour that fits AM/PM).
    ///
    /// Unlike Java's default SMART resolver, impossible dates such as February 30th are rejected.
    public func matches(_ text: String) -> Bool {
        if let fixedLayout, fixedLayout.surelyMatches(text) { return true }
        return parseFields(text).flatMap { $0.resolved() } != nil
    }

    /// The instant the text names; fields missing from the pattern default to 1970-01-01, midnight, and `timeZone`
    /// unless the text carries a zone or an offset.
    public func parse(_ text: String, timeZone: TimeZone = .pactUTC) -> Date? {
        parseFields(text)?.resolved()?.date(defaultZone: timeZone)
    }

    func parseFields(_ text: String) -> ParsedDateTimeFields? {
        ScannedText.reading(text) { chars in
            let scanner = DateTimeFieldScanner(chars: chars)
            var fields = ParsedDateTimeFields()
            let matched = scanner.match(steps, 0, at: 0, fields: &fields) { position, _ in position == chars.count }
            return matched ? fields : nil
        }
    }
}

/// One way to read a field: its key and value (or zone) and where the text after it starts.
struct FieldReading {
    var key: DateTimeFieldKey
    var value: Int
    var end: Int
    var zone: TimeZone? = nil
}

/// Backtracking matcher over a prepared pattern: numbers of variable width and optional sections are retried until
/// the rest of the pattern fits.
struct DateTimeFieldScanner {
    let chars: ScannedText

    /// Reads `steps[index...]` from `position` on, then asks `rest` whether the text after them fits. On success
    /// `fields` holds every value read; on failure it is as it was. Values are set and undone in place, so trying a
    /// reading copies nothing.
    func match(
        _ steps: [DateTimeScanStep], _ index: Int, at position: Int, fields: inout ParsedDateTimeFields,
        then rest: (Int, inout ParsedDateTimeFields) -> Bool
    ) -> Bool {
        guard index < steps.count else { return rest(position, &fields) }
        switch steps[index] {
        case .literal(let text):
            guard let end = chars.end(of: text, at: position) else { return false }
            return match(steps, index + 1, at: end, fields: &fields, then: rest)
        case .optional(let inner):
            let withSection = match(inner, 0, at: position, fields: &fields) { p, f in
                match(steps, index + 1, at: p, fields: &f, then: rest)
            }
            return withSection || match(steps, index + 1, at: position, fields: &fields, then: rest)
        case .number(let number):
            // Every width, longest first, read in place.
            var end = position
            while end < chars.count, end - position < number.maxWidth, chars.isDigit(at: end) { end += 1 }
            var stop = end
            while stop >= position + number.minWidth {
                if let value = number.value(of: chars, from: position, to: stop),
                    accept(number.key, value, end: stop, steps, index + 1, fields: &fields, then: rest)
                {
                    return true
                }
                stop -= 1
            }
            return false
        case .text(let letter, let count):
            for reading in candidates(letter: letter, count: count, at: position) {
                if let zone = reading.zone {
                    let previous = fields.zone
                    if let previous, previous.identifier != zone.identifier { continue }
                    fields.zone = zone
                    if match(steps, index + 1, at: reading.end, fields: &fields, then: rest) { return true }
                    fields.zone = previous
                } else if accept(reading.key, reading.value, end: reading.end, steps, index + 1, fields: &fields, then: rest) {
                    return true
                }
            }
            return false
        }
    }

    /// Sets `key` to `value` unless the text already gave it another value, and matches the steps from `index` at
    /// `end`; undoes the setting when they do not fit.
    private func accept(
        _ key: DateTimeFieldKey, _ value: Int, end: Int, _ steps: [DateTimeScanStep], _ index: Int,
        fields: inout ParsedDateTimeFields, then rest: (Int, inout ParsedDateTimeFields) -> Bool
    ) -> Bool {
        let previous = fields.values[key]
        if let previous, previous != value { return false }
        fields.values[key] = value
        if match(steps, index, at: end, fields: &fields, then: rest) { return true }
        fields.values[key] = previous
        return false
    }

    /// Possible readings at `position` of a field read as text (names, AM/PM, eras, quarters) or as a zone, longest
    /// first.
    func candidates(letter: Character, count: Int, at position: Int) -> [FieldReading] {
        // Compared as ASCII codes: a switch over `Character` compares strings, once per case, for every field read.
        switch letter.asciiValue ?? 0 {
        case UInt8(ascii: "M"), UInt8(ascii: "L"): return names(DateTimeText.months, count: count, key: .M, at: position)
        case UInt8(ascii: "E"), UInt8(ascii: "e"), UInt8(ascii: "c"):
            return names(DateTimeText.weekdays, count: count, key: .E, at: position)
        case UInt8(ascii: "a"): return words(["AM", "PM"], key: .a, at: position)
        case UInt8(ascii: "G"): return words([DateTimeText.eraName(0, count: count), DateTimeText.eraName(1, count: count)], key: .G, at: position)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            return words((1...4).map { DateTimeText.quarterName($0, count: count) }, key: .Q, at: position)
        default: return zoneCandidates(letter: letter, count: count, at: position)
        }
    }

    /// Names in Java text form for `count`; the value is the name's 1-based index.
    private func names(_ full: [String], count: Int, key: DateTimeFieldKey, at position: Int) -> [FieldReading] {
        let forms = full.map { DateTimeText.name($0, count: count) }
        return words(forms, key: key, at: position, base: 1)
    }

    /// Each word present at `position`; the value is its index plus `base`.
    private func words(_ list: [String], key: DateTimeFieldKey, at position: Int, base: Int = 0) -> [FieldReading] {
        list.enumerated().compactMap { index, word in
            guard chars.has(word, at: position) else { return nil }
            return FieldReading(key: key, value: index + base, end: position + word.count)
        }.sorted { $0.end > $1.end }
    }
}
