import PactModel

/// The OpenAPI version a document declares.
public enum OpenAPIVersion: String, Sendable, Hashable {
    /// `swagger: "2.0"`.
    case swagger2 = "2.0"
    /// `openapi: 3.0.x`.
    case openAPI30 = "3.0"
    /// `openapi: 3.1.x`.
    case openAPI31 = "3.1"
}

/// A provider's API as the comparator sees it, whatever the document's version: its operations by path template
/// and method, and the documents their schemas' `$ref`s resolve in.
public struct OpenAPIDocument: Sendable {
    /// The document's name (the file path it was read from, or the name given with its text).
    public var name: String
    /// The declared version.
    public var version: OpenAPIVersion
    /// The path every operation's path follows, without a trailing slash (`/v1`; empty for none): Swagger 2.0's
    /// `basePath`, or the path of OpenAPI 3's first server URL.
    public var basePath: String
    /// Every operation, sorted by path (as written), then methods in `get`, `put`, `post`, `delete`, `options`,
    /// `head`, `patch`, `trace` order).
    public var operations: [OpenAPIOperation]
    /// The main document and the files it refers to, parsed, by name.
    public var documents: SchemaDocuments

    /// A document model; readers build it with `OpenAPIDocumentReader`.
    public init(name: String, version: OpenAPIVersion, basePath: String, operations: [OpenAPIOperation], documents: SchemaDocuments) {
        self.name = name
        self.version = version
        self.basePath = basePath
        self.operations = operations
        self.documents = documents
    }

    /// A schema validator resolving `$ref`s in this document and its files.
    public var validator: JSONSchemaValidator { JSONSchemaValidator(documents: documents) }

    /// The operation for `method` on exactly `pathTemplate` (`/pets/{id}`), if documented.
    public func operation(_ method: String, _ pathTemplate: String) -> OpenAPIOperation? {
        operations.first { $0.method == method.lowercased() && $0.pathTemplate == pathTemplate }
    }
}

/// A schema where it appears: the value, the document its `$ref`s resolve in, and its location for reports.
public struct OpenAPISchema: Sendable, Hashable {
    /// The schema as written (its `$ref`s unresolved).
    public var value: JSONValue
    /// The name of the document it is written in.
    public var document: String
    /// Where it is, `[root].paths./pets.get.responses.200.content.application/json.schema` style.
    public var location: String

    /// A schema in `document` at `location`.
    public init(value: JSONValue, document: String, location: String) {
        self.value = value
        self.document = document
        self.location = location
    }
}

/// Where a parameter travels.
public enum OpenAPIParameterLocation: String, Sendable, Hashable {
    /// A path template's `{name}`.
    case path
    /// The query string.
    case query
    /// A request header.
    case header
    /// A cookie.
    case cookie
}

/// A path, query, header or cookie parameter of an operation.
public struct OpenAPIParameter: Sendable, Hashable {
    /// The parameter's name (a header's as written; headers compare case-insensitively).
    public var name: String
    /// Where it travels.
    public var location: OpenAPIParameterLocation
    /// True when the request must carry it (always for path parameters).
    public var required: Bool
    /// Its schema (Swagger 2.0: the parameter's own `type`, `format`, `items`, `enum`, bounds); nil when none is given.
    public var schema: OpenAPISchema?
    /// Where it is declared.
    public var specLocation: String

    /// A parameter as read from a document.
    public init(name: String, location: OpenAPIParameterLocation, required: Bool, schema: OpenAPISchema?, specLocation: String) {
        self.name = name
        self.location = location
        self.required = required
        self.schema = schema
        self.specLocation = specLocation
    }
}

/// A body's schema for one media type (`application/json`, `application/*`, `*/*`, …).
public struct OpenAPIMediaType: Sendable, Hashable {
    /// The media type as written, parameters and wildcards included.
    public var mediaType: String
    /// The body's schema; nil when the media type is documented without one.
    public var schema: OpenAPISchema?
    /// Where it is declared.
    public var specLocation: String

    /// A media type of a body.
    public init(mediaType: String, schema: OpenAPISchema?, specLocation: String) {
        self.mediaType = mediaType
        self.schema = schema
        self.specLocation = specLocation
    }
}

/// An operation's request body.
public struct OpenAPIRequestBody: Sendable, Hashable {
    /// True when a request must have a body.
    public var required: Bool
    /// The accepted media types, sorted.
    public var content: [OpenAPIMediaType]
    /// Where it is declared.
    public var specLocation: String

    /// A request body.
    public init(required: Bool, content: [OpenAPIMediaType], specLocation: String) {
        self.required = required
        self.content = content
        self.specLocation = specLocation
    }
}

/// A response header.
public struct OpenAPIHeader: Sendable, Hashable {
    /// The header's name as written.
    public var name: String
    /// True when the response always carries it.
    public var required: Bool
    /// Its value's schema; nil when none is given.
    public var schema: OpenAPISchema?
    /// Where it is declared.
    public var specLocation: String

    /// A response header.
    public init(name: String, required: Bool, schema: OpenAPISchema?, specLocation: String) {
        self.name = name
        self.required = required
        self.schema = schema
        self.specLocation = specLocation
    }
}

/// One documented response: for a status (`200`), a status range (`2XX`) or `default`.
public struct OpenAPIResponse: Sendable, Hashable {
    /// The key as written: `200`, `2XX` (upper-cased), `default`.
    public var status: String
    /// Its documented headers.
    public var headers: [OpenAPIHeader]
    /// The media types of its body, sorted; empty when it has no body.
    public var content: [OpenAPIMediaType]
    /// Where it is declared (`[root].paths./pets.get.responses.200`).
    public var specLocation: String

    /// A response.
    public init(status: String, headers: [OpenAPIHeader], content: [OpenAPIMediaType], specLocation: String) {
        self.status = status
        self.headers = headers
        self.content = content
        self.specLocation = specLocation
    }
}

/// A credential a security scheme asks for.
public struct OpenAPICredential: Sendable, Hashable {
    /// The security scheme's name in the document.
    public var scheme: String
    /// Where the credential goes: `Authorization` header for HTTP (basic, bearer), OAuth 2 and OpenID Connect schemes,
    /// the named header, query parameter or cookie for API keys.
    public var location: OpenAPIParameterLocation
    /// The header, query parameter or cookie name.
    public var name: String

    /// A credential of scheme `scheme`.
    public init(scheme: String, location: OpenAPIParameterLocation, name: String) {
        self.scheme = scheme
        self.location = location
        self.name = name
    }

    /// True when this credential is an `Authorization` header.
    public var isAuthorizationHeader: Bool { location == .header && name.lowercased() == "authorization" }
}

/// One way to satisfy an operation's security: every credential listed (empty: no credential needed).
public struct OpenAPISecurityRequirement: Sendable, Hashable {
    /// The credentials this alternative needs, all of them.
    public var credentials: [OpenAPICredential]

    /// An alternative needing `credentials`.
    public init(credentials: [OpenAPICredential]) { self.credentials = credentials }
}

/// An operation: one method on one path template.
public struct OpenAPIOperation: Sendable, Hashable {
    /// The path as written under `paths` (`/pets/{id}`), without the base path.
    public var pathTemplate: String
    /// Lower-case method: `get`, `post`, ….
    public var method: String
    /// Path-level and operation-level parameters (the operation's override the path's of the same name and place).
    public var parameters: [OpenAPIParameter]
    /// The alternatives of its security (operation-level, else document-level); empty when none is declared.
    public var security: [OpenAPISecurityRequirement]
    /// Its request body, when it declares one.
    public var requestBody: OpenAPIRequestBody?
    /// Responses, sorted by status key.
    public var responses: [OpenAPIResponse]
    /// `[root].paths./pets.get`.
    public var specLocation: String

    /// An operation as read from a document.
    public init(
        pathTemplate: String, method: String, parameters: [OpenAPIParameter], security: [OpenAPISecurityRequirement],
        requestBody: OpenAPIRequestBody?, responses: [OpenAPIResponse], specLocation: String
    ) {
        self.pathTemplate = pathTemplate
        self.method = method
        self.parameters = parameters
        self.security = security
        self.requestBody = requestBody
        self.responses = responses
        self.specLocation = specLocation
    }

    /// True when every way to satisfy the operation's security needs an `Authorization` header.
    public var requiresAuthorizationHeader: Bool {
        !security.isEmpty && security.allSatisfy { $0.credentials.contains(where: \.isAuthorizationHeader) }
    }

    /// How a response was found for a status.
    public enum StatusMatch: Sendable, Hashable {
        /// The status itself (`200`).
        case exact
        /// Its range (`2XX`).
        case range
        /// `default` (the comparator's warning `response.status.default`).
        case `default`
    }

    /// The documented response for `status`: the exact code, then its range (`2XX`), then `default`; nil when none.
    public func response(forStatus status: Int) -> (response: OpenAPIResponse, match: StatusMatch)? {
        if let exact = responses.first(where: { $0.status == String(status) }) { return (exact, .exact) }
        let range = "\(status / 100)XX"
        if let ranged = responses.first(where: { $0.status == range }) { return (ranged, .range) }
        if let fallback = responses.first(where: { $0.status == "default" }) { return (fallback, .default) }
        return nil
    }
}
