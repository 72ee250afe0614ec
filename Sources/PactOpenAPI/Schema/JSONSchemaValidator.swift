import PactModel

/// Validates JSON values against JSON Schema as OpenAPI uses it: the draft 2019-09 keywords (`type`, `format`,
/// `enum`, `const`, numeric and length bounds, `pattern`, `items`, `properties`, `additionalProperties`, `required`,
/// `allOf`, `anyOf`, `oneOf`, `not`), OpenAPI's `discriminator` and 3.0's `nullable`, and 3.1's type arrays with
/// `"null"`. Keywords it does not know are ignored, as Ajv does with `strictSchema: false`.
///
/// It never traps on any input: a schema of the wrong shape is skipped, an unresolvable `$ref` is an error, and a
/// `$ref` that comes back to itself without descending into the value stops there.
public struct JSONSchemaValidator: Sendable {
    /// The documents `$ref`s resolve in.
    public let documents: SchemaDocuments

    /// A validator resolving `$ref`s in `documents`.
    public init(documents: SchemaDocuments) { self.documents = documents }

    /// A validator for a self-contained schema: `$ref`s resolve inside `root` (named "").
    public init(root: JSONValue) { self.documents = SchemaDocuments(single: root) }

    /// Every way `value` fails `schema` (empty when it satisfies it).
    ///
    /// - Parameters:
    ///   - schema: the schema value, as it appears in `document`.
    ///   - document: the name of the document `schema` lives in, against which its `$ref`s resolve.
    ///   - rootLocation: how the value's root is written in error locations.
    public func validate(
        _ value: JSONValue, against schema: JSONValue, in document: String = "", options: SchemaValidationOptions,
        rootLocation: String = "[root]"
    ) -> [SchemaValidationError] {
        var run = SchemaRun(documents: documents, options: options)
        return run.check(value, schema, document: document, at: rootLocation, context: SchemaRun.Context())
    }
}

/// One validation's state: the `$ref`s being followed, to stop cycles.
struct SchemaRun {
    struct Context {
        /// Inside a `oneOf` branch, where a response's `required` still counts.
        var underOneOf = false
        var depth = 0
    }

    static let maximumDepth = 512
    let documents: SchemaDocuments
    let options: SchemaValidationOptions
    /// `document#pointer@location` of the `$ref`s being followed.
    var activeReferences: Set<String> = []

    init(documents: SchemaDocuments, options: SchemaValidationOptions) {
        self.documents = documents
        self.options = options
    }

    mutating func check(
        _ value: JSONValue, _ schemaValue: JSONValue, document: String, at location: String, context: Context
    ) -> [SchemaValidationError] {
        guard context.depth < Self.maximumDepth else {
            return [SchemaValidationError(location: location, message: "schema nesting is too deep", keyword: "$ref", value: value)]
        }
        var context = context
        context.depth += 1
        switch schemaValue {
        case .bool(true): return []
        case .bool(false): return [SchemaValidationError(location: location, message: "boolean schema is false", keyword: "false schema", value: value)]
        case .object: break
        default: return []
        }
        guard var schema = schemaValue.objectValue?.dictionary else { return [] }
        var errors: [SchemaValidationError] = []
        var keywords = SchemaKeywordSet(schema)

        if keywords.contains(.reference), let reference = schema["$ref"]?.stringValue {
            errors += follow(reference, value, document: document, at: location, context: context)
            schema["$ref"] = nil
            if schema.isEmpty { return errors }
        }
        var document = document
        if options.mode == .response, keywords.contains(.allOf), schema["allOf"]?.arrayValue != nil {
            (schema, document) = SchemaAllOf.flattened(schema, document: document, documents: documents)
            keywords = SchemaKeywordSet(schema)
        }
        if value.isNull, keywords.contains(.nullable), schema["nullable"]?.boolValue == true { return errors }

        var value = value
        if keywords.contains(.type), let types = Self.types(schema["type"]) {
            if options.coerceStrings, case .string(let text) = value, let coerced = Self.coerce(text, to: types) {
                value = coerced
            }
            if !types.contains(where: { Self.value(value, hasType: $0) }) {
                let message = "must be " + types.joined(separator: ",")
                return errors + [SchemaValidationError(location: location, message: message, keyword: "type", value: value)]
            }
        }
        if keywords.contains(.values) {
            if let allowed = schema["enum"]?.arrayValue, !allowed.contains(where: { SchemaEquality.equal($0, value) }) {
                errors.append(SchemaValidationError(location: location, message: "must be equal to one of the allowed values", keyword: "enum", value: value))
            }
            if let constant = schema["const"], !SchemaEquality.equal(constant, value) {
                errors.append(SchemaValidationError(location: location, message: "must be equal to constant", keyword: "const", value: value))
            }
        }
        switch value {
        case .number(let number) where !keywords.isDisjoint(with: [.numberBounds, .format]):
            errors += SchemaKeywords.number(number, schema, at: location).map { $0.with(value) }
        case .string(let text) where !keywords.isDisjoint(with: [.stringBounds, .format]):
            errors += SchemaKeywords.string(text, schema, at: location).map { $0.with(value) }
        case .array(let elements) where keywords.contains(.arrays):
            errors += array(elements, schema, document: document, at: location, context: context)
        case .object(let members): errors += object(members.dictionary, schema, document: document, at: location, context: context)
        default: break
        }
        if !keywords.isDisjoint(with: [.allOf, .otherCombinators]) {
            errors += combinators(value, schema, document: document, at: location, context: context)
        }
        return errors
    }

    private mutating func follow(
        _ reference: String, _ value: JSONValue, document: String, at location: String, context: Context
    ) -> [SchemaValidationError] {
        guard let resolved = documents.resolved(reference, from: document) else {
            return [SchemaValidationError(location: location, message: "can't resolve reference \(reference)", keyword: "$ref", value: value)]
        }
        let key = resolved.target + "@" + location
        // Back at the same schema for the same value: whatever it says is being checked further up already.
        guard activeReferences.insert(key).inserted else { return [] }
        defer { activeReferences.remove(key) }
        return check(value, resolved.value, document: resolved.document, at: location, context: context)
    }

    // MARK: Arrays and objects

    private mutating func array(
        _ elements: [JSONValue], _ schema: [String: JSONValue], document: String, at location: String, context: Context
    ) -> [SchemaValidationError] {
        var errors = SchemaKeywords.arrayBounds(elements, schema, at: location).map { $0.with(.array(elements)) }
        if let tuple = schema["items"]?.arrayValue {
            for (index, element) in elements.enumerated() {
                let itemLocation = SchemaLocation.index(location, index)
                if index < tuple.count {
                    errors += check(element, tuple[index], document: document, at: itemLocation, context: context)
                } else if let additional = schema["additionalItems"] {
                    errors += check(element, additional, document: document, at: itemLocation, context: context)
                }
            }
        } else if let items = schema["items"] {
            for (index, element) in elements.enumerated() {
                errors += check(element, items, document: document, at: SchemaLocation.index(location, index), context: context)
            }
        }
        if let contains = schema["contains"] {
            var probe = self
            let matched = elements.enumerated().contains { index, element in
                probe.check(element, contains, document: document, at: SchemaLocation.index(location, index), context: context).isEmpty
            }
            if !matched {
                errors.append(SchemaValidationError(location: location, message: "must contain at least 1 valid item(s)", keyword: "contains", value: .array(elements)))
            }
        }
        return errors
    }

    private mutating func object(
        _ members: [String: JSONValue], _ schema: [String: JSONValue], document: String, at location: String, context: Context
    ) -> [SchemaValidationError] {
        var errors: [SchemaValidationError] = []
        if options.mode == .request || context.underOneOf, let required = schema["required"]?.arrayValue {
            for case .string(let name) in required where members[name] == nil {
                errors.append(SchemaValidationError(location: location, message: "must have required property '\(name)'", keyword: "required", value: .object(members)))
            }
        }
        if let minimum = schema["minProperties"]?.intValue, members.count < minimum {
            errors.append(SchemaValidationError(location: location, message: "must NOT have fewer than \(minimum) properties", keyword: "minProperties", value: .object(members)))
        }
        if let maximum = schema["maxProperties"]?.intValue, members.count > maximum {
            errors.append(SchemaValidationError(location: location, message: "must NOT have more than \(maximum) properties", keyword: "maxProperties", value: .object(members)))
        }
        let properties = schema["properties"]?.objectValue ?? [:]
        let patterns = (schema["patternProperties"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
        let additional = additionalProperties(schema)
        for name in members.keys.sorted() {
            let member = members[name]!
            let memberLocation = SchemaLocation.member(location, name)
            var known = false
            if let propertySchema = properties[name] {
                known = true
                errors += check(member, propertySchema, document: document, at: memberLocation, context: context)
            }
            for (pattern, patternSchema) in patterns where SchemaKeywords.search(pattern, in: name) {
                known = true
                errors += check(member, patternSchema, document: document, at: memberLocation, context: context)
            }
            guard !known, let additional else { continue }
            if additional == .bool(false) {
                errors.append(SchemaValidationError(location: memberLocation, message: "must NOT have additional properties", keyword: "additionalProperties", value: member))
            } else {
                errors += check(member, additional, document: document, at: memberLocation, context: context)
            }
        }
        return errors
    }

    /// `additionalProperties` as it applies: in a response, absent or `true` on a plain `type: object` means false.
    private func additionalProperties(_ schema: [String: JSONValue]) -> JSONValue? {
        let declared = schema["additionalProperties"]
        guard options.mode == .response, declared == nil || declared == .bool(true) else { return declared }
        let isObject = Self.types(schema["type"])?.contains("object") ?? false
        let combined = schema["allOf"] != nil || schema["anyOf"] != nil || schema["oneOf"] != nil
        return isObject && !combined ? .bool(false) : declared
    }

    // MARK: Combinators

    private mutating func combinators(
        _ value: JSONValue, _ schema: [String: JSONValue], document: String, at location: String, context: Context
    ) -> [SchemaValidationError] {
        var errors: [SchemaValidationError] = []
        for branch in schema["allOf"]?.arrayValue ?? [] {
            errors += check(value, branch, document: document, at: location, context: context)
        }
        if let branches = schema["anyOf"]?.arrayValue, !branches.isEmpty,
            !branches.contains(where: { check(value, $0, document: document, at: location, context: context).isEmpty })
        {
            errors.append(SchemaValidationError(location: location, message: "must match a schema in anyOf", keyword: "anyOf", value: value))
        }
        if let branches = schema["oneOf"]?.arrayValue, !branches.isEmpty {
            var branchContext = context
            branchContext.underOneOf = true
            if let propertyName = schema["discriminator"]?["propertyName"]?.stringValue {
                errors += discriminated(
                    value, branches, propertyName: propertyName, mapping: schema["discriminator"]?["mapping"]?.objectValue?.dictionary ?? [:],
                    document: document, at: location, context: branchContext
                )
            } else {
                let passing = branches.filter { check(value, $0, document: document, at: location, context: branchContext).isEmpty }.count
                if passing != 1 {
                    errors.append(SchemaValidationError(location: location, message: "must match exactly one schema in oneOf", keyword: "oneOf", value: value))
                }
            }
        }
        if let negated = schema["not"], check(value, negated, document: document, at: location, context: context).isEmpty {
            errors.append(SchemaValidationError(location: location, message: "must NOT be valid", keyword: "not", value: value))
        }
        return errors
    }

    /// `oneOf` with a `discriminator`: the tag property picks the one branch the value must satisfy, by the mapping,
    /// by a branch `$ref`'s last name, or by a branch whose tag property is a `const` or `enum` holding the value.
    private mutating func discriminated(
        _ value: JSONValue, _ branches: [JSONValue], propertyName: String, mapping: [String: JSONValue],
        document: String, at location: String, context: Context
    ) -> [SchemaValidationError] {
        guard let members = value.objectValue else { return [] }  // `type` says what a non-object should be
        guard let tagValue = members[propertyName] else {
            return [SchemaValidationError(location: location, message: "must have required property '\(propertyName)'", keyword: "discriminator", value: value)]
        }
        guard case .string(let tag) = tagValue else {
            return [SchemaValidationError(location: SchemaLocation.member(location, propertyName), message: "tag \"\(propertyName)\" must be string", keyword: "discriminator", value: tagValue)]
        }
        if let mapped = mapping[tag]?.stringValue {
            // A mapping value is a `$ref` or a schema name under components/schemas (definitions in Swagger 2.0).
            let reference = mapped.contains("#") || mapped.contains("/") || mapped.contains(".") ? mapped : "#/components/schemas/" + mapped
            return check(value, .object(["$ref": .string(reference)]), document: document, at: location, context: context)
        }
        for branch in branches where SchemaDiscriminator.branch(branch, document: document, documents: documents, tag: tag, propertyName: propertyName) {
            return check(value, branch, document: document, at: location, context: context)
        }
        return [SchemaValidationError(location: SchemaLocation.member(location, propertyName), message: "value of tag \"\(propertyName)\" must be in oneOf", keyword: "discriminator", value: .string(tag))]
    }

    // MARK: Types

    static func types(_ declared: JSONValue?) -> [String]? {
        switch declared {
        case .string(let single): [single]
        case .array(let several): several.compactMap(\.stringValue)
        default: nil
        }
    }

    static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let number)): SchemaKeywords.isInteger(number)
        default: false
        }
    }

    static func coerce(_ text: String, to types: [String]) -> JSONValue? {
        if types.contains("string") { return nil }
        if types.contains("integer") || types.contains("number"), let number = JSONNumber(literal: text) {
            if types.contains("number") || SchemaKeywords.isInteger(number) { return .number(number) }
        }
        if types.contains("boolean"), text == "true" || text == "false" { return .bool(text == "true") }
        if types.contains("null"), text.isEmpty { return .null }
        return nil
    }
}

extension SchemaValidationError {
    func with(_ value: JSONValue) -> SchemaValidationError {
        var copy = self
        copy.value = value
        return copy
    }
}
