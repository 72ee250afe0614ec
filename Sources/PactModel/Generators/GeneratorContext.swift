import Foundation

/// Who is generating values: the consumer side (mock server responses) or the provider side (verifier requests).
public enum GeneratorMode: Sendable, Hashable {
    case consumer
    case provider
}

/// What generators may draw on besides randomness: the clock, the zone, provider-state values and the mock server.
public struct GeneratorContext: Sendable {
    /// Which side is generating: ProviderState generators apply only for the provider, MockServerURL ones only
    /// for the consumer.
    public var mode: GeneratorMode
    /// The base instant of Date, Time and DateTime generators.
    public var now: Date
    /// The zone dates and times are generated in; UTC by default.
    public var timeZone: TimeZone
    /// Values for ProviderState expressions (`${name}`), usually returned by the provider's state change handler.
    public var providerStateValues: [String: JSONValue]
    /// The running mock server's base URL, for MockServerURL generators.
    public var mockServerURL: String?

    /// A consumer-side context at the current time in UTC, with no provider-state values or mock server URL.
    public init(
        mode: GeneratorMode = .consumer, now: Date = Date(), timeZone: TimeZone = .pactUTC,
        providerStateValues: [String: JSONValue] = [:], mockServerURL: String? = nil
    ) {
        self.mode = mode
        self.now = now
        self.timeZone = timeZone
        self.providerStateValues = providerStateValues
        self.mockServerURL = mockServerURL
    }
}

/// A generator that could not produce a value.
public struct GeneratorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The generator's type name as written in pact files (`RandomInt`, `ProviderState`...).
    public var generatorType: String
    /// Why no value could be produced.
    public var reason: String

    /// A failure of the `generatorType` generator, with `reason`.
    public init(generatorType: String, reason: String) {
        self.generatorType = generatorType
        self.reason = reason
    }

    /// A one-line message naming the generator type and the reason.
    public var description: String { "\(generatorType) generator failed: \(reason)" }
}
