import PactModel

extension InteractionCheck {
    /// Query parameters against their schemas (`request.query.incompatible`, also for a missing required one),
    /// and parameters the document does not declare (`request.query.unknown`; an API key's parameter is declared by
    /// the security scheme).
    mutating func query() {
        guard isValidRequest else { return }
        let parameters = queryParameters
        var remaining = parameters.map(\.name)
        for parameter in operation.parameters where parameter.location == .query {
            remaining.removeAll { $0 == parameter.name }
            let location = mockRoot + ".request.query." + parameter.name
            guard let values = parameters.first(where: { $0.name == parameter.name })?.values else {
                if parameter.required {
                    add(
                        .requestQueryIncompatible,
                        "Value is incompatible with the parameter defined in the spec file: must have required property '\(parameter.name)'",
                        mock: location, nil, spec: parameter.specLocation
                    )
                }
                continue
            }
            guard let schema = parameter.schema else { continue }
            let value = parameterValue(values, schema: schema)
            let errors = validator.validate(value, against: schema.value, in: schema.document, options: Self.parameterOptions, rootLocation: location)
            add(.requestQueryIncompatible, prefix: "Value is incompatible with the parameter defined in the spec file", errors: errors, spec: schema)
        }
        let credentialQueries = Set(operation.security.flatMap(\.credentials).filter { $0.location == .query }.map(\.name))
        for name in remaining where !credentialQueries.contains(name) {
            let values = parameters.first { $0.name == name }?.values ?? []
            add(
                .requestQueryUnknown, "Query parameter is not defined in the spec file: \(name)",
                mock: mockRoot + ".request.query." + name, Self.queryValue(values), spec: operation.specLocation
            )
        }
    }
}
