/// The characters codes are drawn from: 23 symbols with no 0 1 2 5, no vowels and no L N S Z, so codes are hard to
/// misread and cannot spell words.
public enum CodeAlphabet {
    /// The 23 allowed characters, in order.
    public static let characters = "346789BCDFGHJKMPQRTVWXY"
    static let bytes: [UInt8] = Array(characters.utf8)

    /// Whether every character of `text` is in the alphabet.
    public static func contains(allOf text: Substring) -> Bool {
        text.utf8.allSatisfy { bytes.contains($0) }
    }
}
