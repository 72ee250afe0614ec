import HTTPSyntax

/// Splitting and decoding of request targets (RFC 9112 §3.2).
enum RequestTarget {
    /// The decoded path and the raw query of an origin-form (`/p?q`) or absolute-form (`http://h/p?q`) target.
    /// The asterisk form (`*`, for `OPTIONS *`) is kept as the path.
    static func split(_ target: String) -> (path: String, rawQuery: String?) {
        if let plain = splitPlain(target) { return plain }
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
        let path = PercentDecoding.decode(pathPart)
        return (path.isEmpty ? "/" : path, query)
    }

    /// The usual target, `/path` or `/path?query` in ASCII with nothing in the path to decode and no fragment, split
    /// in one pass over its bytes (as `split` would split it); nil for any other (non-ASCII text is left to `split`,
    /// which reads characters).
    private static func splitPlain(_ target: String) -> (path: String, rawQuery: String?)? {
        let utf8 = target.utf8
        guard utf8.first == UInt8(ascii: "/") else { return nil }
        var mark: String.Index?
        for index in utf8.indices {
            switch utf8[index] {
            case UInt8(ascii: "#"), 0x80...:
                return nil
            case UInt8(ascii: "%") where mark == nil:
                return nil
            case UInt8(ascii: "?") where mark == nil:
                mark = index
            default:
                break
            }
        }
        guard let mark else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }
}
