/// Lenient percent-decoding (RFC 3986 §2.1), the one implementation behind request paths (HTTPServerCore) and
/// query strings and form bodies (PactModel's `FormURLEncoding`).
///
/// Why a target of its own: HTTPServerCore is a generic server and must not depend on PactModel, and PactModel must
/// not depend on SwiftNIO, so the code both need sits below them, with no dependencies. Foundation's
/// `removingPercentEncoding` does not fit: it returns nil for a whole string when one escape is malformed or the bytes
/// are not UTF-8, where a server and a pact matcher must still see the rest of what the client sent.
package enum PercentDecoding {
    /// `%XX` escapes become bytes, and `+` a space when `plusAsSpace` (form encoding); malformed escapes stay as
    /// written; invalid UTF-8 becomes U+FFFD.
    package static func decode<Text: StringProtocol>(_ text: Text, plusAsSpace: Bool = false) -> String {
        let plus = UInt8(ascii: "+"), percent = UInt8(ascii: "%")
        guard text.utf8.contains(where: { $0 == percent || (plusAsSpace && $0 == plus) }) else { return String(text) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if plusAsSpace, byte == plus {
                out.append(UInt8(ascii: " "))
            } else if byte == percent, index + 2 < bytes.count,
                      let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
