import PactMatching
import PactModel

/// Walks a template into its example value, the matching rules at their paths and the generators, collecting
/// declaration problems instead of stopping at the first one.
struct TemplateCompiler {
    /// A mistake found in a template; `location` is the matcher's call site when the mistake is in a matcher.
    struct Problem: Sendable, Hashable {
        var location: PactSourceLocation?
        var path: RulePath
        var reason: String
    }

    let version: PactSpecVersion
    private(set) var rules: [RulePath: [MatchingRule]] = [:]
    private(set) var generators: [RulePath: Generator] = [:]
    private(set) var problems: [Problem] = []

    init(version: PactSpecVersion) { self.version = version }

    /// Rules keyed by path expression text.
    var ruleLists: [String: RuleList] {
        Dictionary(rules.map { ($0.key.text, RuleList($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Generators keyed by path expression text.
    var generatorsByPath: [String: Generator] {
        Dictionary(generators.map { ($0.key.text, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func addProblem(_ reason: String, at path: RulePath, location: PactSourceLocation? = nil) {
        problems.append(Problem(location: location, path: path, reason: reason))
    }

    /// The example value of `value`, recording its rules and generators at `path`.
    mutating func compile(_ value: PactValue, at path: RulePath) -> JSONValue {
        switch value.node {
        case .json(let json):
            return json
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for key in members.keys.sorted() {
                if let member = members[key] { out[key] = compile(member, at: path.field(key)) }
            }
            return .object(out)
        case .array(let items):
            return .array(items.enumerated().map { compile($0.element, at: path.index($0.offset)) })
        case .matcher(let matcher):
            return compile(matcher, at: path)
        }
    }

    private mutating func compile(_ matcher: Matcher, at path: RulePath) -> JSONValue {
        if matcher.minimumVersion > version {
            addProblem("\(matcher.name) needs Pact \(matcher.minimumVersion) or later, but this pact is written as "
                       + "\(version); use specVersion: \(matcher.minimumVersion.upgradeSpelling)", at: path,
                       location: matcher.location)
        } else if matcher.generator != nil, version < .v3 {
            addProblem("\(matcher.name) generates its value here (a generator), which needs Pact V3 or later, but this "
                       + "pact is written as \(version); give it an example, or use specVersion: .v3 or .v4", at: path,
                       location: matcher.location)
        }
        if let generator = matcher.generator { generators[path] = generator }
        switch matcher.shape {
        case .rules(let list, let example):
            rules[path, default: []] += list
            return compile(example, at: path)
        case .eachLike(let element, let count, let rule):
            rules[path, default: []].append(rule)
            let item = compile(element, at: path.anyIndex)
            return .array(Array(repeating: item, count: count))
        case .arrayContaining(let variants):
            return compileVariants(variants, at: path)
        case .eachKey(let keyMatcher, let example):
            compileEachKey(keyMatcher, example: example, at: path, location: matcher.location)
            return compileMembers(example, at: path)
        case .eachValue(let valueMatcher, let example):
            compileEachValue(valueMatcher, example: example, at: path, location: matcher.location)
            return compileMembers(example, at: path)
        case .invalid(let reason):
            addProblem("\(matcher.name): \(reason)", at: path, location: matcher.location)
            return .null
        }
    }

    private mutating func compileMembers(_ members: [String: PactValue], at path: RulePath) -> JSONValue {
        compile(PactValue(node: .object(members)), at: path)
    }

    /// Each variant is compiled on its own, with paths relative to the element (`$.name`), as the rule stores them.
    private mutating func compileVariants(_ variants: [PactValue], at path: RulePath) -> JSONValue {
        var examples: [JSONValue] = []
        var compiled: [ArrayContainsVariant] = []
        for (index, variant) in variants.enumerated() {
            var sub = TemplateCompiler(version: version)
            examples.append(sub.compile(variant, at: .root))
            adoptProblems(of: sub, under: path.index(index))
            compiled.append(ArrayContainsVariant(index: index, rules: sub.ruleLists, generators: sub.generatorsByPath))
        }
        rules[path, default: []].append(.arrayContains(compiled))
        return .array(examples)
    }

    private mutating func compileEachKey(
        _ keyMatcher: PactValue, example: [String: PactValue], at path: RulePath, location: PactSourceLocation
    ) {
        var sub = TemplateCompiler(version: version)
        let keyExample = sub.compile(keyMatcher, at: .root)
        adoptProblems(of: sub, under: path)
        let keyRules = sub.rules[.root] ?? []
        guard keyExample.stringValue != nil, sub.rules.keys.allSatisfy(\.isRoot), sub.generators.isEmpty else {
            addProblem("eachKey: the key matcher must be a string matcher such as .regex(_:example:)", at: path,
                       location: location)
            return
        }
        for key in example.keys.sorted() {
            let failures = ValueMatcher.match(RuleList(keyRules), expected: keyExample, actual: .string(key), origin: .key)
            if let failure = failures.first {
                addProblem("eachKey: the example key '\(key)' does not satisfy the key matcher: \(failure)", at: path,
                           location: location)
            }
        }
        rules[path, default: []].append(.eachKey(rules: keyRules, example: nil))
    }

    private mutating func compileEachValue(
        _ valueMatcher: PactValue, example: [String: PactValue], at path: RulePath, location: PactSourceLocation
    ) {
        var sub = TemplateCompiler(version: version)
        let valueExample = sub.compile(valueMatcher, at: .root)
        adoptProblems(of: sub, under: path.anyField)
        let valueRules = sub.rules[.root] ?? []
        // Rules below the value (`.like(["id": .integer(1)])`) apply to every member: `$.map.*.id`.
        for (subPath, list) in sub.rules where !subPath.isRoot {
            rules[path.anyField.appending(subPath), default: []] += list
        }
        for (subPath, generator) in sub.generators { generators[path.anyField.appending(subPath)] = generator }
        for key in example.keys.sorted() {
            guard let member = example[key] else { continue }
            let failures = ValueMatcher.match(RuleList(valueRules), expected: valueExample, actual: member.example, origin: .body)
            if let failure = failures.first {
                addProblem("eachValue: the example value at '\(key)' does not satisfy the value matcher: \(failure)",
                           at: path, location: location)
            }
        }
        rules[path, default: []].append(.eachValue(rules: valueRules, example: nil))
    }

    private mutating func adoptProblems(of sub: TemplateCompiler, under path: RulePath) {
        problems += sub.problems.map { Problem(location: $0.location, path: path.appending($0.path), reason: $0.reason) }
    }
}
