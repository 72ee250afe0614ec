import Foundation
import PactModel

/// The documents a schema's `$ref`s may point into, by name: the main document and the relative files it refers to.
///
/// A `$ref` is `#/json/pointer` (same document), `other.yaml` or `other.yaml#/json/pointer` (another document, its
/// name resolved against the referring document's name as a relative path).
public struct SchemaDocuments: Sendable {
    /// Each document's root value, by name (a file path for files, any name for documents built in memory).
    public var documents: [String: JSONValue] {
        didSet { references = Self.index(documents) }
    }

    /// Every `$ref` written in the documents, resolved once: by referring document, then reference.
    private var references: [String: [String: Resolved?]]

    /// Documents by name.
    public init(_ documents: [String: JSONValue]) {
        self.documents = documents
        references = Self.index(documents)
    }

    /// One document named `name` (the default name is empty).
    public init(single root: JSONValue, name: String = "") { self.init([name: root]) }

    /// A resolved `$ref`: the value, the document it is in, and `document#pointer` naming it.
    struct Resolved: Sendable {
        let value: JSONValue
        let document: String
        let target: String
    }

    private static func index(_ documents: [String: JSONValue]) -> [String: [String: Resolved?]] {
        var index: [String: [String: Resolved?]] = [:]
        for (name, root) in documents {
            var resolved: [String: Resolved?] = [:]
            var stack = [root]
            while let current = stack.popLast() {
                switch current {
                case .object(let members):
                    for (key, member) in members {
                        if key == "$ref", case .string(let reference) = member {
                            if resolved[reference] == nil { resolved[reference] = .some(resolve(reference, from: name, in: documents)) }
                        } else {
                            stack.append(member)
                        }
                    }
                case .array(let elements):
                    stack.append(contentsOf: elements)
                default:
                    break
                }
            }
            index[name] = resolved
        }
        return index
    }

    private static func resolve(_ reference: String, from base: String, in documents: [String: JSONValue]) -> Resolved? {
        let (document, pointer) = target(of: reference, from: base)
        guard let root = documents[document], let value = value(at: pointer, in: root) else { return nil }
        return Resolved(value: value, document: document, target: document + "#" + pointer)
    }

    /// `reference` from document `base` resolved, from the index when it is written in the documents.
    func resolved(_ reference: String, from base: String) -> Resolved? {
        if let known = references[base]?[reference] { return known }
        return Self.resolve(reference, from: base, in: documents)
    }

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
        resolved(reference, from: base).map { ($0.value, $0.document) }
    }

    /// The value at JSON pointer `pointer` (RFC 6901, percent-decoded as in a URI fragment) in `root`.
    public static func value(at pointer: String, in root: JSONValue) -> JSONValue? {
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = Self.token(raw)
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

    /// A pointer token unescaped: percent-decoded, then `~1` → `/` and `~0` → `~` (most tokens need neither).
    private static func token(_ raw: Substring) -> String {
        var token = String(raw)
        if raw.utf8.contains(UInt8(ascii: "%")) { token = token.removingPercentEncoding ?? token }
        if token.utf8.contains(UInt8(ascii: "~")) {
            token = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        return token
    }
}
