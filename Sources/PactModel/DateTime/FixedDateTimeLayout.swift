/// A pattern whose every part has a fixed width: ASCII literals and the numeric fields `yyyy`/`uuuu`, `MM`, `dd`,
/// `HH`, `mm`, `ss` and `S…` (such as `yyyy-MM-dd'T'HH:mm:ss.SSS`). A text laid out exactly so is checked in one pass
/// over its bytes.
///
/// It only ever says that a text matches when `JavaDateTimePattern.matches` would: anything else (another length, a
/// year of more than four digits, a value out of range) is left to the full scanner, which decides and explains.
struct FixedDateTimeLayout: Sendable, Hashable {
    enum Field: Sendable, Hashable {
        /// `yyyy` (a year of the current era, so at least 1) or `uuuu` (a proleptic year).
        case year(ofEra: Bool)
        case month, day, hour, minute, second, fraction
    }

    enum Part: Sendable, Hashable {
        case literal(UInt8)
        case field(Field, width: Int)
    }

    let parts: [Part]
    /// The length of every text laid out so.
    let length: Int

    /// The layout of `steps`, or nil when a part has a variable width, is read as text, is optional, repeats a field,
    /// or a year is followed by a digit (it could then be longer than four digits).
    init?(_ steps: [DateTimeScanStep]) {
        var parts: [Part] = []
        var fields: Set<Field> = []
        for step in steps {
            switch step {
            case .literal(let text):
                for byte in text.utf8 {
                    guard byte >= 0x20, byte < 0x7F else { return nil }
                    parts.append(.literal(byte))
                }
            case .number(let number):
                let field: Field
                switch number.key {
                case .y where number.minWidth == 4: field = .year(ofEra: true)
                case .u where number.minWidth == 4: field = .year(ofEra: false)
                case .M: field = .month
                case .d: field = .day
                case .H: field = .hour
                case .m: field = .minute
                case .s: field = .second
                case .nano where number.scale > 1 || number.minWidth == 9: field = .fraction
                default: return nil
                }
                // A year reads four digits or more; every other field exactly its width.
                if case .year = field {} else if number.minWidth != number.maxWidth { return nil }
                guard fields.insert(field).inserted else { return nil }
                parts.append(.field(field, width: number.minWidth))
            case .text, .optional:
                return nil
            }
        }
        for (index, part) in parts.enumerated() {
            guard case .field(.year, _) = part, index + 1 < parts.count else { continue }
            guard case .literal(let next) = parts[index + 1], !(0x30...0x39).contains(next) else { return nil }
        }
        self.parts = parts
        length = parts.reduce(0) { total, part in
            if case .field(_, let width) = part { return total + width }
            return total + 1
        }
    }

    /// True when `text` has this layout and names a real date and time; false says nothing (ask the scanner).
    func surelyMatches(_ text: String) -> Bool {
        guard text.utf8.count == length else { return false }
        var text = text
        return text.withUTF8 { bytes in
            var position = 0
            var year: Int?
            var month: Int?
            var day: Int?
            for part in parts {
                switch part {
                case .literal(let byte):
                    guard bytes[position] == byte else { return false }
                    position += 1
                case .field(let field, let width):
                    var value = 0
                    for i in position..<position + width {
                        let digit = bytes[i] &- 0x30
                        guard digit < 10 else { return false }
                        value = value * 10 + Int(digit)
                    }
                    position += width
                    switch field {
                    case .year(let ofEra):
                        guard !ofEra || value >= 1 else { return false }
                        year = value
                    case .month:
                        guard (1...12).contains(value) else { return false }
                        month = value
                    case .day:
                        guard (1...31).contains(value) else { return false }
                        day = value
                    case .hour: guard value <= 23 else { return false }
                    case .minute, .second: guard value <= 59 else { return false }
                    case .fraction: break
                    }
                }
            }
            // As the scanner resolves it: without a year, February 29th passes.
            if let month, let day, day > ParsedDateTimeFields.daysIn(month: month, year: year ?? 2000) { return false }
            return true
        }
    }
}
