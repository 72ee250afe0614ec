import PactModel

/// Checks pacts against a provider's OpenAPI document without running the provider (bi-directional contract
/// testing), as pactflow's openapi-pact-comparator does: the same result codes, messages and error/warning types.
/// Read the document with `OpenAPIDocumentReader`, then `compare(_:)` each pact; `OpenAPIComparison.hasErrors` says
/// whether the pact is incompatible.
public struct OpenAPIComparator: Sendable {
    /// The document pacts are checked against (its `basePath` possibly replaced).
    public let document: OpenAPIDocument
    /// The document's paths, indexed once for every interaction compared.
    private let router: OpenAPIRouter

    /// A comparator for `document`; `basePath` (`/v1`), when given, replaces the document's own base path.
    public init(document: OpenAPIDocument, basePath: String? = nil) {
        var document = document
        if let basePath {
            var trimmed = basePath
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            document.basePath = trimmed.isEmpty || trimmed.hasPrefix("/") ? trimmed : "/" + trimmed
        }
        self.document = document
        router = OpenAPIRouter(document: document)
    }

    /// Every result for the HTTP interactions of `pact`, interaction by interaction in file order; message
    /// interactions are not compared and are counted in `skippedMessageInteractions`.
    public func compare(_ pact: Pact) -> OpenAPIComparison {
        var results: [OpenAPICheckResult] = []
        var skipped = 0
        for (index, interaction) in pact.interactions.enumerated() {
            guard case .http(let http) = interaction else {
                skipped += 1
                continue
            }
            results += compare(http, index: index)
        }
        return OpenAPIComparison(results: results, skippedMessageInteractions: skipped)
    }

    /// The results for one HTTP interaction, `index` being its place in the pact's `interactions`, in the order
    /// route, path parameters, security, request headers, content type and accept, query, request body, response
    /// status, response headers, response content type, response body.
    public func compare(_ interaction: HTTPInteraction, index: Int) -> [OpenAPICheckResult] {
        var check = InteractionCheck(document: document, router: router, interaction: interaction, index: index)
        check.run()
        return check.results
    }
}

/// The outcome of checking one pact.
public struct OpenAPIComparison: Sendable, Hashable {
    /// Every finding, errors and warnings, in interaction order.
    public var results: [OpenAPICheckResult]
    /// How many message interactions were skipped (only HTTP interactions are compared).
    public var skippedMessageInteractions: Int

    /// A comparison's findings.
    public init(results: [OpenAPICheckResult], skippedMessageInteractions: Int) {
        self.results = results
        self.skippedMessageInteractions = skippedMessageInteractions
    }

    /// True when any result is an error: the pact is not compatible with the document.
    public var hasErrors: Bool { results.contains { $0.type == .error } }

    /// The errors only.
    public var errors: [OpenAPICheckResult] { results.filter { $0.type == .error } }

    /// The one note about skipped message interactions (`2 message interactions were not checked: …`), if any.
    public var note: String? {
        guard skippedMessageInteractions > 0 else { return nil }
        let noun = skippedMessageInteractions == 1 ? "message interaction was" : "message interactions were"
        return "\(skippedMessageInteractions) \(noun) not checked: an OpenAPI document describes HTTP interactions only"
    }
}
