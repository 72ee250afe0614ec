import PactModel

extension InteractionCheck {
    /// `request.authorization.missing` when no alternative of the operation's security is met: an alternative
    /// with no credentials is always met, one with credentials when the request carries any of its headers or query
    /// parameters (a cookie credential is taken as met, as the reference comparator does). Only the credential's
    /// presence is checked, not its scheme (`Basic …`, `Bearer …`).
    mutating func security() {
        guard isValidRequest, !operation.security.isEmpty else { return }
        var secured = false
        var missing: [MissingCredential] = []
        for requirement in operation.security {
            if requirement.credentials.isEmpty { secured = true; break }
            for credential in requirement.credentials {
                switch credential.location {
                case .header:
                    if request.headers.values(forHeader: credential.name) != nil {
                        secured = true
                    } else {
                        missing.append(MissingCredential(
                            message: "Request Authorization header is missing but is required by the spec file",
                            location: mockRoot + ".request.headers", value: Self.headerObject(request.headers)
                        ))
                    }
                case .query:
                    if queryParameters.contains(where: { $0.name == credential.name }) {
                        secured = true
                    } else {
                        missing.append(MissingCredential(
                            message: "Request Authorization query is missing but is required by the spec file",
                            location: mockRoot + ".request.query", value: Self.queryObject(queryParameters)
                        ))
                    }
                case .cookie, .path:
                    secured = true
                }
            }
        }
        guard !secured else { return }
        for result in missing {
            add(.requestAuthorizationMissing, result.message, mock: result.location, result.value, spec: operation.specLocation)
        }
    }

    /// The request's query parameters (read from the raw query when only that is given).
    var queryParameters: [QueryParameter] {
        if let query = request.query { return query }
        if let raw = request.rawQuery { return FormURLEncoding.parseQuery(raw) }
        return []
    }

    /// Query parameters as one JSON object: one value a string, several an array.
    static func queryObject(_ parameters: [QueryParameter]) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for parameter in parameters { members[parameter.name] = queryValue(parameter.values) }
        return .object(members)
    }

    static func queryValue(_ values: [String?]) -> JSONValue {
        values.count == 1 ? .string(values[0] ?? "") : .array(values.map { .string($0 ?? "") })
    }
}

/// A credential an alternative of the operation's security asks for and the request lacks.
struct MissingCredential {
    var message: String
    var location: String
    var value: JSONValue
}
