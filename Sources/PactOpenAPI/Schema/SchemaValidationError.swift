import PactModel

/// One way a JSON value fails a schema: where in the value, and why, in Ajv's wording (`must be string`).
public struct SchemaValidationError: Sendable, Hashable, CustomStringConvertible {
    /// The failing value's location, `[root].pets[0].name` style (the root name is the caller's).
    public var location: String
    /// Why, as Ajv words it: `must have required property 'id'`, `must NOT have additional properties`, ….
    public var message: String
    /// The JSON Schema keyword that failed (`type`, `required`, `additionalProperties`, `$ref`, …).
    public var keyword: String
    /// The value at `location` (the object itself for `required`, the extra member for `additionalProperties`).
    public var value: JSONValue

    /// An error at `location` for `keyword` about `value`.
    public init(location: String, message: String, keyword: String, value: JSONValue = .null) {
        self.location = location
        self.message = message
        self.keyword = keyword
        self.value = value
    }

    /// `location: message`.
    public var description: String { "\(location): \(message)" }
}
