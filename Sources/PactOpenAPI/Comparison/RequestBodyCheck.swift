import PactModel

extension InteractionCheck {
    /// The request body against the schema of the matching consumed type (plain JSON Schema: extra properties are
    /// allowed unless the schema forbids them): `request.body.incompatible`, `request.body.unknown` (a body the
    /// document gives no schema for), `request.body.unvalidatable` (a body of a type that is not JSON, a form or
    /// multipart). Not run when the content type is incompatible.
    mutating func requestBody() {
        guard isValidRequest else { return }
        let consumed = consumedTypes
        let header = MediaTypeNegotiation.header("Content-Type", in: request.headers)
        let contentType = header.map { MediaTypeNegotiation.match($0, in: consumed) ?? $0 } ?? "application/json"
        let media = MediaTypeNegotiation.match(contentType, in: consumed).flatMap { type in
            operation.requestBody?.content.first { $0.mediaType == type }
        }
        let required = operation.requestBody?.required ?? false
        let body = request.body
        if !required, body.isMissing { return }
        let contentLocation = (operation.requestBody?.specLocation ?? operation.specLocation + ".requestBody") + ".content"
        switch BodyValues.status(contentType, body: body) {
        case .skip: return
        case .warn:
            add(
                .requestBodyUnvalidatable, "Body with content type '\(contentType)' is not supported by the spec comparator",
                mock: mockRoot + ".request.body", BodyValues.value(body, contentType: contentType), spec: contentLocation
            )
            return
        case .validate: break
        }
        let location = mockRoot + ".request.body"
        if let schema = media?.schema {
            guard let value = BodyValues.value(body, contentType: header ?? contentType) else {
                add(
                    .requestBodyIncompatible, "Request body is incompatible with the request body schema in the spec file: the body is required",
                    mock: location, nil, spec: schema.location, schema.value
                )
                return
            }
            let errors = validator.validate(value, against: schema.value, in: schema.document, options: SchemaValidationOptions(mode: .request), rootLocation: location)
            add(.requestBodyIncompatible, prefix: "Request body is incompatible with the request body schema in the spec file", errors: errors, spec: schema)
        } else if !body.isEmpty {
            add(
                .requestBodyUnknown, "No matching schema found for request body",
                mock: location, BodyValues.value(body, contentType: contentType), spec: contentLocation
            )
        }
    }
}
