/// The fields a date/time text can give, one per pattern letter family (`yy` for two-digit years, `nano` for fractions
/// and `n`, `offset` for zone offsets in seconds, `zone` for zone readings).
enum DateTimeFieldKey: Int, Sendable {
    case y, yy, u, uu, Y, YY, M, d, D, E, e, a, G, h, K, k, H, m, s, nano, A, N, Q, w, W, F, offset, zone

    /// The key of a year letter (`y`, `u`, `Y`) written once or three or more times.
    init(yearLetter: Character) {
        switch yearLetter.asciiValue {
        case UInt8(ascii: "u"): self = .u
        case UInt8(ascii: "Y"): self = .Y
        default: self = .y
        }
    }

    /// The key of a year letter written twice (`yy`, `uu`, `YY`).
    init(twoDigitYearLetter: Character) {
        switch twoDigitYearLetter.asciiValue {
        case UInt8(ascii: "u"): self = .uu
        case UInt8(ascii: "Y"): self = .YY
        default: self = .yy
        }
    }
}

/// Field values by key, stored inline: the scanner copies them at every field it tries, so no copy may allocate.
struct DateTimeFieldValues: Sendable {
    private var slots: (
        Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int,
        Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int
    ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var present: UInt32 = 0

    /// The value of `key`, or nil when no field gave one.
    subscript(key: DateTimeFieldKey) -> Int? {
        get {
            guard present & (1 << UInt32(key.rawValue)) != 0 else { return nil }
            return withUnsafeBytes(of: slots) { $0.load(fromByteOffset: key.rawValue * MemoryLayout<Int>.stride, as: Int.self) }
        }
        set {
            let bit: UInt32 = 1 << UInt32(key.rawValue)
            guard let newValue else {
                present &= ~bit
                return
            }
            present |= bit
            withUnsafeMutableBytes(of: &slots) {
                $0.storeBytes(of: newValue, toByteOffset: key.rawValue * MemoryLayout<Int>.stride, as: Int.self)
            }
        }
    }
}
