import PactModel

extension InteractionCheck {
    /// `request.path-or-method.unknown` when no documented path (after the base path) has the request's method.
    mutating func route() -> Bool {
        let path = request.path.hasPrefix("/") ? request.path : "/" + request.path
        let method = request.method.lowercased()
        if !path.contains("?"), let (found, match) = router.route(method, path) {
            operation = found
            pathValues = match.parameters
            return true
        }
        add(
            .requestPathOrMethodUnknown, "Path or method not defined in spec file: \(request.method) \(request.path)",
            mock: mockRoot + ".request.path", .string(request.path), spec: "[root].paths", operation: false
        )
        return false
    }

    /// The path parameters against their schemas; a value that fails makes the route unknown, as a router with
    /// typed parameters would not have matched it.
    mutating func pathParameters() -> Bool {
        for parameter in operation.parameters where parameter.location == .path {
            guard let text = pathValues[parameter.name], let schema = parameter.schema else { continue }
            let value = parameterValue([text], schema: schema)
            let errors = validator.validate(value, against: schema.value, in: schema.document, options: Self.parameterOptions)
            if !errors.isEmpty {
                add(
                    .requestPathOrMethodUnknown, "Path or method not defined in spec file: \(request.method.uppercased()) \(request.path)",
                    mock: mockRoot + ".request.path", .string(request.path), spec: "[root].paths", operation: false
                )
                return false
            }
        }
        return true
    }
}
