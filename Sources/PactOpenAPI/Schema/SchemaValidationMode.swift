/// How strictly a body is held to its schema (OPENAPI-CHECK.md, "How bodies are compared against JSON Schema").
public enum SchemaValidationMode: Sendable, Hashable {
    /// Plain JSON Schema: what a request must satisfy.
    case request
    /// A response in a pact must only use what the provider documents: every `type: object` schema without
    /// `allOf`/`anyOf`/`oneOf` whose `additionalProperties` is absent or `true` is treated as `false`, and `required`
    /// is ignored except under `oneOf` (where it tells the branches apart); `allOf` branches are merged into one schema
    /// first so that their properties count together.
    case response
}

/// Options of one validation.
public struct SchemaValidationOptions: Sendable, Hashable {
    /// Request or response rules.
    public var mode: SchemaValidationMode
    /// Accept strings that read as the wanted number, integer or Boolean (`"12"` for `type: integer`): parameters
    /// (path, query, headers) arrive as text, as Ajv's `coerceTypes` treats them.
    public var coerceStrings: Bool

    /// Options for `mode`, without string coercion unless asked.
    public init(mode: SchemaValidationMode, coerceStrings: Bool = false) {
        self.mode = mode
        self.coerceStrings = coerceStrings
    }
}
