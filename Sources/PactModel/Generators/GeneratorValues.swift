import Foundation

extension Generator {
    /// A value for this generator. `current` is the example value from the pact; random choices come from `rng`.
    public func generate<R: RandomNumberGenerator>(
        current: JSONValue?, context: GeneratorContext, using rng: inout R
    ) throws(GeneratorError) -> JSONValue {
        func fail(_ reason: String) -> GeneratorError { GeneratorError(generatorType: typeName, reason: reason) }
        switch self {
        case .randomInt(let min, let max):
            guard min <= max else { throw fail("min \(min) is greater than max \(max)") }
            return .int(Int.random(in: min...max, using: &rng))
        case .randomDecimal(let digits):
            guard digits >= 1 else { throw fail("digits must be at least 1, got \(digits)") }
            return .number(Self.randomDecimal(digits: digits, using: &rng))
        case .randomHexadecimal(let digits):
            guard digits >= 0 else { throw fail("digits must not be negative, got \(digits)") }
            return .string(Self.randomString(from: Array("0123456789abcdef"), count: digits, using: &rng))
        case .randomString(let size):
            guard size >= 0 else { throw fail("size must not be negative, got \(size)") }
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            return .string(Self.randomString(from: alphabet, count: size, using: &rng))
        case .regex(let pattern):
            return .string(try RegexStringGenerator.generate(matching: PactRegex.translated(pattern), using: &rng))
        case .uuid(let format):
            return .string(Self.randomUUID(format: format ?? .lowerCaseHyphenated, using: &rng))
        case .date(let format, let expression):
            return .string(try formatted(format, default: .isoDate, expression: expression, context: context))
        case .time(let format, let expression):
            return .string(try formatted(format, default: .isoTime, expression: expression, context: context))
        case .dateTime(let format, let expression):
            return .string(try formatted(format, default: .generatedDateTime, expression: expression, context: context))
        case .randomBoolean:
            return .bool(Bool.random(using: &rng))
        case .providerState(let expression, let dataType):
            return try ProviderStateExpression.evaluate(expression, dataType: dataType, values: context.providerStateValues)
        case .mockServerURL(let regex, let example):
            guard let url = context.mockServerURL else { throw fail("no mock server URL is available") }
            return .string(try Self.mockServerURL(regex: regex, example: example, url: url))
        }
    }

    /// Whether this generator applies in `mode`: ProviderState only for providers, MockServerURL only for consumers.
    public func applies(in mode: GeneratorMode) -> Bool {
        switch self {
        case .providerState: mode == .provider
        case .mockServerURL: mode == .consumer
        default: true
        }
    }

    private func formatted(
        _ format: String?, default pattern: JavaDateTimePattern, expression: String?, context: GeneratorContext
    ) throws(GeneratorError) -> String {
        let resolved: JavaDateTimePattern
        do {
            // An empty format means none, so the default applies rather than an empty string.
            resolved = try format.flatMap { $0.isEmpty ? nil : $0 }
                .map { f throws(DateTimePatternError) in try JavaDateTimePattern(f) } ?? pattern
        } catch {
            throw GeneratorError(generatorType: typeName, reason: error.description)
        }
        var date = context.now
        if let expression, !expression.isEmpty {
            do {
                date = try DateExpression.evaluate(expression, base: context.now, timeZone: context.timeZone)
            } catch {
                throw GeneratorError(generatorType: typeName, reason: error.description)
            }
        }
        return resolved.format(date, timeZone: context.timeZone)
    }

    static func randomString<R: RandomNumberGenerator>(from alphabet: [Character], count: Int, using rng: inout R) -> String {
        var out = ""
        for _ in 0..<count {
            out.append(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)])
        }
        return out
    }

    /// `digits` significant digits with a decimal point inside them (the first digit is never zero).
    static func randomDecimal<R: RandomNumberGenerator>(digits: Int, using rng: inout R) -> JSONNumber {
        var text = String(Int.random(in: 1...9, using: &rng))
        text += randomString(from: Array("0123456789"), count: digits - 1, using: &rng)
        if digits == 1 {
            text += ".0"
        } else {
            let point = Int.random(in: 1..<digits, using: &rng)
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
        }
        return JSONNumber(literal: text) ?? JSONNumber(1.0)
    }

    /// A version 4 UUID drawn from `rng`.
    static func randomUUID<R: RandomNumberGenerator>(format: UUIDFormat, using rng: inout R) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined()
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        let hyphenated = groups.joined(separator: "-")
        switch format {
        case .simple: return hex
        case .lowerCaseHyphenated: return hyphenated
        case .upperCaseHyphenated: return hyphenated.uppercased()
        case .urn: return "urn:uuid:" + hyphenated
        }
    }

    /// `example` with everything before the first capture group of `regex` replaced by `url`.
    static func mockServerURL(regex: String, example: String, url: String) throws(GeneratorError) -> String {
        func fail(_ reason: String) -> GeneratorError { GeneratorError(generatorType: "MockServerURL", reason: reason) }
        let expression: NSRegularExpression
        do {
            expression = try PactRegex.expression(regex)
        } catch {
            throw fail(error.description)
        }
        let whole = NSRange(example.startIndex..., in: example)
        guard let match = expression.firstMatch(in: example, range: whole) else {
            throw fail("regex '\(regex)' does not match the example '\(example)'")
        }
        guard match.numberOfRanges > 1, let group = Range(match.range(at: 1), in: example) else {
            throw fail("regex '\(regex)' has no capture group matching in '\(example)'")
        }
        let tail = String(example[group.lowerBound...])
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        return tail.hasPrefix("/") ? base + tail : base + "/" + tail
    }
}
