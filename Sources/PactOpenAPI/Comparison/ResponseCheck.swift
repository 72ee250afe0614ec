import PactModel

extension InteractionCheck {
    /// Standard response headers: present in a pact but not documented, they are only a warning
    /// (`response.header.undefined`; the reference comparator's list).
    static let standardResponseHeaders: Set<String> = [
        "access-control-allow-origin", "accept-patch", "accept-ranges", "age", "allow", "alt-svc", "cache-control",
        "connection", "content-disposition", "content-encoding", "content-language", "content-length",
        "content-location", "content-md5", "content-range", "date", "etag", "expires", "last-modified", "link",
        "location", "p3p", "pragma", "proxy-authenticate", "public-key-pins", "refresh", "retry-after", "server",
        "set-cookie", "status", "strict-transport-security", "trailer", "transfer-encoding", "tsv", "upgrade", "vary",
        "via", "warning", "www-authenticate", "x-frame-options",
    ]

    /// The documented response for the pact's status: the exact code, its range (`2XX`), or `default` (with the
    /// warning `response.status.default`); `response.status.unknown` and nil when there is none.
    mutating func responseStatus() -> OpenAPIResponse? {
        let location = mockRoot + ".response.status"
        let statuses = JSONValue.array(operation.responses.map { .string($0.status) })
        guard let (documented, match) = operation.response(forStatus: response.status) else {
            add(
                .responseStatusUnknown, "Response status code not defined in spec file: \(response.status)",
                mock: location, .number(JSONNumber(response.status)), spec: operation.specLocation + ".responses", statuses
            )
            return nil
        }
        if match == .default {
            add(
                .responseStatusDefault, "Response status code matched default response in spec file: \(response.status)",
                mock: location, .number(JSONNumber(response.status)), spec: operation.specLocation + ".responses", statuses
            )
        }
        return documented
    }

    /// Documented headers against their schemas (`response.header.incompatible`), undocumented standard headers
    /// (`response.header.undefined`, a warning) and any other undocumented header (`response.header.unknown`).
    mutating func responseHeaders(_ documented: OpenAPIResponse) {
        var remaining = Set(response.headers.keys.map { $0.lowercased() })
        remaining.remove("content-type")
        for header in documented.headers {
            remaining.remove(header.name.lowercased())
            guard let values = response.headers.values(forHeader: header.name), let schema = header.schema else { continue }
            let location = mockRoot + ".response.headers." + header.name
            let value = parameterValue([values.joined(separator: ", ")], schema: schema)
            let errors = validator.validate(value, against: schema.value, in: schema.document, options: Self.parameterOptions, rootLocation: location)
            add(.responseHeaderIncompatible, prefix: "Value is incompatible with the parameter defined in the spec file", errors: errors, spec: schema)
        }
        for name in remaining.sorted() {
            let value = MediaTypeNegotiation.header(name, in: response.headers).map(JSONValue.string)
            let location = mockRoot + ".response.headers." + name
            if Self.standardResponseHeaders.contains(name) {
                add(
                    .responseHeaderUndefined, "Standard http response header is not defined in the spec file: \(name)",
                    mock: location, value, spec: operation.specLocation
                )
            } else {
                add(
                    .responseHeaderUnknown, "Response header is not defined in the spec file: \(name)",
                    mock: location, value, spec: documented.specLocation + ".headers"
                )
            }
        }
    }

    /// The response's `Content-Type` against the documented types (`response.content-type.unknown` when the
    /// response documents none, `response.content-type.incompatible`). Returns false when incompatible: the body is
    /// then not checked.
    mutating func responseContentType(_ documented: OpenAPIResponse) -> Bool {
        guard let header = MediaTypeNegotiation.header("Content-Type", in: response.headers) else { return true }
        let essence = MediaTypeNegotiation.essence(header)
        guard !essence.isEmpty else { return true }
        let location = mockRoot + ".response.headers.content-type"
        let produced = documented.content.map(\.mediaType)
        if produced.isEmpty {
            add(
                .responseContentTypeUnknown, "Response Content-Type header is defined but the spec does not specify any mime-types to produce",
                mock: location, .string(header), spec: operation.specLocation
            )
            return true
        }
        if MediaTypeNegotiation.match(essence, in: produced) == nil {
            add(
                .responseContentTypeIncompatible, "Response Content-Type header is incompatible with the mime-types the spec defines to produce",
                mock: location, .string(header), spec: documented.specLocation + ".content", .array(produced.map(JSONValue.string))
            )
            return false
        }
        return true
    }

    /// The response body against the documented schema of the negotiated type, strictly: a property the document
    /// does not list is an error (`response.body.incompatible`); `response.body.unknown` when the document gives no
    /// schema for a body; `response.body.unvalidatable` for a body that is not JSON, a form or multipart.
    mutating func responseBody(_ documented: OpenAPIResponse) {
        let produced = documented.content.map(\.mediaType)
        let accept = MediaTypeNegotiation.header("Accept", in: request.headers) ?? "application/json"
        let contentType = MediaTypeNegotiation.match(accept, in: produced) ?? produced.first ?? "application/json"
        let media = MediaTypeNegotiation.match(contentType, in: produced).flatMap { type in documented.content.first { $0.mediaType == type } }
        let body = response.body
        let location = mockRoot + ".response.body"
        let bodyHeader = MediaTypeNegotiation.header("Content-Type", in: response.headers) ?? contentType
        switch BodyValues.status(contentType, body: body) {
        case .skip: return
        case .warn:
            add(
                .responseBodyUnvalidatable, "Body with content type '\(contentType)' is not supported by the spec comparator",
                mock: location, BodyValues.value(body, contentType: bodyHeader), spec: documented.specLocation + ".content"
            )
        case .validate:
            guard !body.isEmpty, let value = BodyValues.value(body, contentType: bodyHeader) else { return }
            guard let schema = media?.schema else {
                add(.responseBodyUnknown, "No matching schema found for response body", mock: location, value, spec: documented.specLocation + ".content")
                return
            }
            let errors = validator.validate(value, against: schema.value, in: schema.document, options: SchemaValidationOptions(mode: .response), rootLocation: location)
            add(.responseBodyIncompatible, prefix: "Response body is incompatible with the response body schema in the spec file", errors: errors, spec: schema)
        }
    }
}
