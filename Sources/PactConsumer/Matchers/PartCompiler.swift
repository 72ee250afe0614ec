import PactMatching
import PactModel

/// Turns the declared parts of a request or response (path, query, headers, body, status) into model values with
/// their matching rules and generators, collecting usage errors.
struct PartCompiler {
    let version: PactSpecVersion
    let interaction: String
    /// The `withRequest`/`willRespondWith` call; where problems outside any matcher are reported.
    let declaredAt: PactSourceLocation
    private(set) var errors: [PactUsageError] = []
    var rules = MatchingRules()
    var generators = Generators()

    init(version: PactSpecVersion, interaction: String, declaredAt: PactSourceLocation) {
        self.version = version
        self.interaction = interaction
        self.declaredAt = declaredAt
    }

    mutating func fail(_ reason: String, part: String, at location: PactSourceLocation? = nil) {
        errors.append(PactUsageError(location: location ?? declaredAt, interaction: interaction, part: part, reason: reason))
    }

    /// Takes over `compiler`'s problems; returns false when there were any. A faulty matcher stands in as `null`,
    /// so the caller then stops checking that value: "must be a string, got Null" would only repeat the problem.
    @discardableResult
    mutating func adopt(_ compiler: TemplateCompiler, part: String) -> Bool {
        for problem in compiler.problems {
            let where_ = problem.path.isRoot ? part : "\(part) \(problem.path.text)"
            fail(problem.reason, part: where_, at: problem.location)
        }
        return compiler.problems.isEmpty
    }

    /// The call site of `value` when it is a matcher, else the part's declaration.
    private func location(of value: PactValue) -> PactSourceLocation {
        if case .matcher(let matcher) = value.node { return matcher.location }
        return declaredAt
    }

    // MARK: Path

    mutating func path(_ value: PactValue) -> String {
        var compiler = TemplateCompiler(version: version)
        let example = compiler.compile(value, at: .root)
        guard adopt(compiler, part: "path") else { return "/" }
        guard let text = example.stringValue else {
            fail("the path must be a string, got \(example.typeName) \(example)", part: "path", at: location(of: value))
            return "/"
        }
        guard compiler.rules.keys.allSatisfy(\.isRoot), compiler.generators.keys.allSatisfy(\.isRoot) else {
            fail("the path takes a single string matcher", part: "path", at: location(of: value))
            return text
        }
        if var list = compiler.rules[.root] {
            if case .providerState(let expression, _)? = compiler.generators[.root], list == [.type] {
                list = [.regex(ProviderStatePath.pattern(expression: expression, example: text))]
            }
            rules[.path][""] = RuleList(list)
        }
        if let generator = compiler.generators[.root] { generators[.path][""] = generator }
        return text
    }

    // MARK: Headers and query

    /// The values of one header or query parameter: a string, a list of strings, or a matcher of either. Rules on
    /// the value or on its items become the rules of the name (pact files keep one rule list per name).
    private mutating func namedValues(
        _ value: PactValue, name: String, part: String, category: RuleCategoryName, allowNull: Bool
    ) -> [String?]? {
        var compiler = TemplateCompiler(version: version)
        let example = compiler.compile(value, at: .root)
        guard adopt(compiler, part: part) else { return nil }
        let items = example.arrayValue ?? [example]
        var values: [String?] = []
        for item in items {
            if let text = item.stringValue {
                values.append(text)
            } else if item.isNull && allowNull {
                values.append(nil)
            } else {
                fail("values must be strings (or lists of strings), got \(item.typeName) \(item); "
                     + "write numbers as strings, e.g. .regex(#\"\\d+\"#, example: \"42\")", part: part, at: location(of: value))
                return nil
            }
        }
        var itemLists: [[MatchingRule]] = []
        for (path, pathRules) in compiler.rules.sorted(by: { $0.key.text < $1.key.text }) where !path.isRoot {
            let isItem = path.tokens.count == 1 && { if case .field = path.tokens[0] { false } else { true } }()
            guard isItem else {
                fail("matchers must sit on the value or its items, not at \(path.text)", part: part, at: location(of: value))
                return values
            }
            if !itemLists.contains(pathRules) { itemLists.append(pathRules) }
        }
        if itemLists.count > 1 {
            fail("the values carry different matchers; a pact keeps one rule list per name",
                 part: part, at: location(of: value))
        }
        let list = (compiler.rules[.root] ?? []) + (itemLists.first ?? [])
        if !list.isEmpty { rules[category][name] = RuleList(list) }
        let generatorCategory: GeneratorCategoryName = category == .header ? .header : .query
        if let generator = compiler.generators.first?.value { generators[generatorCategory][name] = generator }
        return values
    }

    mutating func headers(_ declared: [String: PactValue], part: String) -> Headers {
        var headers: Headers = [:]
        for name in declared.keys.sorted() {
            guard let value = declared[name] else { continue }
            if let values = namedValues(value, name: name, part: "\(part) header '\(name)'", category: .header, allowNull: false) {
                headers[name] = values.compactMap { $0 }
            }
        }
        return headers
    }

    mutating func query(_ declared: [String: PactValue]) -> [QueryParameter]? {
        guard !declared.isEmpty else { return nil }
        var query: [QueryParameter] = []
        for name in declared.keys.sorted() {
            guard let value = declared[name] else { continue }
            if let values = namedValues(value, name: name, part: "query parameter '\(name)'", category: .query, allowNull: true) {
                query.append(QueryParameter(name: name, values: values))
            }
        }
        return query
    }
}
