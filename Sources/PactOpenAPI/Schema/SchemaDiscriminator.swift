import PactModel

/// Whether a `oneOf` branch is the one a discriminator's tag names.
enum SchemaDiscriminator {
    /// True when the branch is a `$ref` whose last name is `tag`, or its `propertyName` property is a `const` or an
    /// `enum` holding `tag` (looked up through one `$ref` and the branch's `allOf`s).
    static func branch(_ branch: JSONValue, document: String, documents: SchemaDocuments, tag: String, propertyName: String) -> Bool {
        if let reference = branch["$ref"]?.stringValue {
            let name = reference.split(separator: "/").last.map(String.init) ?? reference
            if name == tag { return true }
            guard let (target, _) = documents.resolve(reference, from: document) else { return false }
            return declares(target, tag: tag, propertyName: propertyName, depth: 0)
        }
        return declares(branch, tag: tag, propertyName: propertyName, depth: 0)
    }

    private static func declares(_ schema: JSONValue, tag: String, propertyName: String, depth: Int) -> Bool {
        guard depth < 8 else { return false }
        if let property = schema["properties"]?[propertyName] {
            if property["const"]?.stringValue == tag { return true }
            if property["enum"]?.arrayValue?.contains(.string(tag)) == true { return true }
        }
        return (schema["allOf"]?.arrayValue ?? []).contains { declares($0, tag: tag, propertyName: propertyName, depth: depth + 1) }
    }
}
