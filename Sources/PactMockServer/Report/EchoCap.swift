import PactMatching

/// Caps on what a mock keeps or sends back of a request: a mismatch's actual value can be a whole body, and a mock
/// that stores or echoes every byte of a multi-megabyte body grows its memory and its 500 answers without bound.
package enum EchoCap {
    /// The bytes of one value kept or echoed; longer ones keep a prefix and say how long they were.
    package static let defaultValueBytes = 4 * 1024

    /// `text` when it fits in `limit` UTF-8 bytes, else its first `limit` bytes (whole characters) followed by
    /// `… (N bytes in all)`.
    package static func text(_ text: String, limit: Int = defaultValueBytes) -> String {
        let total = text.utf8.count
        guard total > limit else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: max(0, limit))
        // Back off to a scalar boundary so a multi-byte character is never cut in half.
        while end > text.startIndex, end.samePosition(in: text.unicodeScalars) == nil {
            end = text.utf8.index(before: end)
        }
        return "\(text[..<end])… (\(total) bytes in all)"
    }

    /// The mismatch with its expected and actual values and its sentence capped.
    package static func mismatch(_ mismatch: Mismatch, limit: Int = defaultValueBytes) -> Mismatch {
        var capped = mismatch
        capped.expected = mismatch.expected.map { text($0, limit: limit) }
        capped.actual = mismatch.actual.map { text($0, limit: limit) }
        capped.message = text(mismatch.message, limit: limit)
        return capped
    }

    /// Every mismatch capped; mismatches beyond `maxCount` are dropped (the caller says how many there were).
    package static func mismatches(_ mismatches: [Mismatch], limit: Int = defaultValueBytes, maxCount: Int = 100)
        -> [Mismatch] {
        mismatches.prefix(maxCount).map { mismatch($0, limit: limit) }
    }
}
