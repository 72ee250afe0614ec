import PactModel

/// A value in a pact template: a plain JSON value, or a matcher that carries an example value plus the rule (and
/// generator) the pact file records for it.
///
/// Write templates as Swift literals with matchers inline:
/// ```swift
/// ["id": .integer(42), "name": "Ada", "tags": .eachLike("admin", min: 1), "born": .date("yyyy-MM-dd", example: "1815-12-10")]
/// ```
/// The mock provider serves the examples; the pact file gets the rules at their JSON paths.
public struct PactValue: Sendable, Hashable {
    let node: Node

    init(node: Node) { self.node = node }

    /// A plain JSON value without matchers (compared by equality).
    public init(_ json: JSONValue) { node = .json(json) }
    /// A plain JSON string (compared by equality).
    public init(_ value: String) { node = .json(.string(value)) }
    /// A plain JSON integer (compared by equality).
    public init(_ value: Int) { node = .json(.int(value)) }
    /// A plain JSON decimal number (compared by equality).
    public init(_ value: Double) { node = .json(.double(value)) }
    /// A plain JSON boolean (compared by equality).
    public init(_ value: Bool) { node = .json(.bool(value)) }
    /// An object whose members may hold matchers.
    public init(_ members: [String: PactValue]) { node = .object(members) }
    /// An array whose items may hold matchers.
    public init(_ items: [PactValue]) { node = .array(items) }

    indirect enum Node: Sendable, Hashable {
        case json(JSONValue)
        case object([String: PactValue])
        case array([PactValue])
        case matcher(Matcher)
    }
}

/// What a matcher declares: its shape, optional generator, the spec version it needs and where it was written.
struct Matcher: Sendable, Hashable {
    enum Shape: Sendable, Hashable {
        /// Rules on this node; the example is walked beneath it (so nested matchers add their own rules).
        case rules([MatchingRule], example: PactValue)
        /// A list of `count` copies of `element`, with the size rule on the list and the element's rules at `[*]`.
        case eachLike(element: PactValue, count: Int, rule: MatchingRule)
        /// A list that must contain each variant somewhere.
        case arrayContaining([PactValue])
        /// A map whose keys all satisfy the root rules of `keyMatcher`.
        case eachKey(keyMatcher: PactValue, example: [String: PactValue])
        /// A map whose values all satisfy `valueMatcher`.
        case eachValue(valueMatcher: PactValue, example: [String: PactValue])
        /// A matcher declared wrongly; `reason` says why. Its interaction is not added.
        case invalid(reason: String)
    }

    var name: String
    var shape: Shape
    var generator: Generator?
    var minimumVersion: PactSpecVersion
    var location: PactSourceLocation
}

extension PactValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral,
    ExpressibleByStringInterpolation
{
    /// A string literal is a plain JSON string.
    public init(stringLiteral value: String) { node = .json(.string(value)) }
    /// An integer literal is a plain JSON integer.
    public init(integerLiteral value: Int) { node = .json(.int(value)) }
    /// A float literal is a plain JSON decimal number.
    public init(floatLiteral value: Double) { node = .json(.double(value)) }
    /// `true` or `false` is a plain JSON boolean.
    public init(booleanLiteral value: Bool) { node = .json(.bool(value)) }
    /// An array literal is an array whose items may hold matchers.
    public init(arrayLiteral elements: PactValue...) { node = .array(elements) }
    /// A dictionary literal is an object whose members may hold matchers; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, PactValue)...) {
        node = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// `nil` is JSON `null`.
    public init(nilLiteral: ()) { node = .json(.null) }
}

extension PactValue {
    /// The example value with all matchers replaced by their examples (what the mock provider serves before
    /// generators run). Invalid matchers give `null`.
    public var example: JSONValue {
        switch node {
        case .json(let value): return value
        case .object(let members): return .object(members.mapValues(\.example))
        case .array(let items): return .array(items.map(\.example))
        case .matcher(let matcher):
            switch matcher.shape {
            case .rules(_, let example): return example.example
            case .eachLike(let element, let count, _): return .array(Array(repeating: element.example, count: count))
            case .arrayContaining(let variants): return .array(variants.map(\.example))
            case .eachKey(_, let example), .eachValue(_, let example): return .object(example.mapValues(\.example))
            case .invalid: return .null
            }
        }
    }

    /// Builds a matcher value; `check` runs on the example and returns a reason when the declaration is wrong.
    static func matcher(
        _ name: String, rules: [MatchingRule], example: PactValue, generator: Generator? = nil,
        since version: PactSpecVersion, at location: PactSourceLocation, check: () -> String? = { nil }
    ) -> PactValue {
        if let reason = check() { return invalid(name, reason, at: location) }
        return PactValue(node: .matcher(Matcher(
            name: name, shape: .rules(rules, example: example), generator: generator, minimumVersion: version,
            location: location)))
    }

    static func invalid(_ name: String, _ reason: String, at location: PactSourceLocation) -> PactValue {
        PactValue(node: .matcher(Matcher(name: name, shape: .invalid(reason: reason), generator: nil,
                                         minimumVersion: .v2, location: location)))
    }
}
