import Foundation
import OpenAPIKit
import PactModel

/// OpenAPIKit reads an OpenAPI 3.1 document and says precisely where one is malformed.
enum OpenAPIKit31Check {
    static func check(_ root: JSONValue, file: String) throws(OpenAPIDocumentError) {
        do {
            _ = try OpenAPIKitDecoding.decoder().decode(OpenAPIKit.OpenAPI.Document.self, from: Data(JSONWriter.compact(root).utf8))
        } catch {
            throw OpenAPIDocumentError(file: file, reason: "not a valid OpenAPI 3.1 document: \(OpenAPIKit.OpenAPI.Error(from: error).localizedDescription)")
        }
    }
}
