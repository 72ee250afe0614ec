import HTTPSyntax

/// A query parameter with all its values in order; a valueless parameter (`?flag`) has a `nil` value.
public struct QueryParameter: Sendable, Hashable {
    /// The parameter name, decoded.
    public var name: String
    /// The values in order of appearance; `nil` for a valueless occurrence (`?flag`).
    public var values: [String?]

    /// A parameter `name` with its `values` in order.
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
        return first { Self.isHeaderName($0.key, lowercasedAs: lower) }?.value
    }

    /// `key.lowercased() == lower`, compared byte by byte when both are ASCII (no lower-cased copy of every header
    /// name; reading a pact looks up each request's and response's `Content-Type`).
    private static func isHeaderName(_ key: String, lowercasedAs lower: String) -> Bool {
        guard key.utf8.allSatisfy({ $0 < 0x80 }), lower.utf8.allSatisfy({ $0 < 0x80 }) else { return key.lowercased() == lower }
        return key.caseInsensitiveEquals(lower)
    }

    /// The `Content-Type` header, parsed.
    public var contentType: ContentType? {
        values(forHeader: "Content-Type")?.first.flatMap(ContentType.init)
    }
}

/// An HTTP request as a pact describes it, or as it arrived.
public struct PactRequest: Sendable, Hashable {
    /// The HTTP method as written (`GET`, `POST`, …).
    public var method: String
    /// The path without the query (`/orders/1`).
    public var path: String
    /// Decoded query parameters in order of first appearance; nil when the pact has no query.
    public var query: [QueryParameter]?
    /// The query exactly as a V1/V1.1/V2 pact wrote it; V1 matching compares it pair by pair in order.
    public var rawQuery: String?
    /// Header values by name; use `values(forHeader:)` to look one up ignoring case.
    public var headers: Headers
    /// The body, or `.missing` when none was given.
    public var body: Body
    /// Rules for the request's method, path, query, headers and body, by category.
    public var matchingRules: MatchingRules
    /// Generators that fill in request values, by category.
    public var generators: Generators

    /// A request; `GET /` with no query, headers, body, rules or generators by default.
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
public struct PactResponse: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// Header values by name; use `values(forHeader:)` to look one up ignoring case.
    public var headers: Headers
    /// The body, or `.missing` when none was given.
    public var body: Body
    /// Rules for the response's status, headers and body, by category.
    public var matchingRules: MatchingRules
    /// Generators that fill in response values, by category.
    public var generators: Generators

    /// A response; status 200 with no headers, body, rules or generators by default.
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
    /// The message payload, or `.missing` when none was given.
    public var contents: Body
    /// Message metadata (such as `contentType`), kept as JSON values.
    public var metadata: [String: JSONValue]
    /// Rules for the contents and metadata, by category.
    public var matchingRules: MatchingRules
    /// Generators for the contents and metadata, by category.
    public var generators: Generators

    /// Message contents; no payload, metadata, rules or generators by default.
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
