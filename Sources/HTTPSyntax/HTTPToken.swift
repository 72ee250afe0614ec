/// RFC 9110 `token`: what a header name or a method may be, so nothing read from a pact can split a header line.
package enum HTTPToken {
    /// True when `text` is non-empty and every byte is a token character (letters, digits, ``!#$%&'*+-.^_`|~``).
    package static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
