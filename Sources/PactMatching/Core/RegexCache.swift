import Foundation

/// Compiles matcher regexes once and matches them against whole values.
///
/// Pact regex matchers must match the WHOLE value (PACT-SPEC §5: pact-reference's anchored `is_match`, JVM
/// `matches()`): `\d{1,4}` does not match `9999ABC`.
enum RegexCache {
    private final class Compiled: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and safe to use from several threads.
        let anchored: NSRegularExpression?
        let plain: NSRegularExpression?

        init(_ pattern: String) {
            anchored = try? NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
            plain = anchored == nil ? try? NSRegularExpression(pattern: pattern) : nil
        }
    }

    private static let cache = LockedCache<String, Compiled>(limit: 1024)

    /// True when `pattern` compiles.
    static func isValid(_ pattern: String) -> Bool {
        let compiled = cache.value(for: pattern, build: Compiled.init)
        return compiled.anchored != nil || compiled.plain != nil
    }

    /// True when `pattern` matches all of `text`; false when it does not or does not compile.
    static func matchesWhole(_ pattern: String, _ text: String) -> Bool {
        let compiled = cache.value(for: pattern, build: Compiled.init)
        // Wrapping in `\A(?:…)\z` lets the engine backtrack into a whole match (`a|ab` against `ab`). It fails for
        // patterns whose syntax leaks out of a group (a trailing comment in extended mode): those are matched as
        // written. Either way the match must cover the whole text.
        guard let regex = compiled.anchored ?? compiled.plain else { return false }
        let whole = NSRange(location: 0, length: text.utf16.count)
        let found = regex.rangeOfFirstMatch(in: text, options: [], range: whole)
        return found.location == 0 && found.length == whole.length
    }
}
