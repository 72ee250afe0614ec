extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    ///
    /// A plain scan instead of Foundation's `trimmingCharacters(in:)`, which is slow on Linux and runs for every header
    /// of every request the mock provider matches.
    package var trimmingWhitespace: SubSequence {
        guard let first = firstIndex(where: { !$0.isPactWhitespace }),
              let last = lastIndex(where: { !$0.isPactWhitespace }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

extension Character {
    /// Space, tab, carriage return or line feed (the whitespace of HTTP header values).
    var isPactWhitespace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}
