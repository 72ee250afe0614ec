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
    /// The documented path templates `path` matches, best first (see `OpenAPIRouter.matches(_:)`). Each call indexes
    /// the document's paths; build an `OpenAPIRouter` once to route many requests.
    public func pathMatches(_ path: String) -> [OpenAPIPathMatch] {
        OpenAPIRouter(document: self).matches(path)
    }
}
