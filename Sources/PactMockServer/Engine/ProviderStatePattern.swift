import Foundation

/// The `--provider-state` default: a regular expression that must match a whole provider-state name.
public final class ProviderStatePattern: Sendable, CustomStringConvertible {
    /// The regular expression, as given.
    public let pattern: String
    private let regex: NSRegularExpression

    /// Throws `ProviderStatePatternError` when `pattern` is not a valid regular expression.
    public init(_ pattern: String) throws {
        do {
            regex = try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
        } catch {
            throw ProviderStatePatternError(pattern: pattern)
        }
        self.pattern = pattern
    }

    /// True when the pattern matches all of `name`.
    public func matches(_ name: String) -> Bool {
        let whole = NSRange(location: 0, length: name.utf16.count)
        return regex.firstMatch(in: name, options: [], range: whole) != nil
    }

    /// The pattern, as given.
    public var description: String { pattern }
}

/// A `--provider-state` value that is not a valid regular expression.
public struct ProviderStatePatternError: Error, Sendable, CustomStringConvertible {
    /// The value given, which did not compile.
    public var pattern: String
    /// A message quoting the rejected pattern.
    public var description: String { "'\(pattern)' is not a valid regular expression" }
}
