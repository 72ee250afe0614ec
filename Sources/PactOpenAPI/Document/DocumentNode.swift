import PactModel

/// A value inside one of the documents, with the document it is in and its location for reports; `$ref`s of
/// parameters, responses, headers, request bodies and path items are followed through it.
struct DocumentNode {
    var value: JSONValue
    var document: String
    var location: String

    subscript(key: String) -> DocumentNode? {
        value[key].map { DocumentNode(value: $0, document: document, location: location + "." + key) }
    }

    var objectMembers: [(String, DocumentNode)] {
        (value.objectValue ?? [:]).keys.sorted().map { key in
            (key, DocumentNode(value: value[key]!, document: document, location: location + "." + key))
        }
    }

    var elements: [DocumentNode] {
        (value.arrayValue ?? []).enumerated().map { index, element in
            DocumentNode(value: element, document: document, location: location + "[\(index)]")
        }
    }

    /// The node with its `$ref` chain followed (at most 32 hops); the location stays where the reference was written.
    func dereferenced(in documents: SchemaDocuments) -> DocumentNode {
        var current = self
        for _ in 0..<32 {
            guard let reference = current.value["$ref"]?.stringValue,
                let (target, targetDocument) = documents.resolve(reference, from: current.document)
            else { break }
            current = DocumentNode(value: target, document: targetDocument, location: current.location)
        }
        return current
    }

    var schema: OpenAPISchema { OpenAPISchema(value: value, document: document, location: location) }
}

/// What both readers share.
enum DocumentReading {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Path-level parameters overridden by operation-level ones of the same name and place.
    static func merged(_ pathLevel: [OpenAPIParameter], _ operationLevel: [OpenAPIParameter]) -> [OpenAPIParameter] {
        let overridden = Set(operationLevel.map { "\($0.location.rawValue) \($0.name)" })
        return pathLevel.filter { !overridden.contains("\($0.location.rawValue) \($0.name)") } + operationLevel
    }

    /// A response key normalised: `2xx` → `2XX`.
    static func statusKey(_ key: String) -> String { key.lowercased() == "default" ? "default" : key.uppercased() }

    /// The security alternatives `requirements` (a list of `{scheme: scopes}` objects) name.
    static func security(_ requirements: JSONValue?, schemes: [String: OpenAPICredential?]) -> [OpenAPISecurityRequirement] {
        (requirements?.arrayValue ?? []).map { requirement in
            let names = (requirement.objectValue ?? [:]).keys.sorted()
            return OpenAPISecurityRequirement(credentials: names.compactMap { schemes[$0] ?? nil })
        }
    }
}
