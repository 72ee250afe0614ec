/// One step of reading a text with a pattern, prepared once per pattern from its tokens.
enum DateTimeScanStep: Sendable, Hashable {
    case literal(String)
    /// A field read as digits.
    case number(NumericField)
    /// A field read as text or a zone: the pattern letter and its count.
    case text(Character, Int)
    case optional([DateTimeScanStep])

    /// The steps that read what `tokens` describe.
    static func prepare(_ tokens: [JavaDateTimePattern.Token]) -> [DateTimeScanStep] {
        tokens.map { token in
            switch token {
            case .literal(let text): .literal(text)
            case .optional(let inner): .optional(prepare(inner))
            case .field(let letter, let count): NumericField(letter: letter, count: count).map { .number($0) } ?? .text(letter, count)
            }
        }
    }
}

/// A field read as digits: its key, its widths, the values it allows, and the scale of a fraction (`S`).
struct NumericField: Sendable, Hashable {
    let key: DateTimeFieldKey
    let minWidth: Int
    let maxWidth: Int
    let range: ClosedRange<Int>?
    let scale: Int

    private init(_ key: DateTimeFieldKey, _ minWidth: Int, _ maxWidth: Int, _ range: ClosedRange<Int>? = nil, scale: Int = 1) {
        self.key = key
        self.minWidth = minWidth
        self.maxWidth = maxWidth
        self.range = range
        self.scale = scale
    }

    /// The numeric reading of `letter` repeated `count` times; nil for fields read as text or zones.
    init?(letter: Character, count: Int) {
        // Compared as ASCII codes: a switch over `Character` compares strings, once per case, for every field read.
        switch letter.asciiValue ?? 0 {
        case UInt8(ascii: "y"), UInt8(ascii: "u"), UInt8(ascii: "Y"):
            if count == 2 {
                self.init(DateTimeFieldKey(twoDigitYearLetter: letter), 2, 2)
            } else {
                let key = DateTimeFieldKey(yearLetter: letter)
                self.init(key, count == 1 ? 1 : count, 10, key == .y ? 1...Int.max : nil)
            }
        case UInt8(ascii: "M"), UInt8(ascii: "L"):
            guard count <= 2 else { return nil }
            self.init(.M, count, 2, 1...12)
        case UInt8(ascii: "d"): self.init(.d, count, 2, 1...31)
        case UInt8(ascii: "D"): self.init(.D, count, 3, 1...366)
        case UInt8(ascii: "e"), UInt8(ascii: "c"):
            guard count <= 2 else { return nil }
            self.init(.e, count, count, 1...7)
        case UInt8(ascii: "h"): self.init(.h, count, 2, 1...12)
        case UInt8(ascii: "K"): self.init(.K, count, 2, 0...11)
        case UInt8(ascii: "k"): self.init(.k, count, 2, 1...24)
        case UInt8(ascii: "H"): self.init(.H, count, 2, 0...23)
        case UInt8(ascii: "m"): self.init(.m, count, 2, 0...59)
        case UInt8(ascii: "s"): self.init(.s, count, 2, 0...59)
        case UInt8(ascii: "S"): self.init(.nano, count, count, scale: (0..<max(0, 9 - count)).reduce(1) { acc, _ in acc * 10 })
        case UInt8(ascii: "n"): self.init(.nano, count, 9, 0...999_999_999)
        case UInt8(ascii: "A"): self.init(.A, count, 18, 0...86_399_999)
        case UInt8(ascii: "N"): self.init(.N, count, 18, 0...86_399_999_999_999)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            guard count <= 2 else { return nil }
            self.init(.Q, count, count, 1...4)
        case UInt8(ascii: "w"): self.init(.w, count, 2, 1...53)
        case UInt8(ascii: "W"): self.init(.W, 1, 1, 0...6)
        case UInt8(ascii: "F"): self.init(.F, 1, 1, 1...5)
        default: return nil
        }
    }

    /// The field's value for the digits in `start..<end`: nil when it overflows `Int` or is out of range.
    func value(of text: ScannedText, from start: Int, to end: Int) -> Int? {
        guard let digits = text.digitsValue(start, end) else { return nil }
        let value = digits * scale
        if let range, !range.contains(value) { return nil }
        return value
    }
}
