import Foundation

/// A request path matched to a documented path template.
public struct OpenAPIPathMatch: Sendable, Hashable {
    /// The template as written under `paths` (`/pets/{id}`).
    public var pathTemplate: String
    /// The path parameters' values, percent-decoded (`["id": "12"]`).
    public var parameters: [String: String]

    /// A match of `pathTemplate` with `parameters`.
    public init(pathTemplate: String, parameters: [String: String]) {
        self.pathTemplate = pathTemplate
        self.parameters = parameters
    }
}

extension OpenAPIDocument {
    /// The documented path templates `path` matches, best first: the base path must lead the request path (and is
    /// taken off), then templates are compared segment by segment, `{name}` matching one non-empty segment (also
    /// inside a segment, `{id}.json`); templates with more literal segments come first, so `/pets/mine` wins over
    /// `/pets/{id}`. A query string or fragment on `path` is ignored.
    public func pathMatches(_ path: String) -> [OpenAPIPathMatch] {
        var path = path
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<end]) }
        if !basePath.isEmpty {
            guard path == basePath || path.hasPrefix(basePath + "/") else { return [] }
            path = String(path.dropFirst(basePath.count))
        }
        let segments = Self.segments(path)
        var matches: [(match: OpenAPIPathMatch, literals: Int)] = []
        var seen: Set<String> = []
        for operation in operations where seen.insert(operation.pathTemplate).inserted {
            let template = Self.segments(operation.pathTemplate)
            guard template.count == segments.count else { continue }
            var parameters: [String: String] = [:]
            var literals = 0
            var matched = true
            for (pattern, segment) in zip(template, segments) {
                if !pattern.contains("{") {
                    guard pattern == segment else { matched = false; break }
                    literals += 1
                } else if let values = PathTemplateSegment.match(pattern, segment) {
                    parameters.merge(values) { first, _ in first }
                } else {
                    matched = false
                    break
                }
            }
            if matched { matches.append((OpenAPIPathMatch(pathTemplate: operation.pathTemplate, parameters: parameters), literals)) }
        }
        return matches.sorted { $0.literals != $1.literals ? $0.literals > $1.literals : $0.match.pathTemplate < $1.match.pathTemplate }.map(\.match)
    }

    private static func segments(_ path: String) -> [String] {
        let trimmed = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return trimmed.isEmpty ? [] : trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }
}

/// One template segment (`{id}`, `{id}.json`, `v{major}.{minor}`) against one path segment.
enum PathTemplateSegment {
    static func match(_ pattern: String, _ segment: String) -> [String: String]? {
        var names: [String] = []
        var expression = "^"
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            expression += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: "}") else { return pattern == segment ? [:] : nil }
            names.append(String(rest[rest.index(after: open)..<close]))
            expression += "(.+?)"
            rest = rest[rest.index(after: close)...]
        }
        expression += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: expression),
            let found = regex.firstMatch(in: segment, range: NSRange(segment.startIndex..<segment.endIndex, in: segment))
        else { return nil }
        var values: [String: String] = [:]
        for (index, name) in names.enumerated() {
            guard let range = Range(found.range(at: index + 1), in: segment) else { return nil }
            let raw = String(segment[range])
            values[name] = raw.removingPercentEncoding ?? raw
        }
        return values
    }
}
