import Foundation
import PactModel

/// Builds the model from an OpenAPI 3.0 or 3.1 document (already checked by OpenAPIKit and its `$ref`s resolved).
struct OpenAPI3Reader {
    let documents: SchemaDocuments
    let root: DocumentNode

    func operations() -> [OpenAPIOperation] {
        let schemes = securitySchemes()
        var operations: [OpenAPIOperation] = []
        for (path, written) in root["paths"]?.objectMembers ?? [] where path.hasPrefix("/") {
            let item = written.dereferenced(in: documents)
            let pathParameters = parameters(item["parameters"])
            for method in DocumentReading.methods {
                guard let operation = item[method], operation.value.objectValue != nil else { continue }
                let security = operation.value["security"] ?? root.value["security"]
                operations.append(OpenAPIOperation(
                    pathTemplate: path, method: method,
                    parameters: DocumentReading.merged(pathParameters, parameters(operation["parameters"])),
                    security: DocumentReading.security(security, schemes: schemes),
                    requestBody: operation["requestBody"].map { requestBody($0.dereferenced(in: documents)) },
                    responses: (operation["responses"]?.objectMembers ?? []).map { key, node in
                        response(DocumentReading.statusKey(key), node.dereferenced(in: documents))
                    },
                    specLocation: operation.location
                ))
            }
        }
        return operations
    }

    /// The path of the first server URL, its variables at their defaults, without a trailing slash.
    func basePath() -> String {
        guard let server = root["servers"]?.elements.first, var url = server.value["url"]?.stringValue else { return "" }
        for (name, variable) in server["variables"]?.objectMembers ?? [] {
            if let value = variable.value["default"]?.stringValue { url = url.replacingOccurrences(of: "{\(name)}", with: value) }
        }
        var path = url
        if let scheme = url.range(of: "://") {
            let rest = url[scheme.upperBound...]
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        while path.hasSuffix("/") { path.removeLast() }
        return path.hasPrefix("/") || path.isEmpty ? path : "/" + path
    }

    private func securitySchemes() -> [String: OpenAPICredential?] {
        var schemes: [String: OpenAPICredential?] = [:]
        for (name, written) in root["components"]?["securitySchemes"]?.objectMembers ?? [] {
            let scheme = written.dereferenced(in: documents).value
            switch scheme["type"]?.stringValue?.lowercased() {
            case "apikey":
                let place = scheme["in"]?.stringValue.flatMap(OpenAPIParameterLocation.init(rawValue:)) ?? .header
                schemes[name] = OpenAPICredential(scheme: name, location: place, name: scheme["name"]?.stringValue ?? "")
            case "http", "oauth2", "openidconnect":
                schemes[name] = OpenAPICredential(scheme: name, location: .header, name: "Authorization")
            default:
                schemes[name] = .some(nil)
            }
        }
        return schemes
    }

    private func parameters(_ list: DocumentNode?) -> [OpenAPIParameter] {
        (list?.elements ?? []).compactMap { written in
            let parameter = written.dereferenced(in: documents)
            guard let name = parameter.value["name"]?.stringValue,
                let place = parameter.value["in"]?.stringValue.flatMap(OpenAPIParameterLocation.init(rawValue:))
            else { return nil }
            let schema = parameter["schema"] ?? parameter["content"]?.objectMembers.first?.1["schema"]
            return OpenAPIParameter(
                name: name, location: place, required: place == .path || parameter.value["required"]?.boolValue == true,
                schema: schema.map { DocumentNode(value: $0.value, document: $0.document, location: written.location + ".schema").schema },
                specLocation: written.location
            )
        }
    }

    private func content(_ node: DocumentNode?) -> [OpenAPIMediaType] {
        (node?.objectMembers ?? []).map { mediaType, entry in
            OpenAPIMediaType(mediaType: mediaType, schema: entry["schema"]?.schema, specLocation: entry.location)
        }
    }

    private func requestBody(_ body: DocumentNode) -> OpenAPIRequestBody {
        OpenAPIRequestBody(
            required: body.value["required"]?.boolValue == true, content: content(body["content"]), specLocation: body.location
        )
    }

    private func response(_ status: String, _ response: DocumentNode) -> OpenAPIResponse {
        let headers = (response["headers"]?.objectMembers ?? []).map { name, written in
            let header = written.dereferenced(in: documents)
            let schema = header["schema"] ?? header["content"]?.objectMembers.first?.1["schema"]
            return OpenAPIHeader(
                name: name, required: header.value["required"]?.boolValue == true, schema: schema?.schema, specLocation: written.location
            )
        }
        return OpenAPIResponse(status: status, headers: headers, content: content(response["content"]), specLocation: response.location)
    }
}
