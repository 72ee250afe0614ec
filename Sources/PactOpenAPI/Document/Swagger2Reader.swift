import PactModel

/// Builds the model from a Swagger 2.0 document, which OpenAPIKit does not read: body and form parameters become a
/// request body per `consumes` type, a response's `schema` its body per `produces` type, and a non-body parameter's
/// own `type`, `format`, `items`, `enum` and bounds its schema.
struct Swagger2Reader {
    let documents: SchemaDocuments
    let root: DocumentNode

    /// Keys of a Swagger 2.0 parameter or header that are not schema keywords.
    private static let notSchema: Set<String> = ["name", "in", "required", "description", "allowEmptyValue", "collectionFormat"]
    private static let formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"]

    func basePath() -> String {
        var path = root.value["basePath"]?.stringValue ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        return path.hasPrefix("/") || path.isEmpty ? path : "/" + path
    }

    func operations() -> [OpenAPIOperation] {
        let schemes = securitySchemes()
        var operations: [OpenAPIOperation] = []
        for (path, written) in root["paths"]?.objectMembers ?? [] where path.hasPrefix("/") {
            let item = written.dereferenced(in: documents)
            let pathParameters = item["parameters"]?.elements.map { $0.dereferenced(in: documents) } ?? []
            for method in DocumentReading.methods {
                guard let operation = item[method], operation.value.objectValue != nil else { continue }
                let declared = operation["parameters"]?.elements.map { $0.dereferenced(in: documents) } ?? []
                let all = mergedNodes(pathParameters, declared)
                let consumes = (operation.value["consumes"] ?? root.value["consumes"])?.arrayValue?.compactMap(\.stringValue) ?? ["application/json"]
                let produces = (operation.value["produces"] ?? root.value["produces"])?.arrayValue?.compactMap(\.stringValue) ?? ["application/json"]
                operations.append(OpenAPIOperation(
                    pathTemplate: path, method: method,
                    parameters: all.compactMap(parameter),
                    security: DocumentReading.security(operation.value["security"] ?? root.value["security"], schemes: schemes),
                    requestBody: requestBody(all, consumes: consumes),
                    responses: (operation["responses"]?.objectMembers ?? []).map { key, node in
                        response(DocumentReading.statusKey(key), node.dereferenced(in: documents), produces: produces)
                    },
                    specLocation: operation.location
                ))
            }
        }
        return operations
    }

    private func mergedNodes(_ pathLevel: [DocumentNode], _ operationLevel: [DocumentNode]) -> [DocumentNode] {
        func key(_ node: DocumentNode) -> String { "\(node.value["in"]?.stringValue ?? "") \(node.value["name"]?.stringValue ?? "")" }
        let overridden = Set(operationLevel.map(key))
        return pathLevel.filter { !overridden.contains(key($0)) } + operationLevel
    }

    private func securitySchemes() -> [String: OpenAPICredential?] {
        var schemes: [String: OpenAPICredential?] = [:]
        for (name, node) in root["securityDefinitions"]?.objectMembers ?? [] {
            let scheme = node.value
            switch scheme["type"]?.stringValue?.lowercased() {
            case "apikey":
                let place = scheme["in"]?.stringValue.flatMap(OpenAPIParameterLocation.init(rawValue:)) ?? .header
                schemes[name] = OpenAPICredential(scheme: name, location: place, name: scheme["name"]?.stringValue ?? "")
            case "basic", "oauth2":
                schemes[name] = OpenAPICredential(scheme: name, location: .header, name: "Authorization")
            default:
                schemes[name] = .some(nil)
            }
        }
        return schemes
    }

    /// The parameter's schema keywords as a schema (`type: file` has none).
    private func ownSchema(_ node: DocumentNode) -> OpenAPISchema? {
        guard var members = node.value.objectValue, members["type"]?.stringValue != "file" else { return nil }
        for key in Self.notSchema { members[key] = nil }
        return OpenAPISchema(value: .object(members), document: node.document, location: node.location)
    }

    private func parameter(_ node: DocumentNode) -> OpenAPIParameter? {
        guard let name = node.value["name"]?.stringValue,
            let place = node.value["in"]?.stringValue.flatMap(OpenAPIParameterLocation.init(rawValue:))
        else { return nil }  // body and formData parameters make the request body
        return OpenAPIParameter(
            name: name, location: place, required: place == .path || node.value["required"]?.boolValue == true,
            schema: ownSchema(node), specLocation: node.location
        )
    }

    private func requestBody(_ parameters: [DocumentNode], consumes: [String]) -> OpenAPIRequestBody? {
        if let body = parameters.first(where: { $0.value["in"]?.stringValue == "body" }) {
            let schema = body["schema"]?.schema
            return OpenAPIRequestBody(
                required: body.value["required"]?.boolValue == true,
                content: consumes.map { OpenAPIMediaType(mediaType: $0, schema: schema, specLocation: body.location) },
                specLocation: body.location
            )
        }
        let form = parameters.filter { $0.value["in"]?.stringValue == "formData" }
        guard let first = form.first else { return nil }
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        for field in form {
            guard let name = field.value["name"]?.stringValue else { continue }
            properties[name] = ownSchema(field)?.value ?? .object([:])
            if field.value["required"]?.boolValue == true { required.append(.string(name)) }
        }
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required) }
        let types = consumes.filter { Self.formTypes.contains($0) }
        let location = first.location
        return OpenAPIRequestBody(
            required: !required.isEmpty,
            content: (types.isEmpty ? [Self.formTypes[0]] : types).map {
                OpenAPIMediaType(mediaType: $0, schema: OpenAPISchema(value: .object(schema), document: first.document, location: location), specLocation: location)
            },
            specLocation: location
        )
    }

    private func response(_ status: String, _ node: DocumentNode, produces: [String]) -> OpenAPIResponse {
        let headers = (node["headers"]?.objectMembers ?? []).map { name, header in
            OpenAPIHeader(name: name, required: false, schema: ownSchema(header), specLocation: header.location)
        }
        let schema = node["schema"]?.schema
        let content = schema == nil ? [] : produces.map { OpenAPIMediaType(mediaType: $0, schema: schema, specLocation: node.location + ".schema") }
        return OpenAPIResponse(status: status, headers: headers, content: content, specLocation: node.location)
    }
}
