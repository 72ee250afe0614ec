/// A document's path templates indexed for routing many requests: by segment count, then by first segment when
/// that is plain text, so a request is compared with a few templates rather than all of them; operations by template
/// and method. Build one per document (the comparator does) and ask it for each request.
public struct OpenAPIRouter: Sendable {
    /// The base path requests must start with (taken off before matching).
    public let basePath: String
    private let templates: [PathTemplate]
    /// Template indexes by segment count, then by literal first segment.
    private let byFirstSegment: [Int: [Substring: [Int]]]
    /// Template indexes by segment count, for templates whose first segment has a parameter (or that have none).
    private let otherTemplates: [Int: [Int]]
    private let operations: [OpenAPIOperation]
    /// Operation indexes by path template, then lower-case method.
    private let operationIndexes: [String: [String: Int]]

    /// The index of `document`'s paths and operations, with its base path.
    public init(document: OpenAPIDocument) {
        basePath = document.basePath
        operations = document.operations
        var templates: [PathTemplate] = []
        var operationIndexes: [String: [String: Int]] = [:]
        for (index, operation) in document.operations.enumerated() {
            if operationIndexes[operation.pathTemplate] == nil { templates.append(PathTemplate(operation.pathTemplate)) }
            // The first operation of a method on a template wins, as a scan in document order would find.
            operationIndexes[operation.pathTemplate, default: [:]][operation.method] = operationIndexes[operation.pathTemplate]?[operation.method] ?? index
        }
        var byFirstSegment: [Int: [Substring: [Int]]] = [:]
        var otherTemplates: [Int: [Int]] = [:]
        for (index, template) in templates.enumerated() {
            if case .literal(let first) = template.segments.first {
                byFirstSegment[template.segments.count, default: [:]][Substring(first), default: []].append(index)
            } else {
                otherTemplates[template.segments.count, default: []].append(index)
            }
        }
        self.templates = templates
        self.byFirstSegment = byFirstSegment
        self.otherTemplates = otherTemplates
        self.operationIndexes = operationIndexes
    }

    /// The documented path templates `path` matches, best first: the base path must lead the request path (and is
    /// taken off), then templates are compared segment by segment, `{name}` matching one non-empty segment (also
    /// inside a segment, `{name}.{ext}`) and its value percent-decoded. Templates with more plain-text segments come
    /// first (`/pets/mine` before `/pets/{id}`), then those with more text beside their parameters (`/pets/{id}.{ext}`
    /// before `/pets/{id}`), then by template. A query string or fragment on `path` is ignored.
    public func matches(_ path: String) -> [OpenAPIPathMatch] {
        var path = Substring(path)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        if !basePath.isEmpty {
            guard path.hasPrefix(basePath) else { return [] }
            let rest = path.dropFirst(basePath.count)
            guard rest.isEmpty || rest.hasPrefix("/") else { return [] }
            path = rest
        }
        let segments = PathTemplate.split(String(path))
        var candidates = otherTemplates[segments.count] ?? []
        if let first = segments.first, let literal = byFirstSegment[segments.count]?[first] { candidates += literal }
        var found: [(template: PathTemplate, parameters: [String: String])] = []
        for index in candidates {
            if let parameters = templates[index].match(segments) { found.append((templates[index], parameters)) }
        }
        found.sort { first, second in
            if first.template.literalSegments != second.template.literalSegments {
                return first.template.literalSegments > second.template.literalSegments
            }
            if first.template.literalCharacters != second.template.literalCharacters {
                return first.template.literalCharacters > second.template.literalCharacters
            }
            return first.template.template < second.template.template
        }
        return found.map { OpenAPIPathMatch(pathTemplate: $0.template.template, parameters: $0.parameters) }
    }

    /// The operation for `method` (any case) on exactly `pathTemplate`, if documented.
    public func operation(_ method: String, _ pathTemplate: String) -> OpenAPIOperation? {
        operationIndexes[pathTemplate]?[method.lowercased()].map { operations[$0] }
    }

    /// The first match of `path` (best first) that documents `method`, with its operation; nil when none does.
    public func route(_ method: String, _ path: String) -> (operation: OpenAPIOperation, match: OpenAPIPathMatch)? {
        for match in matches(path) {
            if let operation = operation(method, match.pathTemplate) { return (operation, match) }
        }
        return nil
    }
}
