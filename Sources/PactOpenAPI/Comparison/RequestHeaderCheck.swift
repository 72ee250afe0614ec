import PactModel

extension InteractionCheck {
    /// Standard request headers a document need not declare (the reference comparator's list).
    static let standardRequestHeaders: Set<String> = [
        "accept", "accept-charset", "accept-datetime", "accept-encoding", "accept-language", "authorization",
        "cache-control", "connection", "content-length", "content-md5", "content-type", "cookie", "date", "expect",
        "forwarded", "from", "host", "if-match", "if-modified-since", "if-none-match", "if-range",
        "if-unmodified-since", "max-forwards", "origin", "pragma", "proxy-authorization", "range", "referer", "te",
        "upgrade", "user-agent", "via", "warning",
    ]

    /// Header parameters (`request.header.incompatible`, `request.header.unknown`), then content type and accept
    /// (`request.content-type.*`, `request.accept.*`). Returns true when the content type is incompatible (the
    /// request body is then not checked).
    mutating func requestHeaders() -> Bool {
        headerParameters()
        let incompatible = requestContentType()
        requestAccept()
        return incompatible
    }

    private mutating func headerParameters() {
        guard isValidRequest else { return }
        var remaining = Set(request.headers.keys.map { $0.lowercased() })
        for parameter in operation.parameters where parameter.location == .header {
            remaining.remove(parameter.name.lowercased())
            let location = mockRoot + ".request.headers." + parameter.name
            guard let values = request.headers.values(forHeader: parameter.name) else {
                if parameter.required {
                    add(
                        .requestHeaderIncompatible,
                        "Value is incompatible with the parameter defined in the spec file: must have required property '\(parameter.name)'",
                        mock: location, nil, spec: parameter.specLocation
                    )
                }
                continue
            }
            guard let schema = parameter.schema else { continue }
            let value = parameterValue([values.joined(separator: ", ")], schema: schema)
            let errors = validator.validate(value, against: schema.value, in: schema.document, options: Self.parameterOptions, rootLocation: location)
            add(.requestHeaderIncompatible, prefix: "Value is incompatible with the parameter defined in the spec file", errors: errors, spec: schema)
        }
        let credentialHeaders = Set(operation.security.flatMap(\.credentials).filter { $0.location == .header }.map { $0.name.lowercased() })
        for name in remaining.sorted() where !Self.standardRequestHeaders.contains(name) && !credentialHeaders.contains(name) {
            let value = MediaTypeNegotiation.header(name, in: request.headers).map(JSONValue.string)
            add(.requestHeaderUnknown, "Request header is not defined in the spec file: \(name)", mock: mockRoot + ".request.headers." + name, value, spec: operation.specLocation)
        }
    }

    /// The media types the operation consumes.
    var consumedTypes: [String] { operation.requestBody?.content.map(\.mediaType) ?? [] }

    private mutating func requestContentType() -> Bool {
        let header = MediaTypeNegotiation.header("Content-Type", in: request.headers)
        let location = mockRoot + ".request.headers.content-type"
        let essence = header.map(MediaTypeNegotiation.essence) ?? ""
        let consumed = consumedTypes
        if !essence.isEmpty, consumed.isEmpty {
            add(
                .requestContentTypeUnknown, "Request content-type header is defined but the spec does not specify any mime-types to consume",
                mock: location, header.map(JSONValue.string), spec: operation.specLocation
            )
        }
        var incompatible = false
        if !essence.isEmpty, !consumed.isEmpty, MediaTypeNegotiation.match(essence, in: consumed) == nil {
            incompatible = true
            add(
                .requestContentTypeIncompatible, "Request Content-Type header is incompatible with the mime-types the spec accepts to consume",
                mock: location, header.map(JSONValue.string), spec: operation.specLocation + ".requestBody.content",
                .array(consumed.map(JSONValue.string))
            )
        }
        if essence.isEmpty, !consumed.isEmpty, !request.body.isEmpty {
            add(
                .requestContentTypeMissing, "Request content type header is not defined but spec specifies mime-types to consume",
                mock: location, nil, spec: operation.specLocation
            )
        }
        return incompatible
    }

    private mutating func requestAccept() {
        guard let header = MediaTypeNegotiation.header("Accept", in: request.headers) else { return }
        let accept = MediaTypeNegotiation.essence(header)
        guard !accept.isEmpty else { return }
        let location = mockRoot + ".request.headers.accept"
        let produced = operation.responses.flatMap { $0.content.map(\.mediaType) }
        if produced.isEmpty {
            add(
                .requestAcceptUnknown, "Request Accept header is defined but the spec does not specify any mime-types to produce",
                mock: location, .string(header), spec: operation.specLocation
            )
            return
        }
        let forStatus = operation.responses.first { $0.status == String(response.status) }?.content.map(\.mediaType) ?? []
        // The whole header is negotiated (its list and `q=` weights), not only its first type.
        if !forStatus.isEmpty, MediaTypeNegotiation.match(header, in: produced) == nil {
            add(
                .requestAcceptIncompatible, "Request Accept header is incompatible with the mime-types the spec defines to produce",
                mock: location, .string(header), spec: operation.specLocation, .array(forStatus.map(JSONValue.string))
            )
        }
    }
}
