import Foundation

/// `application/x-www-form-urlencoded` text, the encoding of query strings and form bodies.
public enum FormURLEncoding {
    /// Parses `a=1&b=2&a=3` into parameters in order of first appearance, decoding `+` and `%XX`. Empty pieces
    /// (a trailing `&`) are skipped; a piece without `=` is a valueless parameter.
    public static func parseQuery(_ text: String) -> [QueryParameter] {
        var parameters: [QueryParameter] = []
        var indexByName: [String: Int] = [:]
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(pair[0])
            let value = pair.count > 1 ? decode(pair[1]) : nil
            if let index = indexByName[name] {
                parameters[index].values.append(value)
            } else {
                indexByName[name] = parameters.count
                parameters.append(QueryParameter(name: name, values: [value]))
            }
        }
        return parameters
    }

    /// Form decoding: `+` is a space and `%XX` a byte; malformed escapes stay as written.
    public static func decode<Text: StringProtocol>(_ text: Text) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
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

    /// Form encoding: unreserved characters as they are, a space as `+`, every other byte as `%XX`.
    public static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
