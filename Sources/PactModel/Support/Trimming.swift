extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    ///
    /// A plain scan instead of Foundation's `trimmingCharacters(in:)`, which is slow on Linux and runs for every header
    /// of every request the mock provider matches.
    package var trimmingWhitespace: SubSequence {
        // Scanned as UTF-8: the whitespace is ASCII, and comparing Characters costs a string comparison each.
        let utf8 = self.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, utf8[start].isPactWhitespace { start = utf8.index(after: start) }
        // A combining mark after leading whitespace joins it into one character that is not whitespace: keep it whole.
        if start != utf8.startIndex, start < utf8.endIndex, utf8[start] >= 0x80 { return characterTrimmed }
        // StringProtocol's UTF8View only walks forwards: remember where the last non-whitespace byte ended.
        var index = start
        var end = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            if !byte.isPactWhitespace { end = index }
        }
        return self[start..<end]
    }

    /// Trimmed character by character.
    private var characterTrimmed: SubSequence {
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

extension UInt8 {
    /// The UTF-8 byte of a space, tab, carriage return or line feed.
    fileprivate var isPactWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

extension String {
    /// The string without leading and trailing whitespace; the string itself, not a copy, when it has none.
    package var trimmedOfWhitespace: String {
        if let first = utf8.first, let last = utf8.last, !first.isPactWhitespace, !last.isPactWhitespace { return self }
        return String(trimmingWhitespace)
    }
}
