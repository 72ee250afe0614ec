import Foundation

/// Pact regexes, compiled once per process and matched against whole values.
///
/// Every regex a pact carries (matchers, generators, provider-state and filter patterns) is compiled here, after
/// `translated(_:)` rewrites what its original engine accepts and ICU does not. Reading a pact checks that every
/// regex compiles, and matching uses the same compiled expression, so a pattern is compiled once however many
/// interactions repeat it. Pact regex matchers must match the WHOLE value (PACT-SPEC §5: pact-reference's anchored
/// `is_match`, JVM `matches()`): `\d{1,4}` does not match `9999ABC`.
public enum PactRegex {
    private final class Compiled: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and safe to use from several threads.
        let anchored: NSRegularExpression?
        let plain: NSRegularExpression?
        /// Why the pattern does not compile, when it does not.
        let error: PactRegexError?

        init(_ pattern: String) {
            let translated = PactRegex.translated(pattern)
            plain = try? NSRegularExpression(pattern: translated)
            anchored = plain == nil ? nil : try? NSRegularExpression(pattern: "\\A(?:" + translated + ")\\z")
            error = plain == nil ? PactRegexError(pattern: pattern, reason: PactRegexDiagnosis.reason(translated)) : nil
        }
    }

    private static let cache = LockedCache<String, Compiled>(limit: 4096)

    private static func compiled(_ pattern: String) -> Compiled {
        cache.value(for: pattern, build: Compiled.init)
    }

    /// The compiled (translated, unanchored) expression for `pattern`, to search with or to count its groups.
    public static func expression(_ pattern: String) throws(PactRegexError) -> NSRegularExpression {
        let compiled = compiled(pattern)
        guard let plain = compiled.plain else { throw compiled.error ?? PactRegexError(pattern: pattern, reason: nil) }
        return plain
    }

    /// Why `pattern` does not compile (`'(a' is not a valid regular expression - unclosed group`), or nil when it does.
    public static func compileError(_ pattern: String) -> String? {
        compiled(pattern).error?.description
    }

    /// True when `pattern` compiles.
    public static func isValid(_ pattern: String) -> Bool { compileError(pattern) == nil }

    /// True when `pattern` matches all of `text`; false when it does not or does not compile.
    public static func matchesWhole(_ pattern: String, _ text: String) -> Bool {
        let compiled = compiled(pattern)
        // Wrapping in `\A(?:…)\z` lets the engine backtrack into a whole match (`a|ab` against `ab`). It fails for
        // patterns whose syntax leaks out of a group (a trailing comment in extended mode): those are matched as
        // written. Either way the match must cover the whole text.
        guard let regex = compiled.anchored ?? compiled.plain else { return false }
        let whole = NSRange(location: 0, length: text.utf16.count)
        let found = regex.rangeOfFirstMatch(in: text, options: [], range: whole)
        return found.location == 0 && found.length == whole.length
    }
}
