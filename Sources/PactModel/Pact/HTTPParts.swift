/// A query parameter with all its values in order; a valueless parameter (`?flag`) has a `nil` value.
public struct QueryParameter: Sendable, Hashable {
    public var name: String
    public var values: [String?]

    public init(name: String, values: [String?]) {
        self.name = name
        self.values = values
    }
}

/// Header names map to their values; lookups ignore the name's case.
public typealias Headers = [String: [String]]

extension Dictionary where Key == String, Value == [String] {
    /// The values of header `name`, matched case-insensitively.
    public func values(forHeader name: String) -> [String]? {
        if let exact = self[name] { return exact }
        let lower = name.lowercased()
        return first { $0.key.lowercased() == lower }?.value
    }

    /// The `Content-Type` header, parsed.
    public var contentType: ContentType? {
        values(forHeader: "Content-Type")?.first.flatMap(ContentType.init)
    }
}

/// An HTTP request as a pact describes it, or as it arrived.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var path: String
    /// Decoded query parameters in order of first appearance; nil when the pact has no query.
    public var query: [QueryParameter]?
    /// The query exactly as a V1/V1.1/V2 pact wrote it; V1 matching compares it pair by pair in order.
    public var rawQuery: String?
    public var headers: Headers
    public var body: Body
    public var matchingRules: MatchingRules
    public var generators: Generators

    public init(
        method: String = "GET", path: String = "/", query: [QueryParameter]? = nil, rawQuery: String? = nil,
        headers: Headers = [:], body: Body = .missing, matchingRules: MatchingRules = MatchingRules(),
        generators: Generators = Generators()
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.matchingRules = matchingRules
        self.generators = generators
    }

    /// The values of query parameter `name`.
    public func queryValues(_ name: String) -> [String?]? { query?.first { $0.name == name }?.values }
}

/// An HTTP response as a pact describes it, or as it arrived.
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: Headers
    public var body: Body
    public var matchingRules: MatchingRules
    public var generators: Generators

    public init(
        status: Int = 200, headers: Headers = [:], body: Body = .missing,
        matchingRules: MatchingRules = MatchingRules(), generators: Generators = Generators()
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.matchingRules = matchingRules
        self.generators = generators
    }
}

/// A message's contents with its metadata (V3 message pacts, V4 message interactions).
public struct MessageContents: Sendable, Hashable {
    public var contents: Body
    public var metadata: [String: JSONValue]
    public var matchingRules: MatchingRules
    public var generators: Generators

    public init(
        contents: Body = .missing, metadata: [String: JSONValue] = [:], matchingRules: MatchingRules = MatchingRules(),
        generators: Generators = Generators()
    ) {
        self.contents = contents
        self.metadata = metadata
        self.matchingRules = matchingRules
        self.generators = generators
    }
}
