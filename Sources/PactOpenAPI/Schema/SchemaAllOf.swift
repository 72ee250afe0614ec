import PactModel

/// A response schema's `allOf` merged into one schema, so that the branches' properties count together when
/// `additionalProperties` is made false (OPENAPI-CHECK.md: OPC merges the branches, dereferencing `$ref`s first).
enum SchemaAllOf {
    /// How deep nested `allOf`s and `$ref` chains are followed before the rest is left unmerged.
    static let maximumDepth = 32

    /// `schema` with its `allOf` branches (and theirs) merged in: properties and other objects merged member by
    /// member, `required` united, `type` kept from the first that sets it, other keywords from the last.
    static func flattened(
        _ schema: [String: JSONValue], document: String, documents: SchemaDocuments
    ) -> ([String: JSONValue], String) {
        var budget = maximumMerges
        var chain: Set<String> = []
        return (flatten(schema, document: document, documents: documents, depth: 0, chain: &chain, budget: &budget), document)
    }

    /// At most this many branches are merged for one schema (a document could otherwise make the work exponential).
    static let maximumMerges = 10_000

    private static func flatten(
        _ schema: [String: JSONValue], document: String, documents: SchemaDocuments, depth: Int,
        chain: inout Set<String>, budget: inout Int
    ) -> [String: JSONValue] {
        guard depth < maximumDepth, let branches = schema["allOf"]?.arrayValue else { return schema }
        var merged = schema
        merged["allOf"] = nil
        for branch in branches {
            budget -= 1
            let key = branch["$ref"]?.stringValue.map { reference in
                let (file, pointer) = SchemaDocuments.target(of: reference, from: document)
                return file + "#" + pointer
            }
            // A branch already being merged further up (a cycle), or past the budget: left out of the merge.
            if let key, chain.contains(key) { continue }
            guard budget > 0, let resolved = resolve(branch, document: document, documents: documents, depth: depth) else {
                // Unresolvable or not an object: kept as a branch so that validation reports it.
                merged["allOf"] = .array((merged["allOf"]?.arrayValue ?? []) + [branch])
                continue
            }
            if let key { chain.insert(key) }
            merge(flatten(resolved, document: document, documents: documents, depth: depth + 1, chain: &chain, budget: &budget), into: &merged)
            if let key { chain.remove(key) }
        }
        return merged
    }

    /// The branch as an object, its `$ref` chain followed; references inside a branch from another document are
    /// rewritten to name that document.
    private static func resolve(
        _ branch: JSONValue, document: String, documents: SchemaDocuments, depth: Int
    ) -> [String: JSONValue]? {
        var current = branch
        var currentDocument = document
        var hops = 0
        while let reference = current["$ref"]?.stringValue {
            hops += 1
            guard hops + depth < maximumDepth, let (target, targetDocument) = documents.resolve(reference, from: currentDocument) else {
                return nil
            }
            var siblings = current.objectValue?.dictionary ?? [:]
            siblings["$ref"] = nil
            guard var object = target.objectValue?.dictionary else { return nil }
            for (key, value) in siblings { object[key] = value }
            current = .object(object)
            currentDocument = targetDocument
        }
        guard let object = current.objectValue?.dictionary else { return nil }
        if currentDocument == document { return object }
        return rewritten(.object(object), from: currentDocument).objectValue?.dictionary
    }

    private static func rewritten(_ value: JSONValue, from document: String) -> JSONValue {
        switch value {
        case .object(var members):
            for (key, member) in members {
                if key == "$ref", let reference = member.stringValue {
                    let (file, pointer) = SchemaDocuments.target(of: reference, from: document)
                    members[key] = .string(file + "#" + pointer)
                } else {
                    members[key] = rewritten(member, from: document)
                }
            }
            return .object(members)
        case .array(let elements):
            return .array(elements.map { rewritten($0, from: document) })
        default:
            return value
        }
    }

    private static func merge(_ branch: [String: JSONValue], into merged: inout [String: JSONValue]) {
        for (key, value) in branch {
            switch (key, merged[key], value) {
            case ("required", .array(let existing), .array(let added)):
                merged[key] = .array(existing + added.filter { !existing.contains($0) })
            case ("type", .some, _):
                continue
            case ("allOf", .array(let existing), .array(let added)):
                merged[key] = .array(existing + added)
            case (_, .object(let existing), .object(let added)):
                var combined = existing.dictionary
                merge(added.dictionary, into: &combined)
                merged[key] = .object(combined)
            default:
                merged[key] = value
            }
        }
    }
}
