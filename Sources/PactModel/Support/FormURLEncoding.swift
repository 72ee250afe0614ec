import Foundation
import HTTPSyntax

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
        PercentDecoding.decode(text, plusAsSpace: true)
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
