extension Generators {
    /// Reads the `generators` object of a request, response or message. `path`, `status` and `method` hold one
    /// generator (key ""), `body`/`content`/`contents` are keyed by path expression, `query`, `header(s)` and
    /// `metadata` by name. Unknown categories are ignored.
    public static func decode(_ json: JSONValue, at jsonPath: String) throws(PactError) -> Generators {
        typealias S = RuleCodingSupport
        var result = Generators()
        for (key, value) in S.sortedMembers(try S.object(json, at: jsonPath)) {
            let keyPath = S.child(jsonPath, key)
            guard let category = generatorCategory(named: key) else { continue }
            switch category {
            case .path, .status, .method:
                result[category][""] = try Generator.decode(value, at: keyPath)
            case .body, .query, .header, .metadata:
                for (name, generator) in S.sortedMembers(try S.object(value, at: keyPath)) {
                    let namePath = S.child(keyPath, name)
                    if category == .body { try S.checkPathExpression(name, at: namePath) }
                    result[category][name] = try Generator.decode(generator, at: namePath)
                }
            }
        }
        return result
    }

    /// The V3/V4 `generators` object, or nil when there are none. `bodyCategory` is "body", or "content" for V4
    /// message contents.
    public func encode(bodyCategory: String = "body") -> JSONValue? {
        isEmpty ? Optional.none : JSONTreeBuilder.build { write(bodyCategory: bodyCategory, to: &$0) }
    }

    /// Writes the V3/V4 `generators` object (`{}` when there are none): categories and their keys sorted.
    func write<Sink: JSONSink>(bodyCategory: String, to out: inout Sink) {
        var written: [(name: String, generators: [String: Generator], category: GeneratorCategoryName)] = []
        for (category, generators) in categories where !generators.isEmpty {
            written.append((category == .body ? bodyCategory : category.rawValue, generators, category))
        }
        if written.count > 1 { written.sort { $0.name < $1.name } }
        out.beginObject()
        for (name, generators, category) in written {
            out.key(name)
            switch category {
            case .path, .status, .method:
                // Not empty, so there is one to write.
                (generators[""] ?? generators.values.first)?.write(to: &out)
            case .body, .query, .header, .metadata:
                out.object(generators) { generator, out in generator.write(to: &out) }
            }
        }
        out.endObject()
    }

    /// The category a generator category name stands for, with pact-reference's aliases.
    static func generatorCategory(named name: String) -> GeneratorCategoryName? {
        switch name {
        case "body", "content", "contents": .body
        case "header", "headers": .header
        default: GeneratorCategoryName(rawValue: name)
        }
    }
}
