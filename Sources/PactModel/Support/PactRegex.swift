import Foundation

/// Pact regexes, compiled once per process and matched against whole values.
///
/// Reading a pact checks that every regex compiles, and matching uses the same compiled expression, so a pattern is
/// compiled once however many interactions repeat it. Pact regex matchers must match the WHOLE value (PACT-SPEC §5:
/// pact-reference's anchored `is_match`, JVM `matches()`): `\d{1,4}` does not match `9999ABC`.
public enum PactRegex {
    private final class Compiled: @unchecked Sendable {
        // NSRegularExpression is immutable after creation and safe to use from several threads.
        let anchored: NSRegularExpression?
        let plain: NSRegularExpression?
        /// Why the pattern does not compile, when neither form does.
        let error: String?

        init(_ pattern: String) {
            anchored = try? NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z")
            var plain: NSRegularExpression?
            var error: String?
            if anchored == nil {
                do {
                    plain = try NSRegularExpression(pattern: pattern)
                } catch let failure {
                    error = failure.localizedDescription
                }
            }
            self.plain = plain
            self.error = error
        }
    }

    /// Bounds memory when pacts carry many distinct patterns: the table is emptied when it is full.
    private static let limit = 4096
    private static let cache = Locked<[String: Compiled]>([:])

    private static func compiled(_ pattern: String) -> Compiled {
        if let known = cache.withLock({ $0[pattern] }) { return known }
        // Compiled outside the lock: two threads may compile the same pattern, which is harmless.
        let built = Compiled(pattern)
        cache.withLock { table in
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[pattern] = built
        }
        return built
    }

    /// Why `pattern` does not compile, or nil when it does.
    public static func compileError(_ pattern: String) -> String? {
        compiled(pattern).error
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
