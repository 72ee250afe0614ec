/// Splitting and decoding of request targets (RFC 9112 §3.2).
enum RequestTarget {
    /// The decoded path and the raw query of an origin-form (`/p?q`) or absolute-form (`http://h/p?q`) target.
    /// The asterisk form (`*`, for `OPTIONS *`) is kept as the path.
    static func split(_ target: String) -> (path: String, rawQuery: String?) {
        var rest = Substring(target)
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        if !rest.hasPrefix("/"), let scheme = rest.range(of: "://") {
            let afterAuthority = rest[scheme.upperBound...]
            rest = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" }).map { afterAuthority[$0...] } ?? ""
        }
        let pathPart: Substring
        let query: String?
        if let mark = rest.firstIndex(of: "?") {
            pathPart = rest[..<mark]
            query = String(rest[rest.index(after: mark)...])
        } else {
            pathPart = rest
            query = nil
        }
        let path = percentDecode(pathPart)
        return (path.isEmpty ? "/" : path, query)
    }

    /// `%XX` escapes become bytes; malformed escapes stay as written; invalid UTF-8 becomes U+FFFD.
    static func percentDecode(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "%"), bytes.count >= 2,
               let high = hexValue(bytes[bytes.startIndex]), let low = hexValue(bytes[bytes.startIndex + 1])
            {
                out.append(high << 4 | low)
                bytes = bytes.dropFirst(2)
            } else {
                out.append(byte)
            }
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
