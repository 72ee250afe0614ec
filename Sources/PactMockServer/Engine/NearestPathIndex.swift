/// For a request no interaction expects, the interactions whose path shares the longest leading segments with it,
/// found with one lookup per segment of the request's path (not a scan), so unexpected requests stay cheap too.
package struct NearestPathIndex: Sendable {
    /// A few interactions per path prefix are enough to name a closest one.
    private static let perPrefix = 8
    private let byPrefix: [String: [Int]]
    /// Interactions by their whole path: the same path with another method is the closest of all.
    private let byPath: [String: [Int]]

    package init(paths: [String]) {
        var byPrefix: [String: [Int]] = [:]
        var byPath: [String: [Int]] = [:]
        for (index, path) in paths.enumerated() {
            if (byPath[path]?.count ?? 0) < Self.perPrefix { byPath[path, default: []].append(index) }
            for prefix in Self.prefixes(path) where (byPrefix[prefix]?.count ?? 0) < Self.perPrefix {
                byPrefix[prefix, default: []].append(index)
            }
        }
        self.byPrefix = byPrefix
        self.byPath = byPath
    }

    /// The interactions sharing the longest segment prefix with `path` (the whole path first), in serving order.
    package func nearest(to path: String) -> [Int] {
        if let samePath = byPath[path] { return samePath }
        for prefix in Self.prefixes(path).reversed() {
            if let found = byPrefix[prefix] { return found }
        }
        return []
    }

    /// `/a/b/c` → `/`, `/a`, `/a/b`, `/a/b/c`.
    private static func prefixes(_ path: String) -> [String] {
        var result = ["/"]
        var current = ""
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + segment
            result.append(current)
        }
        if path != "/", result.last != path { result.append(path) }
        return result
    }
}
