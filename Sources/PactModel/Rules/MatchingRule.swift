/// A status-code class or list for the V4 `statusCode` matcher.
public enum StatusCodeClass: Sendable, Hashable {
    case information, success, redirect, clientError, serverError, nonError, error
    case codes([Int])
}

/// One variant of an `arrayContains` matcher: an expected element and the rules for it.
public struct ArrayContainsVariant: Sendable, Hashable {
    /// Index of the expected element in the expected array.
    public var index: Int
    /// Rules keyed by path expression relative to the element (`$.name`).
    public var rules: [String: RuleList]
    /// Generators keyed by path expression relative to the element.
    public var generators: [String: Generator]

    /// A variant for the expected element at `index`, with no rules or generators by default.
    public init(index: Int, rules: [String: RuleList] = [:], generators: [String: Generator] = [:]) {
        self.index = index
        self.rules = rules
        self.generators = generators
    }
}

/// A matcher from the Pact specification (PACT-SPEC §5).
public indirect enum MatchingRule: Sendable, Hashable {
    case equality
    case regex(String)
    case type
    case minType(Int)
    case maxType(Int)
    case minMaxType(min: Int, max: Int)
    case include(String)
    case integer
    case decimal
    case number
    /// `datetime` (alias `timestamp`), with a Java DateTimeFormatter pattern.
    case timestamp(format: String?)
    case time(format: String?)
    case date(format: String?)
    case null
    case boolean
    case contentType(String)
    case values
    case arrayContains([ArrayContainsVariant])
    case statusCode(StatusCodeClass)
    case notEmpty
    case semver
    /// Rules applied to every key of a map; `example` is the DSL's example value.
    case eachKey(rules: [MatchingRule], example: JSONValue?)
    /// Rules applied to every value of a map or list.
    case eachValue(rules: [MatchingRule], example: JSONValue?)

    /// The `match` name written in pact files.
    public var name: String {
        switch self {
        case .equality: "equality"
        case .regex: "regex"
        case .type, .minType, .maxType, .minMaxType: "type"
        case .include: "include"
        case .integer: "integer"
        case .decimal: "decimal"
        case .number: "number"
        case .timestamp: "datetime"
        case .time: "time"
        case .date: "date"
        case .null: "null"
        case .boolean: "boolean"
        case .contentType: "contentType"
        case .values: "values"
        case .arrayContains: "arrayContains"
        case .statusCode: "statusCode"
        case .notEmpty: "notEmpty"
        case .semver: "semver"
        case .eachKey: "eachKey"
        case .eachValue: "eachValue"
        }
    }

    /// Rules that carry on to the children of the node they are on (type-like rules).
    public var cascades: Bool {
        switch self {
        case .type, .minType, .maxType, .minMaxType, .values, .eachValue, .eachKey: true
        default: false
        }
    }
}

/// How the rules of one list combine.
public enum RuleLogic: String, Sendable, Hashable {
    case and = "AND"
    case or = "OR"
}

/// The rules at one path or name, with how they combine.
public struct RuleList: Sendable, Hashable {
    /// The matchers, in the order the pact file lists them.
    public var rules: [MatchingRule]
    /// Whether every rule must pass (`AND`) or any one of them (`OR`).
    public var logic: RuleLogic

    /// A list of `rules` combined with `logic`, `AND` by default.
    public init(_ rules: [MatchingRule], logic: RuleLogic = .and) {
        self.rules = rules
        self.logic = logic
    }

    /// True when the list holds no rules; selectors skip such lists.
    public var isEmpty: Bool { rules.isEmpty }
}

/// The rule category names of V3/V4 pact files.
public enum RuleCategoryName: String, Sendable, Hashable, CaseIterable {
    case method, path, query, header, body, status, metadata
}

/// Matching rules by category. Body rules are keyed by path expression (`$.a[*].b`), query and header rules by name,
/// and the single-value categories `path`, `status` and `method` by the empty string.
public struct MatchingRules: Sendable, Hashable {
    /// The rule lists of each category, keyed by path expression or name.
    public var categories: [RuleCategoryName: [String: RuleList]]

    /// Rules from `categories`; empty by default.
    public init(categories: [RuleCategoryName: [String: RuleList]] = [:]) {
        self.categories = categories
    }

    /// True when no category holds a non-empty rule list.
    public var isEmpty: Bool { categories.values.allSatisfy { $0.values.allSatisfy(\.isEmpty) } }

    /// The rules of one category.
    public subscript(category: RuleCategoryName) -> [String: RuleList] {
        get { categories[category] ?? [:] }
        set { categories[category] = newValue.isEmpty ? nil : newValue }
    }

    /// Adds `rule` at `key` in `category`, after any rules already there.
    public mutating func add(_ rule: MatchingRule, category: RuleCategoryName, key: String = "", logic: RuleLogic = .and) {
        // Changed in place: going through `self[category]` would copy the category's whole dictionary.
        RuleList.appendOrSet(RuleList([rule], logic: logic), at: key, in: &categories[category, default: [:]])
    }
}
