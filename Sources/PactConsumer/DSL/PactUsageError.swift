/// A mistake in how a test declares its pact: a matcher whose example does not satisfy it, `eachLike` with `min`
/// above `max`, a header matcher on a non-string, and so on.
///
/// The builder collects these instead of writing a malformed pact; the interaction is not added and `run` reports
/// each error at its `location` and fails.
public struct PactUsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the faulty declaration is.
    public var location: PactSourceLocation
    /// The interaction being declared, when known.
    public var interaction: String?
    /// Where in the request or response the faulty value sits (`request body $.items[*].id`), when known.
    public var part: String?
    /// What is wrong and how to fix it.
    public var reason: String

    /// Builds an error at `location`; the interaction and part add context when known.
    public init(location: PactSourceLocation, interaction: String? = nil, part: String? = nil, reason: String) {
        self.location = location
        self.interaction = interaction
        self.part = part
        self.reason = reason
    }

    /// `File.swift:12: interaction '…': part: reason`, leaving out what is unknown.
    public var description: String {
        var text = "\(location): "
        if let interaction { text += "interaction '\(interaction)': " }
        if let part { text += "\(part): " }
        return text + reason
    }
}
