/// Long texts (a provider's 4 MB body inside a mismatch) in the console and JUnit reports: a prefix and a note of how
/// much was cut, so one mismatch cannot flood a terminal or a CI page. The JSON report keeps every text whole.
enum ReportText {
    /// Characters of a mismatch message or error line kept in the console.
    static let consoleLine = 500
    /// Characters of an expected or actual value kept in the console.
    static let consoleValue = 300
    /// Characters of each message, expected or actual value kept in JUnit XML.
    static let junitItem = 2000

    /// `text` when it has at most `limit` characters; otherwise its first `limit` and `… [cut N of M bytes]`.
    static func truncated(_ text: String, limit: Int) -> String {
        // Most texts are short: the UTF-8 count is O(1) for native strings and bounds the character count.
        guard text.utf8.count > limit else { return text }
        let kept = text.prefix(limit)
        let total = text.utf8.count
        let cut = total - kept.utf8.count
        guard cut > 0 else { return text }
        return "\(kept)… [cut \(cut) of \(total) bytes]"
    }
}
