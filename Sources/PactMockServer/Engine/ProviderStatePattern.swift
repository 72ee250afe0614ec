import PactModel

/// The `--provider-state` default: a regular expression that must match a whole provider-state name.
public final class ProviderStatePattern: Sendable, CustomStringConvertible {
    /// The regular expression, as given.
    public let pattern: String

    /// Throws `ProviderStatePatternError` when `pattern` is not a valid regular expression.
    public init(_ pattern: String) throws {
        do {
            _ = try PactRegex.expression(pattern)
        } catch {
            throw ProviderStatePatternError(pattern: pattern, reason: error.reason)
        }
        self.pattern = pattern
    }

    /// True when the pattern matches all of `name`.
    public func matches(_ name: String) -> Bool { PactRegex.matchesWhole(pattern, name) }

    /// The pattern, as given.
    public var description: String { pattern }
}

/// A `--provider-state` value that is not a valid regular expression.
public struct ProviderStatePatternError: Error, Sendable, CustomStringConvertible {
    /// The value given, which did not compile.
    public var pattern: String
    /// Why it does not compile, when known.
    public var reason: String?

    /// A message quoting the rejected pattern and the reason.
    public var description: String { PactRegexError(pattern: pattern, reason: reason).description }
}
