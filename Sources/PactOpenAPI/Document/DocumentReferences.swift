import Foundation
import PactModel

/// The relative files a document refers to, loaded, and every `$ref` checked to lead somewhere.
enum DocumentReferences {
    /// At most this many files are read for one document.
    static let maximumFiles = 200
    /// A file larger than this is refused.
    static let maximumFileBytes = 64 << 20

    /// `main` and every file reachable through its `$ref`s, by name; with `readsRelativeFiles` false, only `main`
    /// (a `$ref` to another file is an error).
    static func load(
        main: JSONValue, name: String, readsRelativeFiles: Bool = true
    ) throws(OpenAPIDocumentError) -> [String: JSONValue] {
        var documents = [name: main]
        var pending = [name]
        while let current = pending.popLast() {
            for (reference, location) in references(in: documents[current]!) {
                let (file, _) = SchemaDocuments.target(of: reference, from: current)
                guard documents[file] == nil else { continue }
                guard !file.contains("://") else {
                    throw OpenAPIDocumentError(file: current, reason: "$ref '\(reference)' at \(location) is remote; only relative files are read")
                }
                guard readsRelativeFiles else {
                    throw OpenAPIDocumentError(
                        file: current,
                        reason: "$ref '\(reference)' at \(location) refers to another file, which is not supported for a "
                            + "document fetched from a URL (download the files and give the document's path instead)")
                }
                guard documents.count < maximumFiles else {
                    throw OpenAPIDocumentError(file: current, reason: "more than \(maximumFiles) files are referenced")
                }
                documents[file] = try readReferenced(file, reference: reference, from: current, location: location)
                pending.append(file)
            }
        }
        return documents
    }

    /// Throws for the first `$ref` (by document and location) that leads nowhere.
    static func check(_ documents: SchemaDocuments) throws(OpenAPIDocumentError) {
        for name in documents.documents.keys.sorted() {
            for (reference, location) in references(in: documents.documents[name]!)
            where documents.resolve(reference, from: name) == nil {
                throw OpenAPIDocumentError(file: name, reason: "$ref '\(reference)' at \(location) does not resolve")
            }
        }
    }

    /// Text of a file, size-capped.
    static func readText(_ path: String) throws(OpenAPIDocumentError) -> String {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumFileBytes {
                throw OpenAPIDocumentError(file: path, reason: "the file is larger than \(maximumFileBytes >> 20) MiB")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as OpenAPIDocumentError {
            throw error
        } catch {
            throw OpenAPIDocumentError(file: path, reason: "cannot be read: \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OpenAPIDocumentError(file: path, reason: "is not UTF-8 text")
        }
        return text
    }

    private static func readReferenced(
        _ file: String, reference: String, from current: String, location: String
    ) throws(OpenAPIDocumentError) -> JSONValue {
        guard FileManager.default.fileExists(atPath: file) else {
            throw OpenAPIDocumentError(file: current, reason: "$ref '\(reference)' at \(location): no file \(file)")
        }
        return try DocumentText.parse(try readText(file), file: file)
    }

    /// Every `$ref` string in `value` with its location (`paths./pets.get.responses.200`), sorted by location.
    static func references(in value: JSONValue) -> [(reference: String, location: String)] {
        var found: [(String, String)] = []
        var stack: [(JSONValue, String)] = [(value, "[root]")]
        while let (current, location) = stack.popLast() {
            switch current {
            case .object(let members):
                for (key, member) in members {
                    if key == "$ref", case .string(let reference) = member {
                        found.append((reference, location))
                    } else {
                        stack.append((member, location + "." + key))
                    }
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() { stack.append((element, location + "[\(index)]")) }
            default:
                break
            }
        }
        return found.sorted { $0.1 < $1.1 }
    }
}
