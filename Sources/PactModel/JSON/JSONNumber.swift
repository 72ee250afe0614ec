/// A JSON number that remembers whether it was written as an integer or a decimal, and keeps its literal text so
/// that values outside `Int64` or `Double` precision are never silently rounded.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number as written (normalised only when built from a Swift value).
    public let literal: String
    /// True when the literal has no fraction and no exponent (`1`, `-42`), false for `1.0`, `1e3`.
    public let isInteger: Bool

    /// An integer number written in decimal.
    public init(_ value: Int) {
        literal = String(value)
        isInteger = true
    }

    /// An integer number from a 64-bit value.
    public init(_ value: Int64) {
        literal = String(value)
        isInteger = true
    }

    /// A decimal number; whole values gain `.0` and non-finite values become `0.0`.
    public init(_ value: Double) {
        if value.isFinite {
            var text = "\(value)"
            if !text.contains(".") && !text.contains("e") && !text.contains("E") { text += ".0" }
            literal = text
        } else {
            literal = "0.0"
        }
        isInteger = false
    }

    /// Builds a number from a literal already validated as JSON number syntax.
    init(validatedLiteral: String) {
        literal = validatedLiteral
        isInteger = !validatedLiteral.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    init(validatedLiteral: String, isInteger: Bool) {
        literal = validatedLiteral
        self.isInteger = isInteger
    }

    /// Parses JSON number syntax; returns nil for anything else.
    public init?(literal text: String) {
        guard JSONNumber.isValidLiteral(text) else { return nil }
        self.init(validatedLiteral: text)
    }

    /// The value as a 64-bit integer when it is an integer literal within range.
    public var int64Value: Int64? { isInteger ? Int64(literal) : nil }

    /// The value as a Double (possibly rounded for very large or very precise literals).
    public var doubleValue: Double { Double(literal) ?? .nan }

    /// The literal text, as written or normalised.
    public var description: String { literal }

    /// Integers never equal decimals; otherwise numbers are equal when their values are, and numbers beyond `Int64`
    /// or `Double` precision only when their literals are.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
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
