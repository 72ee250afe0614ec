/// A pact regex that does not compile, with the reason when one is known.
public struct PactRegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The regex as written in the pact or given on the command line.
    public var pattern: String
    /// Why it does not compile (`unclosed group`), when known.
    public var reason: String?

    /// An error for `pattern`, with `reason` when known.
    public init(pattern: String, reason: String?) {
        self.pattern = pattern
        self.reason = reason
    }

    /// pact-reference's wording: `'(a' is not a valid regular expression - unclosed group`.
    public var description: String {
        "'\(pattern)' is not a valid regular expression" + (reason.map { " - \($0)" } ?? "")
    }
}
