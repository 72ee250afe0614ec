import HTTPSyntax

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
        let path = PercentDecoding.decode(pathPart)
        return (path.isEmpty ? "/" : path, query)
    }
}
