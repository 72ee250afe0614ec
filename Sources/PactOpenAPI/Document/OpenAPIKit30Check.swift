import Foundation
import OpenAPIKit30
import PactModel

/// OpenAPIKit30 reads an OpenAPI 3.0 document and says precisely where one is malformed.
enum OpenAPIKit30Check {
    static func check(_ root: JSONValue, file: String) throws(OpenAPIDocumentError) {
        do {
            _ = try OpenAPIKitDecoding.decoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: Data(JSONWriter.compact(root).utf8))
        } catch {
            throw OpenAPIDocumentError(file: file, reason: "not a valid OpenAPI 3.0 document: \(OpenAPIKit30.OpenAPI.Error(from: error).localizedDescription)")
        }
    }
}
