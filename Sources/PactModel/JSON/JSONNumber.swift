/// A JSON number that remembers whether it was written as an integer or a decimal, and gives back its literal exactly
/// as written, so that values outside `Int64` or `Double` precision are never silently rounded.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// How the literal is kept. Most numbers in bodies and pacts are short integers or plain decimals (`42`, `9.99`):
    /// those keep their digits as a value, from which the literal is written back exactly, so reading one allocates
    /// no text and comparing two is an integer comparison. Everything else keeps its text.
    private enum Storage: Sendable {
        /// An integer of at most 18 digits whose literal is `String(value)` (never `-0`).
        case integer(Int64)
        /// A decimal without exponent, of at most 18 digits, whose literal is `significand` with the decimal point
        /// `fractionDigits` digits from the right (`999`, 2 for `9.99`; `-50`, 2 for `-0.50`); never a negative zero.
        case decimal(significand: Int64, fractionDigits: UInt8)
        /// Any other literal (exponents, long digit strings, `-0`).
        case text(String, isInteger: Bool)
    }

    private let storage: Storage

    /// The number as written (normalised only when built from a Swift value).
    public var literal: String {
        switch storage {
        case .integer(let value): String(value)
        case .decimal(let significand, let fractionDigits): Self.decimalLiteral(significand, fractionDigits)
        case .text(let text, _): text
        }
    }

    /// True when the literal has no fraction and no exponent (`1`, `-42`), false for `1.0`, `1e3`.
    public var isInteger: Bool {
        switch storage {
        case .integer: true
        case .decimal: false
        case .text(_, let isInteger): isInteger
        }
    }

    /// An integer number written in decimal.
    public init(_ value: Int) {
        self.init(Int64(value))
    }

    /// An integer number from a 64-bit value.
    public init(_ value: Int64) {
        storage = Self.fitsIntegerStorage(value) ? .integer(value) : .text(String(value), isInteger: true)
    }

    /// A decimal number; whole values gain `.0` and non-finite values become `0.0`.
    public init(_ value: Double) {
        if value.isFinite {
            var text = "\(value)"
            if !text.contains(".") && !text.contains("e") && !text.contains("E") { text += ".0" }
            self.init(validatedLiteral: text)
        } else {
            self.init(validatedLiteral: "0.0")
        }
    }

    /// Builds a number from a literal already validated as JSON number syntax.
    init(validatedLiteral: String) {
        var text = validatedLiteral
        let isInteger = !validatedLiteral.utf8.contains {
            $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
        }
        storage = text.withUTF8 { Self.storage(validatedBytes: $0) } ?? .text(validatedLiteral, isInteger: isInteger)
    }

    /// A number read by the parser: digits it accumulated while validating the literal (`significand` holds at most
    /// 18 of them, so it cannot overflow), else the literal's bytes.
    init(
        parsedDigits significand: Int64, fractionDigits: Int, isNegative: Bool, literal bytes: UnsafeBufferPointer<UInt8>,
        isInteger: Bool, hasExponent: Bool, digitCount: Int
    ) {
        if !hasExponent, digitCount <= Self.maxStoredDigits, !(isNegative && significand == 0) {
            let signed = isNegative ? -significand : significand
            storage = isInteger ? .integer(signed) : .decimal(significand: signed, fractionDigits: UInt8(fractionDigits))
        } else {
            storage = .text(String(decoding: bytes, as: UTF8.self), isInteger: isInteger)
        }
    }

    /// Parses JSON number syntax; returns nil for anything else.
    public init?(literal text: String) {
        guard JSONNumber.isValidLiteral(text) else { return nil }
        self.init(validatedLiteral: text)
    }

    /// The value as a 64-bit integer when it is an integer literal within range.
    public var int64Value: Int64? {
        switch storage {
        case .integer(let value): value
        case .decimal: nil
        case .text(let text, let isInteger): isInteger ? Int64(text) : nil
        }
    }

    /// The value as a Double (possibly rounded for very large or very precise literals).
    public var doubleValue: Double {
        switch storage {
        case .integer(let value): return Double(value)
        case .decimal(let significand, let fractionDigits):
            // Both operands are exact (|significand| < 2^53, 10^18 < 2^63 is exact as a Double up to 10^22), so the
            // quotient is the correctly rounded value of the literal, as `Double(literal)` gives.
            if significand.magnitude < (1 << 53) { return Double(significand) / Self.powersOfTen[Int(fractionDigits)] }
            return Double(literal) ?? .nan
        case .text(let text, _): return Double(text) ?? .nan
        }
    }

    /// The literal text, as written or normalised.
    public var description: String { literal }

    /// Integers and plain decimals of at most this many digits keep their digits as a value.
    private static let maxStoredDigits = 18
    /// 10^0 through 10^18, each exact as a Double.
    private static let powersOfTen: [Double] = {
        var powers: [Double] = [1]
        for _ in 0..<maxStoredDigits { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    private static func fitsIntegerStorage(_ value: Int64) -> Bool {
        value.magnitude < 1_000_000_000_000_000_000
    }

    /// The storage for a valid literal's bytes when it is an integer or plain decimal of few enough digits.
    private static func storage(validatedBytes bytes: UnsafeBufferPointer<UInt8>) -> Storage? {
        var i = 0
        let isNegative = bytes.first == UInt8(ascii: "-")
        if isNegative { i = 1 }
        var significand: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ".") {
                seenPoint = true
            } else if b >= 0x30, b <= 0x39 {
                digits += 1
                guard digits <= maxStoredDigits else { return nil }
                significand = significand * 10 + Int64(b - 0x30)
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil  // an exponent
            }
            i += 1
        }
        if isNegative && significand == 0 { return nil }
        let signed = isNegative ? -significand : significand
        return seenPoint ? .decimal(significand: signed, fractionDigits: UInt8(fractionDigits)) : .integer(signed)
    }

    /// True when both numbers were written with the same literal text, compared without building either.
    func hasSameLiteral(as other: JSONNumber) -> Bool {
        switch (storage, other.storage) {
        case (.integer(let a), .integer(let b)): a == b
        case (.decimal(let a, let aDigits), .decimal(let b, let bDigits)): a == b && aDigits == bDigits
        case (.text(let a, _), .text(let b, _)): a.utf8.elementsEqual(b.utf8)
        // The storage follows from the literal alone, so these differ; compared anyway rather than assumed.
        default: literal.utf8.elementsEqual(other.literal.utf8)
        }
    }

    /// Calls `body` with the literal's UTF-8 bytes, written on the stack when the number keeps digits rather than text
    /// (for writers, which need the bytes, not a `String`).
    func withLiteralUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .integer(let value):
            return try Self.withDigits(value, fractionDigits: 0, body)
        case .decimal(let significand, let fractionDigits):
            return try Self.withDigits(significand, fractionDigits: Int(fractionDigits), body)
        case .text(var text, _):
            return try text.withUTF8(body)
        }
    }

    /// `significand` with a decimal point `fractionDigits` digits from the right (none when 0) and at least one digit
    /// before it.
    private static func decimalLiteral(_ significand: Int64, _ fractionDigits: UInt8) -> String {
        withDigits(significand, fractionDigits: Int(fractionDigits)) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with `significand`'s digits, a decimal point `fractionDigits` from the right (none when 0) and at
    /// least one digit before it, written on the stack.
    static func withDigits<Result>(
        _ significand: Int64, fractionDigits: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        // At most a sign, 19 digits, a leading 0 and the point.
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var magnitude = significand.magnitude
            var start = buffer.count
            var written = 0
            while magnitude > 0 || written <= fractionDigits {
                if written == fractionDigits && fractionDigits > 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ".")
                }
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                written += 1
            }
            if significand < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return try body(UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Integers never equal decimals; otherwise numbers are equal when their values are, and numbers beyond `Int64`
    /// or `Double` precision only when their literals are.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.integer(let l), .integer(let r)): return l == r
        case (.decimal(let l, let lf), .decimal(let r, let rf)) where l == r && lf == rf: return true
        default: break
        }
        guard lhs.isInteger == rhs.isInteger else { return false }
        if lhs.literal == rhs.literal { return true }
        if lhs.isInteger, let l = lhs.int64Value, let r = rhs.int64Value { return l == r }
        if !lhs.isInteger {
            let l = lhs.doubleValue, r = rhs.doubleValue
            // Past Double's precision two different literals may round to one value: keep them apart.
            return l == r && String(l) == String(r) && lhs.isExactDouble && rhs.isExactDouble
        }
        return false
    }

    /// Hashes the kind and value, so equal numbers written differently (`1.0`, `1.00`) hash alike.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isInteger)
        if let value = int64Value { hasher.combine(value) } else { hasher.combine(doubleValue) }
    }

    /// True when the literal survives a round trip through Double without losing digits.
    private var isExactDouble: Bool {
        let digits = literal.split(whereSeparator: { $0 == "e" || $0 == "E" }).first.map {
            $0.filter(\.isNumber).drop(while: { $0 == "0" })
        } ?? ""
        return digits.count <= 15
    }

    static func isValidLiteral(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        if first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else {
            bytes = bytes.drop(while: isDigit)
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard let d = bytes.first, isDigit(d) else { return false }
            bytes = bytes.drop(while: isDigit)
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard let d = bytes.first, isDigit(d) else { return false }
            bytes = bytes.drop(while: isDigit)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
