import Foundation
import PactModel

/// Reads Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 documents, YAML or JSON, with their `$ref`s inside the document
/// and to relative files, into one `OpenAPIDocument`.
public enum OpenAPIDocumentReader {
    /// Reads the document at `path` and the files it refers to.
    public static func read(path: String) throws(OpenAPIDocumentError) -> OpenAPIDocument {
        let name = URL(fileURLWithPath: path).standardizedFileURL.path
        return try read(text: DocumentReferences.readText(name), name: name)
    }

    /// Reads a document from its text; `name` names it in errors, and relative `$ref`s to files resolve against it
    /// as a path. With `readsRelativeFiles` false (a document fetched from a URL), a `$ref` to another file is an
    /// error saying so, rather than a path looked up on this machine.
    public static func read(
        text: String, name: String, readsRelativeFiles: Bool = true
    ) throws(OpenAPIDocumentError) -> OpenAPIDocument {
        let root = try DocumentText.parse(text, file: name)
        guard root.objectValue != nil else {
            throw OpenAPIDocumentError(file: name, reason: "the document is a \(root.typeName), not an object")
        }
        let version = try version(of: root, file: name)
        let documents = SchemaDocuments(
            try DocumentReferences.load(main: root, name: name, readsRelativeFiles: readsRelativeFiles))
        try DocumentReferences.check(documents)
        let node = DocumentNode(value: root, document: name, location: "[root]")
        switch version {
        case .swagger2:
            try Swagger2Check.check(root, file: name)
            let reader = Swagger2Reader(documents: documents, root: node)
            return OpenAPIDocument(name: name, version: version, basePath: reader.basePath(), operations: reader.operations(), documents: documents)
        case .openAPI30, .openAPI31:
            if version == .openAPI30 { try OpenAPIKit30Check.check(root, file: name) } else { try OpenAPIKit31Check.check(root, file: name) }
            let reader = OpenAPI3Reader(documents: documents, root: node)
            return OpenAPIDocument(name: name, version: version, basePath: reader.basePath(), operations: reader.operations(), documents: documents)
        }
    }

    private static func version(of root: JSONValue, file: String) throws(OpenAPIDocumentError) -> OpenAPIVersion {
        if let swagger = root["swagger"] {
            guard swagger.stringValue == "2.0" || swagger.numberValue?.literal == "2.0" else {
                throw OpenAPIDocumentError(file: file, reason: "swagger: \(JSONWriter.compact(swagger)) is not supported (only \"2.0\")")
            }
            return .swagger2
        }
        guard let openapi = root["openapi"] else {
            throw OpenAPIDocumentError(file: file, reason: "neither `swagger: \"2.0\"` nor `openapi: 3.x` is declared")
        }
        let declared = openapi.stringValue ?? openapi.numberValue?.literal ?? JSONWriter.compact(openapi)
        if declared.hasPrefix("3.0") { return .openAPI30 }
        if declared.hasPrefix("3.1") { return .openAPI31 }
        throw OpenAPIDocumentError(file: file, reason: "openapi: \(declared) is not supported (2.0, 3.0 and 3.1 are)")
    }
}
