import PactModel

/// A Swift value usable wherever the DSL takes an example or a provider-state parameter: `String`, `Int`, `Double`,
/// `Bool`, optionals (nil is `null`), arrays and string-keyed dictionaries of them, `JSONValue` and `PactValue`.
///
/// ```swift
/// let code = "YSR5GNXKXAU3"
/// pact.uponReceiving("a code").given("the code exists", ["code": code, "uses": 2])
///     .withRequest(.get, .fromProviderState("/codes/${code}", example: "/codes/\(code)"))
///     .willRespondWith(body: ["code": .equal(code), "tags": .eachLike(tags)])
/// ```
public protocol PactValueConvertible: Sendable {
    /// The value as a template value (plain JSON unless it is a `PactValue` holding matchers).
    var pactValue: PactValue { get }
}

extension PactValue: PactValueConvertible {
    /// Itself.
    public var pactValue: PactValue { self }
}

extension JSONValue: PactValueConvertible {
    /// The JSON value, compared by equality.
    public var pactValue: PactValue { PactValue(self) }
}

extension String: PactValueConvertible {
    /// A JSON string.
    public var pactValue: PactValue { PactValue(self) }
}

extension Substring: PactValueConvertible {
    /// A JSON string.
    public var pactValue: PactValue { PactValue(String(self)) }
}

extension Int: PactValueConvertible {
    /// A JSON integer.
    public var pactValue: PactValue { PactValue(self) }
}

extension Double: PactValueConvertible {
    /// A JSON decimal number.
    public var pactValue: PactValue { PactValue(self) }
}

extension Bool: PactValueConvertible {
    /// A JSON boolean.
    public var pactValue: PactValue { PactValue(self) }
}

extension Optional: PactValueConvertible where Wrapped: PactValueConvertible {
    /// The wrapped value, or JSON `null`.
    public var pactValue: PactValue { self?.pactValue ?? nil }
}

extension Array: PactValueConvertible where Element: PactValueConvertible {
    /// A JSON array of the elements.
    public var pactValue: PactValue { PactValue(map(\.pactValue)) }
}

extension Dictionary: PactValueConvertible where Key == String, Value: PactValueConvertible {
    /// A JSON object of the members.
    public var pactValue: PactValue { PactValue(mapValues(\.pactValue)) }
}
