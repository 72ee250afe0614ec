import PactModel

/// The keyword groups a schema object uses, found in one pass over its keys (a schema has a few), so the validator
/// looks up only the keywords that are there rather than some twenty per value.
struct SchemaKeywordSet: OptionSet {
    let rawValue: UInt16

    static let reference = SchemaKeywordSet(rawValue: 1 << 0)
    static let allOf = SchemaKeywordSet(rawValue: 1 << 1)
    /// `anyOf`, `oneOf`, `not`.
    static let otherCombinators = SchemaKeywordSet(rawValue: 1 << 2)
    /// `enum`, `const`.
    static let values = SchemaKeywordSet(rawValue: 1 << 3)
    /// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`.
    static let numberBounds = SchemaKeywordSet(rawValue: 1 << 4)
    /// `minLength`, `maxLength`, `pattern`.
    static let stringBounds = SchemaKeywordSet(rawValue: 1 << 5)
    static let format = SchemaKeywordSet(rawValue: 1 << 6)
    /// `items`, `additionalItems`, `contains`, `minItems`, `maxItems`, `uniqueItems`.
    static let arrays = SchemaKeywordSet(rawValue: 1 << 7)
    static let nullable = SchemaKeywordSet(rawValue: 1 << 8)
    static let type = SchemaKeywordSet(rawValue: 1 << 9)

    init(rawValue: UInt16) { self.rawValue = rawValue }

    init(_ schema: [String: JSONValue]) {
        var found: SchemaKeywordSet = []
        for key in schema.keys {
            switch key {
            case "type": found.insert(.type)
            case "$ref": found.insert(.reference)
            case "allOf": found.insert(.allOf)
            case "anyOf", "oneOf", "not": found.insert(.otherCombinators)
            case "enum", "const": found.insert(.values)
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf": found.insert(.numberBounds)
            case "minLength", "maxLength", "pattern": found.insert(.stringBounds)
            case "format": found.insert(.format)
            case "items", "additionalItems", "contains", "minItems", "maxItems", "uniqueItems": found.insert(.arrays)
            case "nullable": found.insert(.nullable)
            default: break
            }
        }
        self = found
    }
}
