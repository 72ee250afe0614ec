import Foundation
import PactModel

/// The documents a schema's `$ref`s may point into, by name: the main document and the relative files it refers to.
///
/// A `$ref` is `#/json/pointer` (same document), `other.yaml` or `other.yaml#/json/pointer` (another document, its
/// name resolved against the referring document's name as a relative path).
public struct SchemaDocuments: Sendable {
    /// Each document's root value, by name (a file path for files, any name for documents built in memory).
    public var documents: [String: JSONValue]

    /// Documents by name.
    public init(_ documents: [String: JSONValue]) { self.documents = documents }

    /// One document named `name` (the default name is empty).
    public init(single root: JSONValue, name: String = "") { self.documents = [name: root] }

    /// The document name and JSON pointer `reference` denotes when it appears in document `base`.
    public static func target(of reference: String, from base: String) -> (document: String, pointer: String) {
        let hash = reference.firstIndex(of: "#")
        let file = hash.map { String(reference[..<$0]) } ?? reference
        let pointer = hash.map { String(reference[reference.index(after: $0)...]) } ?? ""
        guard !file.isEmpty else { return (base, pointer) }
        return (resolvedPath(file, relativeTo: base), pointer)
    }

    /// `file` resolved against the folder of `base` (absolute paths and URLs stay as they are), with `.`/`..` removed.
    public static func resolvedPath(_ file: String, relativeTo base: String) -> String {
        if file.contains("://") { return file }
        if file.hasPrefix("/") { return standardised(file) }
        let folder = base.contains("/") ? String(base[...base.lastIndex(of: "/")!]) : ""
        return standardised(folder + file)
    }

    private static func standardised(_ path: String) -> String {
        var parts: [Substring] = []
        let absolute = path.hasPrefix("/")
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// The value `reference` points to from document `base`, with the document it lives in; nil when the document is
    /// not loaded or the pointer leads nowhere.
    public func resolve(_ reference: String, from base: String) -> (value: JSONValue, document: String)? {
        let (document, pointer) = Self.target(of: reference, from: base)
        guard let root = documents[document] else { return nil }
        guard let value = Self.value(at: pointer, in: root) else { return nil }
        return (value, document)
    }

    /// The value at JSON pointer `pointer` (RFC 6901, percent-decoded as in a URI fragment) in `root`.
    public static func value(at pointer: String, in root: JSONValue) -> JSONValue? {
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = (String(raw).removingPercentEncoding ?? String(raw))
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
