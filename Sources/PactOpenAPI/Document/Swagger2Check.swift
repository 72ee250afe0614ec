import PactModel

/// The few shape checks a Swagger 2.0 document needs before it is read (OpenAPIKit does not read 2.0).
enum Swagger2Check {
    static func check(_ root: JSONValue, file: String) throws(OpenAPIDocumentError) {
        guard let paths = root["paths"] else { throw OpenAPIDocumentError(file: file, reason: "[root].paths is missing") }
        guard let items = paths.objectValue else { throw OpenAPIDocumentError(file: file, reason: "[root].paths is not an object") }
        for (path, item) in items.sorted(by: { $0.key < $1.key }) where !path.hasPrefix("x-") {
            guard path.hasPrefix("/") else { throw OpenAPIDocumentError(file: file, reason: "[root].paths.\(path) does not start with /") }
            guard let operations = item.objectValue else {
                throw OpenAPIDocumentError(file: file, reason: "[root].paths.\(path) is not an object")
            }
            for method in DocumentReading.methods {
                guard let operation = operations[method] else { continue }
                let location = "[root].paths.\(path).\(method)"
                guard operation.objectValue != nil else { throw OpenAPIDocumentError(file: file, reason: "\(location) is not an object") }
                guard operation["responses"]?.objectValue != nil else {
                    throw OpenAPIDocumentError(file: file, reason: "\(location).responses is missing or not an object")
                }
                if let parameters = operation["parameters"], parameters.arrayValue == nil {
                    throw OpenAPIDocumentError(file: file, reason: "\(location).parameters is not a list")
                }
            }
        }
    }
}
