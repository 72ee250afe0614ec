import Foundation

extension Generators {
    /// The body with each body generator (keyed by path expression, e.g. `$.id`, `$.items[*].id`) replacing the
    /// values it names: every element for `[*]` and `.*`. Paths naming nothing are skipped; generators that do not
    /// apply in the context's mode are skipped.
    public func applyToBody<R: RandomNumberGenerator>(
        _ body: JSONValue, context: GeneratorContext, using rng: inout R
    ) throws(GeneratorError) -> JSONValue {
        var result = body
        for (key, generator) in self[.body].sorted(by: { $0.key < $1.key }) where generator.applies(in: context.mode) {
            let path: PathExpression
            do {
                path = try PathExpression(parsing: key)
            } catch {
                throw GeneratorError(generatorType: generator.typeName, reason: error.description)
            }
            let tokens = path.tokens.first == .root ? Array(path.tokens.dropFirst()) : path.tokens
            result = try Self.replace(in: result, tokens: tokens[...], generator: generator, context: context, using: &rng)
        }
        return result
    }

    private static func replace<R: RandomNumberGenerator>(
        in node: JSONValue, tokens: ArraySlice<PathExpression.Token>, generator: Generator, context: GeneratorContext,
        using rng: inout R
    ) throws(GeneratorError) -> JSONValue {
        guard let token = tokens.first else { return try generator.generate(current: node, context: context, using: &rng) }
        let rest = tokens.dropFirst()
        switch (token, node) {
        case (.root, _):
            return try replace(in: node, tokens: rest, generator: generator, context: context, using: &rng)
        case (.field(let name), .object(var members)):
            guard let child = members[name] else { return node }
            members[name] = try replace(in: child, tokens: rest, generator: generator, context: context, using: &rng)
            return .object(members)
        case (.anyField, .object(var members)):
            for name in members.keys.sorted() {
                if let child = members[name] {
                    members[name] = try replace(in: child, tokens: rest, generator: generator, context: context, using: &rng)
                }
            }
            return .object(members)
        case (.index(let index), .array(var items)):
            guard items.indices.contains(index) else { return node }
            items[index] = try replace(in: items[index], tokens: rest, generator: generator, context: context, using: &rng)
            return .array(items)
        // `.*` also stands for any index, as in rule paths.
        case (.anyIndex, .array(var items)), (.anyField, .array(var items)):
            for index in items.indices {
                items[index] = try replace(in: items[index], tokens: rest, generator: generator, context: context, using: &rng)
            }
            return .array(items)
        default:
            return node
        }
    }

    /// Headers with each header generator (keyed by header name, matched case-insensitively) replacing every value of
    /// the header; a header the example lacks is added with one generated value under the generator's name, as
    /// pact-reference's `generate_request`/`generate_response` do.
    public func applyToHeaders<R: RandomNumberGenerator>(
        _ headers: [String: [String]], context: GeneratorContext, using rng: inout R
    ) throws(GeneratorError) -> [String: [String]] {
        var result = headers
        for (name, generator) in self[.header].sorted(by: { $0.key < $1.key }) where generator.applies(in: context.mode) {
            let header = Self.fieldName(name)
            let keys = result.keys.sorted().filter { $0.lowercased() == header.lowercased() }
            guard !keys.isEmpty else {
                result[header] = [try Self.text(generator.generate(current: .string(""), context: context, using: &rng))]
                continue
            }
            for key in keys {
                guard let values = result[key] else { continue }
                var generated: [String] = []
                for value in values {
                    generated.append(try Self.text(generator.generate(current: .string(value), context: context, using: &rng)))
                }
                result[key] = generated
            }
        }
        return result
    }

    /// Query parameters with each query generator (keyed by parameter name) replacing every value of the parameter;
    /// a parameter the example lacks is added with one generated value (and a query created when there was none).
    public func applyToQuery<R: RandomNumberGenerator>(
        _ query: [QueryParameter]?, context: GeneratorContext, using rng: inout R
    ) throws(GeneratorError) -> [QueryParameter]? {
        var result = query
        for (key, generator) in self[.query].sorted(by: { $0.key < $1.key }) where generator.applies(in: context.mode) {
            let name = Self.fieldName(key)
            var parameters = result ?? []
            let indices = parameters.indices.filter { parameters[$0].name == name }
            guard !indices.isEmpty else {
                let value = try Self.text(generator.generate(current: .string(""), context: context, using: &rng))
                parameters.append(QueryParameter(name: name, values: [value]))
                result = parameters
                continue
            }
            for index in indices {
                var generated: [String?] = []
                for value in parameters[index].values {
                    let current: JSONValue = value.map { .string($0) } ?? .null
                    generated.append(try Self.text(generator.generate(current: current, context: context, using: &rng)))
                }
                parameters[index].values = generated
            }
            result = parameters
        }
        return result
    }

    /// The header or parameter a generator key names: the key itself, or the field of a `$.name` / `$['name']`
    /// path, which some writers use for these categories.
    private static func fieldName(_ key: String) -> String {
        guard key.hasPrefix("$"), let expression = try? PathExpression(parsing: key), expression.tokens.count == 2,
            case .field(let field) = expression.tokens[1]
        else { return key }
        return field
    }

    /// The path replaced by the path generator, if any applies.
    public func applyToPath<R: RandomNumberGenerator>(
        _ path: String, context: GeneratorContext, using rng: inout R
    ) throws(GeneratorError) -> String {
        guard let generator = Self.single(self[.path], mode: context.mode) else { return path }
        return Self.text(try generator.generate(current: .string(path), context: context, using: &rng))
    }

    /// The status replaced by the status generator, if any applies; it must produce an integer.
    public func applyToStatus<R: RandomNumberGenerator>(
        _ status: Int, context: GeneratorContext, using rng: inout R
    ) throws(GeneratorError) -> Int {
        guard let generator = Self.single(self[.status], mode: context.mode) else { return status }
        let value = try generator.generate(current: .int(status), context: context, using: &rng)
        if let int = value.intValue { return int }
        if let text = value.stringValue, let int = Int(text) { return int }
        throw GeneratorError(generatorType: generator.typeName, reason: "status generator produced \(value), not an integer")
    }

    /// Path and status generators are stored under the empty key; other keys are accepted for lenient files.
    private static func single(_ generators: [String: Generator], mode: GeneratorMode) -> Generator? {
        let candidates = generators.sorted { $0.key < $1.key }.filter { $0.value.applies(in: mode) }
        return candidates.first { $0.key.isEmpty }?.value ?? candidates.first?.value
    }

    /// A generated value as header, query or path text.
    private static func text(_ value: JSONValue) -> String { value.textForMatching }
}
