import Foundation
import PactModel

extension PactValue {
    /// A string matching the regular expression `pattern` as a whole; `example` must match it. With `generate`, the
    /// mock provider serves a fresh string generated from the pattern.
    public static func regex(
        _ pattern: String, example: String, generate: Bool = false,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("regex", rules: [.regex(pattern)], example: .init(example), generator: generate ? .regex(pattern) : nil,
                since: .v2, at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            regexFailure(pattern, example)
        }
    }

    /// An integer (any value), served as `example`.
    public static func integer(
        _ example: Int,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("integer", rules: [.integer], example: .init(example), since: .v3,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// An integer; the mock provider serves a random one from `range` (the pact's example is its lower bound).
    public static func integer(
        in range: ClosedRange<Int>,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("integer", rules: [.integer], example: .init(range.lowerBound),
                generator: .randomInt(min: range.lowerBound, max: range.upperBound), since: .v3,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A number with a fractional part, served as `example`.
    public static func decimal(
        _ example: Double,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("decimal", rules: [.decimal], example: .init(example), since: .v3,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            example.isFinite ? nil : "the example must be a finite number, got \(example)"
        }
    }

    /// A decimal; the mock provider serves a random one with `digits` digits.
    public static func decimal(
        digits: Int,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        guard digits >= 2 else { return invalid("decimal", "digits must be at least 2, got \(digits)", at: location) }
        // A deterministic example with the requested number of digits: 1.2345…
        let digitText = String(String(repeating: "1234567890", count: digits / 10 + 1).prefix(digits))
        let literal = "\(digitText.prefix(1)).\(digitText.dropFirst())"
        let example = JSONNumber(literal: literal).map { PactValue(.number($0)) } ?? PactValue(1.5)
        return matcher("decimal", rules: [.decimal], example: example, generator: .randomDecimal(digits: digits),
                       since: .v3, at: location)
    }

    /// Any number, served as `example`.
    public static func number(
        _ example: Double,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("number", rules: [.number], example: .init(example), since: .v3,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            example.isFinite ? nil : "the example must be a finite number, got \(example)"
        }
    }

    /// Any number, served as the integer `example`.
    public static func number(
        _ example: Int,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("number", rules: [.number], example: .init(example), since: .v3,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A boolean, served as `example`, or at random with `generate`.
    public static func boolean(
        _ example: Bool = true, generate: Bool = false,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("boolean", rules: [.boolean], example: .init(example), generator: generate ? .randomBoolean : nil,
                since: .v3, at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Any string, served as `example`.
    public static func string(
        _ example: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("string", rules: [.type], example: .init(example), since: .v2,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// Any string; the mock provider serves a random alphanumeric one of `size` characters.
    public static func randomString(
        size: Int = 20,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        guard size >= 0 else { return invalid("randomString", "size must not be negative, got \(size)", at: location) }
        let example = String(String(repeating: "abcdefghij", count: size / 10 + 1).prefix(size))
        return matcher("randomString", rules: [.type], example: .init(example), generator: .randomString(size: size),
                       since: .v3, at: location)
    }

    /// A hexadecimal string, served as `example`, or generated with `digits` digits when no example is given.
    public static func hexadecimal(
        _ example: String? = nil, digits: Int = 10,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let pattern = "[0-9a-fA-F]+"
        guard let example else {
            guard digits >= 1 else { return invalid("hexadecimal", "digits must be at least 1, got \(digits)", at: location) }
            let text = String(String(repeating: "3f9a0c5e7b", count: digits / 10 + 1).prefix(digits))
            return matcher("hexadecimal", rules: [.regex(pattern)], example: .init(text),
                           generator: .randomHexadecimal(digits: digits), since: .v3, at: location)
        }
        return matcher("hexadecimal", rules: [.regex(pattern)], example: .init(example), since: .v2, at: location) {
            regexFailure(pattern, example)
        }
    }

    /// A string containing `substring`; served as `example` (default: the substring itself).
    public static func includes(
        _ substring: String, example: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let example = example ?? substring
        return matcher("includes", rules: [.include(substring)], example: .init(example), since: .v3,
                       at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            example.contains(substring) ? nil : "the example '\(example)' does not contain '\(substring)'"
        }
    }

    /// JSON `null` and nothing else.
    public static func null(
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("null", rules: [.null], example: nil, since: .v3,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
    }

    /// A UUID string (`8-4-4-4-12` hex digits). Without an example, the mock provider serves a random UUID.
    public static func uuid(
        _ example: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        let pattern = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
        let text = example ?? "e2490de5-5bd3-43d5-b7c4-526e33f71304"
        return matcher("uuid", rules: [.regex(pattern)], example: .init(text),
                       generator: example == nil ? .uuid(format: .lowerCaseHyphenated) : nil, since: .v2, at: location) {
            regexFailure(pattern, text).map { _ in "the example '\(text)' is not a UUID" }
        }
    }

    /// A semantic version such as `1.2.3`. Pact V4.
    public static func semver(
        _ example: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> PactValue {
        matcher("semver", rules: [.semver], example: .init(example), since: .v4,
                at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)) {
            exampleFailure(of: .semver, .string(example))
        }
    }

    /// Why `pattern` is unusable or does not match all of `example`; nil when it does.
    static func regexFailure(_ pattern: String, _ example: String) -> String? {
        if let error = PactRegex.compileError(pattern) { return error }
        return exampleFailure(of: .regex(pattern), .string(example))
            .map { _ in "the example '\(example)' does not match the regular expression '\(pattern)' (as a whole)" }
    }
}
