import Foundation
import PactModel

/// The checks of one HTTP interaction against the document, collecting results.
struct InteractionCheck {
    let document: OpenAPIDocument
    let router: OpenAPIRouter
    let interaction: HTTPInteraction
    let index: Int
    let validator: JSONSchemaValidator
    var results: [OpenAPICheckResult] = []
    /// The operation the request was routed to, set by `route()`.
    var operation: OpenAPIOperation!
    /// The path parameters' values, set by `route()`.
    var pathValues: [String: String] = [:]

    init(document: OpenAPIDocument, router: OpenAPIRouter, interaction: HTTPInteraction, index: Int) {
        self.document = document
        self.router = router
        self.interaction = interaction
        self.index = index
        self.validator = document.validator
    }

    var request: PactRequest { interaction.request }
    var response: PactResponse { interaction.response }
    /// `[root].interactions[3]`.
    var mockRoot: String { "[root].interactions[\(index)]" }
    /// The reference comparator checks the request's details only when the pact expects the request to succeed: a
    /// pact for a 4XX or 5XX response often sends a request the provider rejects on purpose.
    var isValidRequest: Bool { response.status < 400 }

    mutating func run() {
        guard route() else { return }
        guard pathParameters() else { return }
        security()
        let contentTypeIncompatible = requestHeaders()
        query()
        if !contentTypeIncompatible { requestBody() }
        guard let documented = responseStatus() else { return }
        responseHeaders(documented)
        if responseContentType(documented) { responseBody(documented) }
    }

    // MARK: Results

    mutating func add(
        _ code: OpenAPIResultCode, _ message: String, mock location: String, _ value: JSONValue?,
        spec specLocation: String, _ specValue: JSONValue? = nil, operation matched: Bool = true
    ) {
        let state = interaction.info.providerStates.first?.name ?? "[none]"
        results.append(
            OpenAPICheckResult(
                code: code, message: message,
                mockDetails: .init(interactionDescription: interaction.info.description, interactionState: state, location: location, value: value),
                specDetails: .init(
                    location: specLocation, pathMethod: matched ? operation.method : nil,
                    pathName: matched ? operation.pathTemplate : nil, value: specValue
                )
            )
        )
    }

    /// One result per schema error, `prefix: <Ajv's message>`.
    mutating func add(
        _ code: OpenAPIResultCode, prefix: String, errors: [SchemaValidationError], spec schema: OpenAPISchema
    ) {
        for error in errors {
            var message = error.message
            if error.keyword == "additionalProperties", let name = Self.lastKey(error.location) { message += " - " + name }
            add(code, "\(prefix): \(message)", mock: error.location, error.value, spec: schema.location, schema.value)
        }
    }

    /// The last member name of a `[root].a.b` or `[root]['odd key']` location.
    static func lastKey(_ location: String) -> String? {
        if location.hasSuffix("']") {
            let close = location.index(location.endIndex, offsetBy: -2)
            // The `['` that opens the last member: not one inside the key (which escapes its quotes as `\'`).
            guard let open = location[..<close].range(of: "['", options: .backwards) else { return nil }
            return String(location[open.upperBound..<close]).replacingOccurrences(of: "\\'", with: "'")
        }
        guard let dot = location.lastIndex(of: "."), !location.hasSuffix("]") else { return nil }
        return String(location[location.index(after: dot)...])
    }

    // MARK: Values

    /// The headers as one JSON object, several values joined with `, `.
    static func headerObject(_ headers: Headers) -> JSONValue {
        .object(headers.mapValues { .string($0.joined(separator: ", ")) })
    }

    /// The schema's own declaration, its top-level `$ref` followed (to tell array and string parameters apart).
    func resolved(_ schema: OpenAPISchema) -> JSONValue {
        var value = schema.value
        var document = schema.document
        for _ in 0..<16 {
            guard let reference = value["$ref"]?.stringValue, let (target, targetDocument) = validator.documents.resolve(reference, from: document)
            else { break }
            value = target
            document = targetDocument
        }
        return value
    }

    /// True when the schema's `type` is or includes `name`.
    func schema(_ schema: OpenAPISchema, hasType name: String) -> Bool {
        switch resolved(schema)["type"] {
        case .string(let single): single == name
        case .array(let several): several.contains(.string(name))
        default: false
        }
    }

    /// A parameter's text values as the JSON value its schema is checked against: an array schema gets the values
    /// split at commas, one value stays a string, several become an array.
    func parameterValue(_ values: [String?], schema: OpenAPISchema) -> JSONValue {
        let texts = values.map { $0 ?? "" }
        if self.schema(schema, hasType: "array") {
            let items = texts.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            return .array(items.map { JSONValue.string(String($0)) })
        }
        return texts.count == 1 ? .string(texts[0]) : .array(texts.map(JSONValue.string))
    }

    static let parameterOptions = SchemaValidationOptions(mode: .request, coerceStrings: true)
}
