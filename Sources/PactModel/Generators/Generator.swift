/// Formats for generated UUIDs (V4).
public enum UUIDFormat: String, Sendable, Hashable {
    case simple
    case lowerCaseHyphenated = "lower-case-hyphenated"
    case upperCaseHyphenated = "upper-case-hyphenated"
    case urn = "URN"
}

/// A value generator from the Pact specification (PACT-SPEC §3.4 and the V4 additions).
public enum Generator: Sendable, Hashable {
    case randomInt(min: Int, max: Int)
    case randomDecimal(digits: Int)
    case randomHexadecimal(digits: Int)
    case randomString(size: Int)
    case regex(String)
    case uuid(format: UUIDFormat?)
    /// Dates, times and date-times take a Java DateTimeFormatter pattern and an optional expression such as
    /// `today + 1 day`.
    case date(format: String?, expression: String?)
    case time(format: String?, expression: String?)
    case dateTime(format: String?, expression: String?)
    case randomBoolean
    /// A value taken from the provider state's parameters: `${id}` or `/orders/${id}`.
    case providerState(expression: String, dataType: String?)
    /// The mock server's URL substituted into `example` at the group `regex` captures.
    case mockServerURL(regex: String, example: String)

    /// The `type` string written in pact files.
    public var typeName: String {
        switch self {
        case .randomInt: "RandomInt"
        case .randomDecimal: "RandomDecimal"
        case .randomHexadecimal: "RandomHexadecimal"
        case .randomString: "RandomString"
        case .regex: "Regex"
        case .uuid: "Uuid"
        case .date: "Date"
        case .time: "Time"
        case .dateTime: "DateTime"
        case .randomBoolean: "RandomBoolean"
        case .providerState: "ProviderState"
        case .mockServerURL: "MockServerURL"
        }
    }
}

/// The generator categories of V3/V4 pact files.
public enum GeneratorCategoryName: String, Sendable, Hashable, CaseIterable {
    case method, path, query, header, body, status, metadata
}

/// Generators by category. Body generators are keyed by path expression, query and header generators by name, and
/// `path`/`status` by the empty string.
public struct Generators: Sendable, Hashable {
    /// The generators of each category, keyed by path expression or name.
    public var categories: [GeneratorCategoryName: [String: Generator]]

    /// Generators from `categories`; empty by default.
    public init(categories: [GeneratorCategoryName: [String: Generator]] = [:]) {
        self.categories = categories
    }

    /// True when no category holds a generator.
    public var isEmpty: Bool { categories.values.allSatisfy(\.isEmpty) }

    /// The generators of one category; setting an empty map removes the category.
    public subscript(category: GeneratorCategoryName) -> [String: Generator] {
        get { categories[category] ?? [:] }
        set { categories[category] = newValue.isEmpty ? nil : newValue }
    }
}
