/// The OpenAPI patterns, as hand-written matchers (regex engines cost more than the rest of a request). Each keeps
/// its pattern text for error messages.
struct StringRule: Sendable {
    let description: String
    /// What a rejected value is told, after the quoted value: "does not match <pattern>" unless set.
    let complaint: String
    let accepts: @Sendable (String) -> Bool

    init(description: String, complaint: String? = nil, accepts: @escaping @Sendable (String) -> Bool) {
        self.description = description
        self.complaint = complaint ?? "does not match \(description)"
        self.accepts = accepts
    }

    /// `^(7[0-9]{11}|(M(-[0-9]{4}){3}))$`: a Sirius or an LPA-store UID.
    static let lpa = StringRule(description: "^(7[0-9]{11}|(M(-[0-9]{4}){3}))$") {
        isSiriusUID($0.utf8[...]) || isLpaStoreUID($0)
    }
    /// `^M(-[0-9]{4}){3}$`: an LPA-store UID.
    static let lpaStoreUID = StringRule(description: "^M(-[0-9]{4}){3}$") { isLpaStoreUID($0) }
    /// The OpenAPI actor pattern `7[0-9]{11}|^…uuid…$`. Its first alternative is unanchored, so as in the schema
    /// any text containing a Sirius UID passes.
    static let actor = StringRule(description: "7[0-9]{11}|" + uuidPattern) { containsSiriusUID($0) || isUUID($0) }
    static let uuid = StringRule(description: uuidPattern) { isUUID($0) }
    private static let uuidPattern = "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$"
    /// `^[A-Z0-9]{12}$`: an activation code as the schema allows (looser than the alphabet codes are made from).
    static let activationCode = StringRule(description: "^[A-Z0-9]{12}$") { text in
        text.utf8.count == 12 && text.utf8.allSatisfy(isUpperAlphanumeric)
    }
    /// `^P(-[A-Z0-9]{4}){3}-[A-Z0-9]{2}$`.
    static let paperCode = StringRule(description: "^P(-[A-Z0-9]{4}){3}-[A-Z0-9]{2}$") { isPaperCode($0) }
    /// OpenAPI `format: date`: an RFC 3339 full-date that exists in the calendar.
    static let date = StringRule(description: "a date YYYY-MM-DD", complaint: "is not a calendar date YYYY-MM-DD") {
        UTC.parseDate($0) != nil
    }

    static func oneOf(_ values: [String]) -> StringRule {
        let list = values.joined(separator: ", ")
        return StringRule(description: "one of \(list)", complaint: "is not one of \(list)") { values.contains($0) }
    }

    static func isSiriusUID(_ bytes: Substring.UTF8View) -> Bool {
        bytes.count == 12 && bytes.first == UInt8(ascii: "7") && bytes.dropFirst().allSatisfy(isDigit)
    }

    static func containsSiriusUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 12 else { return false }
        return (0...(bytes.count - 12)).contains { start in
            bytes[start] == UInt8(ascii: "7") && bytes[(start + 1)..<(start + 12)].allSatisfy(isDigit)
        }
    }

    static func isLpaStoreUID(_ text: String) -> Bool {
        matchesShape(text, "M-dddd-dddd-dddd")
    }

    static func isUUID(_ text: String) -> Bool {
        matchesShape(text, "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
    }

    static func isPaperCode(_ text: String) -> Bool {
        matchesShape(text, "P-aaaa-aaaa-aaaa-aa")
    }

    /// Compares `text` with a shape: `d` a digit, `x` a hex digit, `a` an upper-case letter or digit, anything else
    /// itself.
    private static func matchesShape(_ text: String, _ shape: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count == shape.utf8.count else { return false }
        return zip(bytes, shape.utf8).allSatisfy { byte, expected in
            switch expected {
            case UInt8(ascii: "d"): isDigit(byte)
            case UInt8(ascii: "x"): isHexDigit(byte)
            case UInt8(ascii: "a"): isUpperAlphanumeric(byte)
            default: byte == expected
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
