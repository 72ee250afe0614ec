import Foundation

extension TimeZone {
    /// Coordinated Universal Time, the default zone of date/time generators and patterns.
    public static let pactUTC: TimeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
}

/// A Java `DateTimeFormatter` pattern such as `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`, used by the date/time matchers and
/// generators of pact files.
///
/// Text forms (month and weekday names, AM/PM, eras) are English. Week-based fields (`Y`, `w`, `W`, `e`, `c`) follow
/// the en-US rules of a default JVM: weeks start on Sunday and the first week of a year is the one holding January 1st.
/// Optional sections (`[...]`) are supported.
public struct JavaDateTimePattern: Sendable, Hashable, CustomStringConvertible {
    /// One element of a compiled pattern.
    enum Token: Sendable, Hashable {
        case literal(String)
        /// A pattern letter repeated `count` times.
        case field(Character, Int)
        case optional([Token])
    }

    /// The pattern text as given.
    public let pattern: String
    let tokens: [Token]
    /// The tokens prepared for reading texts.
    let steps: [DateTimeScanStep]
    /// The layout of a pattern whose parts all have fixed widths, for checking the usual texts in one pass.
    let fixedLayout: FixedDateTimeLayout?

    /// Compiles `pattern`; unknown letters, too many repeated letters and unterminated quotes are errors.
    public init(_ pattern: String) throws(DateTimePatternError) {
        self.pattern = pattern
        self.tokens = try JavaDateTimePattern.tokenize(pattern)
        self.steps = DateTimeScanStep.prepare(tokens)
        fixedLayout = FixedDateTimeLayout(steps)
    }

    /// The pattern text as given.
    public var description: String { pattern }

    /// The ISO date pattern used when a date matcher or generator has no format (as pact-reference: `yyyy-MM-dd`).
    public static let isoDate = JavaDateTimePattern(trusted: "yyyy-MM-dd")
    /// The ISO time pattern used when a time matcher or generator has no format: `HH:mm:ss`.
    public static let isoTime = JavaDateTimePattern(trusted: "HH:mm:ss")
    /// The ISO date-time pattern used when a datetime matcher has no format: `yyyy-MM-dd'T'HH:mm:ss`.
    public static let isoDateTime = JavaDateTimePattern(trusted: "yyyy-MM-dd'T'HH:mm:ss")
    /// What a DateTime generator without a format writes: ISO-8601 with milliseconds and the zone offset
    /// (`2026-11-30T16:51:20.123+0000`), as pact-reference does (chrono's `%Y-%m-%dT%H:%M:%S.%3f%z`).
    public static let generatedDateTime = JavaDateTimePattern(trusted: "yyyy-MM-dd'T'HH:mm:ss.SSSZ")

    /// For patterns written in this module and known to compile.
    private init(trusted pattern: String) {
        self.pattern = pattern
        self.tokens = (try? JavaDateTimePattern.tokenize(pattern)) ?? [.literal(pattern)]
        self.steps = DateTimeScanStep.prepare(tokens)
        fixedLayout = FixedDateTimeLayout(steps)
    }

    /// The largest repeat count Java accepts for each letter.
    static let maxCounts: [Character: Int] = [
        "G": 5, "y": 19, "u": 19, "Y": 19, "M": 5, "L": 5, "d": 2, "D": 3, "E": 5, "e": 5, "c": 5, "a": 1,
        "h": 2, "H": 2, "k": 2, "K": 2, "m": 2, "s": 2, "S": 9, "n": 19, "A": 19, "N": 19, "V": 2, "z": 4,
        "Z": 5, "X": 5, "x": 5, "O": 4, "Q": 5, "q": 5, "w": 2, "W": 1, "F": 1,
    ]

    private static func tokenize(_ pattern: String) throws(DateTimePatternError) -> [Token] {
        let chars = Array(pattern)
        // A stack of token lists: the bottom is the pattern, the others are open optional sections.
        var stack: [[Token]] = [[]]
        var literal = ""
        var i = 0
        func fail(_ offset: Int, _ reason: String) -> DateTimePatternError {
            DateTimePatternError(pattern: pattern, offset: offset, reason: reason)
        }
        func flush() {
            if !literal.isEmpty { stack[stack.count - 1].append(.literal(literal)); literal = "" }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                if i + 1 < chars.count, chars[i + 1] == "'" { literal.append("'"); i += 2; continue }
                let start = i
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "'" {
                        if i + 1 < chars.count, chars[i + 1] == "'" { literal.append("'"); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    literal.append(chars[i])
                    i += 1
                }
                guard closed else { throw fail(start, "unterminated quoted text") }
            } else if c.isASCII && c.isLetter {
                var count = 1
                while i + count < chars.count, chars[i + count] == c { count += 1 }
                guard let maximum = maxCounts[c] else { throw fail(i, "unknown pattern letter '\(c)'") }
                guard count <= maximum else { throw fail(i, "too many pattern letters '\(c)' (at most \(maximum))") }
                if c == "V" && count != 2 { throw fail(i, "pattern letter 'V' must be written 'VV'") }
                if c == "O" && count != 1 && count != 4 { throw fail(i, "pattern letter 'O' must be written 'O' or 'OOOO'") }
                if c == "c" && count == 2 { throw fail(i, "pattern letter 'c' cannot be written 'cc'") }
                flush()
                stack[stack.count - 1].append(.field(c, count))
                i += count
            } else if c == "[" {
                flush()
                stack.append([])
                i += 1
            } else if c == "]" {
                guard stack.count > 1 else { throw fail(i, "']' without a matching '['") }
                flush()
                let section = stack.removeLast()
                stack[stack.count - 1].append(.optional(section))
                i += 1
            } else if c == "{" || c == "}" || c == "#" {
                throw fail(i, "'\(c)' is reserved in date/time patterns")
            } else {
                literal.append(c)
                i += 1
            }
        }
        flush()
        // Java closes optional sections left open at the end of the pattern.
        while stack.count > 1 {
            let section = stack.removeLast()
            stack[stack.count - 1].append(.optional(section))
        }
        return stack[0]
    }
}

/// A date/time pattern that could not be compiled.
public struct DateTimePatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern text.
    public var pattern: String
    /// The character offset of the problem in `pattern`.
    public var offset: Int
    /// What is wrong at `offset`, as a phrase.
    public var reason: String

    /// An error in `pattern` at character `offset`, with `reason`.
    public init(pattern: String, offset: Int, reason: String) {
        self.pattern = pattern
        self.offset = offset
        self.reason = reason
    }

    /// A one-line message naming the pattern, the offset and the reason.
    public var description: String { "invalid date/time pattern '\(pattern)' at offset \(offset): \(reason)" }
}
