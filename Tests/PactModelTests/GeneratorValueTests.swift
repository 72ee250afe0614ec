import Foundation
import XCTest

@testable import PactModel

/// A small deterministic generator (SplitMix64) so generator tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

final class GeneratorValueTests: XCTestCase {
    /// 2000-01-01T10:00:00Z.
    private let now = Date(timeIntervalSince1970: 946_720_800)
    private var context: GeneratorContext { GeneratorContext(now: now) }

    private func generate(_ generator: Generator, current: JSONValue? = nil, context: GeneratorContext? = nil, seed: UInt64 = 1) throws -> JSONValue {
        var rng = SplitMix64(seed: seed)
        return try generator.generate(current: current, context: context ?? self.context, using: &rng)
    }

    private func fullMatch(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    func testRandomIntStaysInItsInclusiveRangeAndFollowsTheSeed() throws {
        var seen = Set<Int>()
        for seed in 0..<200 as Range<UInt64> {
            let value = try XCTUnwrap(try generate(.randomInt(min: 5, max: 8), seed: seed).intValue)
            XCTAssertTrue((5...8).contains(value))
            seen.insert(value)
        }
        XCTAssertEqual(seen, [5, 6, 7, 8])
        XCTAssertEqual(try generate(.randomInt(min: 0, max: 1000), seed: 42), try generate(.randomInt(min: 0, max: 1000), seed: 42))
        XCTAssertEqual(try generate(.randomInt(min: 3, max: 3)), .int(3))
        XCTAssertThrowsError(try generate(.randomInt(min: 2, max: 1)))
    }

    func testRandomDecimalHasTheRequestedSignificantDigits() throws {
        for digits in [1, 2, 6, 10] {
            for seed in 0..<20 as Range<UInt64> {
                let number = try XCTUnwrap(try generate(.randomDecimal(digits: digits), seed: seed).numberValue)
                XCTAssertFalse(number.isInteger)
                let significant = number.literal.filter(\.isNumber)
                XCTAssertEqual(digits == 1 ? significant.count - 1 : significant.count, digits, number.literal)
                XCTAssertNotEqual(number.literal.first, "0", number.literal)
            }
        }
        XCTAssertThrowsError(try generate(.randomDecimal(digits: 0)))
    }

    func testRandomHexadecimalAndString() throws {
        let hex = try XCTUnwrap(try generate(.randomHexadecimal(digits: 24)).stringValue)
        XCTAssertEqual(hex.count, 24)
        XCTAssertTrue(hex.allSatisfy { "0123456789abcdef".contains($0) })
        let text = try XCTUnwrap(try generate(.randomString(size: 40)).stringValue)
        XCTAssertEqual(text.count, 40)
        XCTAssertTrue(text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        XCTAssertNotEqual(try generate(.randomString(size: 40), seed: 1), try generate(.randomString(size: 40), seed: 2))
        XCTAssertEqual(try generate(.randomString(size: 0)), .string(""))
    }

    func testUUIDFormats() throws {
        let hyphenated = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
        let cases: [(UUIDFormat?, String)] = [
            (nil, hyphenated), (.lowerCaseHyphenated, hyphenated), (.simple, "[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}"),
            (.upperCaseHyphenated, hyphenated.uppercased().replacingOccurrences(of: "{", with: "{")),
            (.urn, "urn:uuid:" + hyphenated),
        ]
        for (format, pattern) in cases {
            let value = try XCTUnwrap(try generate(.uuid(format: format), seed: 7).stringValue)
            let expected = format == .upperCaseHyphenated
                ? "[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}" : pattern
            XCTAssertTrue(fullMatch(expected, value), "\(String(describing: format)): \(value)")
        }
    }

    func testDateTimeGeneratorsUseTheContextClock() throws {
        XCTAssertEqual(try generate(.date(format: nil, expression: nil)), "2000-01-01")
        XCTAssertEqual(try generate(.time(format: nil, expression: nil)), "10:00:00")
        XCTAssertEqual(try generate(.dateTime(format: nil, expression: nil)), "2000-01-01T10:00:00.000+0000")
        XCTAssertEqual(try generate(.date(format: "MM/dd/yyyy", expression: "today + 1 day")), "01/02/2000")
        XCTAssertEqual(try generate(.time(format: "HH:mm", expression: "@ noon + 5 minutes")), "12:05")
        XCTAssertEqual(try generate(.dateTime(format: "yyyy/MM/dd - HH:mm:ss.S", expression: "tomorrow @ midnight")),
                       "2000/01/02 - 00:00:00.0")
        let tokyo = GeneratorContext(now: now, timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .pactUTC)
        XCTAssertEqual(try generate(.dateTime(format: "yyyy-MM-dd'T'HH:mm:ssXXX", expression: nil), context: tokyo),
                       "2000-01-01T19:00:00+09:00")
        XCTAssertThrowsError(try generate(.date(format: "yyyy-bb", expression: nil)))
        XCTAssertThrowsError(try generate(.date(format: nil, expression: "someday")))
    }

    func testRandomBooleanProducesBothValues() throws {
        let values = try (0..<50 as Range<UInt64>).map { try generate(.randomBoolean, seed: $0) }
        XCTAssertEqual(Set(values), [.bool(true), .bool(false)])
    }

    func testProviderStateExpressions() throws {
        let provider = GeneratorContext(mode: .provider, now: now, providerStateValues: ["id": 1234, "name": "Bob", "price": "9.5"])
        XCTAssertEqual(try generate(.providerState(expression: "${id}", dataType: nil), context: provider), .int(1234))
        XCTAssertEqual(try generate(.providerState(expression: "/api/user/${id}", dataType: nil), context: provider), "/api/user/1234")
        XCTAssertEqual(try generate(.providerState(expression: "${name}-${id}", dataType: nil), context: provider), "Bob-1234")
        XCTAssertEqual(try generate(.providerState(expression: "${id}", dataType: "STRING"), context: provider), "1234")
        XCTAssertEqual(try generate(.providerState(expression: "${price}", dataType: "DECIMAL"), context: provider), .double(9.5))
        XCTAssertEqual(try generate(.providerState(expression: "${id}", dataType: "INTEGER"), context: provider), .int(1234))
        XCTAssertEqual(try generate(.providerState(expression: "true", dataType: "BOOLEAN"), context: provider), .bool(true))
        XCTAssertEqual(try generate(.providerState(expression: "${name}", dataType: "RAW"), context: provider), "Bob")
        XCTAssertThrowsError(try generate(.providerState(expression: "${missing}", dataType: nil), context: provider))
        XCTAssertThrowsError(try generate(.providerState(expression: "${name}", dataType: "INTEGER"), context: provider))
        XCTAssertThrowsError(try generate(.providerState(expression: "${id", dataType: nil), context: provider))
    }

    func testMockServerURL() throws {
        let generator = Generator.mockServerURL(regex: ".*\\/(orders\\/\\d+)$", example: "http://localhost:1234/orders/5678")
        let consumer = GeneratorContext(now: now, mockServerURL: "http://127.0.0.1:5555")
        XCTAssertEqual(try generate(generator, context: consumer), "http://127.0.0.1:5555/orders/5678")
        XCTAssertThrowsError(try generate(generator)) { error in
            XCTAssertEqual((error as? GeneratorError)?.generatorType, "MockServerURL")
        }
        let noMatch = Generator.mockServerURL(regex: ".*\\/(items\\/\\d+)$", example: "http://localhost:1234/orders/5678")
        XCTAssertThrowsError(try generate(noMatch, context: consumer))
    }

    func testAppliesByMode() {
        let state = Generator.providerState(expression: "${id}", dataType: nil)
        let url = Generator.mockServerURL(regex: "(.*)", example: "x")
        XCTAssertTrue(state.applies(in: .provider))
        XCTAssertFalse(state.applies(in: .consumer))
        XCTAssertTrue(url.applies(in: .consumer))
        XCTAssertFalse(url.applies(in: .provider))
        XCTAssertTrue(Generator.randomBoolean.applies(in: .consumer) && Generator.randomBoolean.applies(in: .provider))
    }

    func testRegexGeneratorOutputsMatchTheirRegex() throws {
        let patterns = [
            "\\d+", "[a-z]{3,5}", "[A-Z][a-z]*", "(foo|bar|baz)-\\d{2}", "^\\w+@\\w+\\.com$", "[^0-9]{4}", "a?b+c*",
            "\\d{4}-\\d{2}-\\d{2}", "(?:ab|cd){2,}", "(?<year>\\d{4})/x", "[\\d\\-_.]{6}", "\\s\\S\\W\\D", ".{3}",
            "[A-Fa-f0-9]{8}", "\\$\\d+\\.\\d\\d", "colou?r", "\\x41\\u0042", "[]a]", "x{2}?y+?", "\\bword\\b", "a|",
        ]
        for pattern in patterns {
            for seed in 0..<25 as Range<UInt64> {
                var rng = SplitMix64(seed: seed)
                let value = try RegexStringGenerator.generate(matching: pattern, using: &rng)
                XCTAssertTrue(fullMatch(pattern, value), "'\(value)' does not match \(pattern)")
            }
        }
        let regexValue = try XCTUnwrap(try generate(.regex("\\d{3}-[a-z]{2}")).stringValue)
        XCTAssertTrue(fullMatch("\\d{3}-[a-z]{2}", regexValue))
    }

    func testRegexGeneratorRejectsUnsupportedConstructs() {
        for pattern in ["(?=a)b", "(a)\\1", "\\p{L}", "[a-", "(ab", "ab)", "*a", "[z-a]", "[[a]]"] {
            var rng = SplitMix64(seed: 1)
            XCTAssertThrowsError(try RegexStringGenerator.generate(matching: pattern, using: &rng), pattern) { error in
                XCTAssertEqual((error as? GeneratorError)?.generatorType, "Regex")
            }
        }
    }

    func testApplyToBodyReplacesNamedValues() throws {
        var generators = Generators()
        generators[.body] = [
            "$.id": .randomInt(min: 1, max: 9),
            "$.items[*].code": .randomHexadecimal(digits: 4),
            "$.missing.path": .randomBoolean,
            "$.meta.*": .randomString(size: 3),
            "$.user": .providerState(expression: "${user}", dataType: nil),
        ]
        let body: JSONValue = [
            "id": 100, "items": [["code": "x", "keep": 1], ["code": "y"]], "meta": ["a": 1, "b": 2], "user": "u",
        ]
        var rng = SplitMix64(seed: 3)
        let result = try generators.applyToBody(body, context: context, using: &rng)
        let id = try XCTUnwrap(result["id"]?.intValue)
        XCTAssertTrue((1...9).contains(id))
        let items = try XCTUnwrap(result["items"]?.arrayValue)
        for item in items {
            let code = try XCTUnwrap(item["code"]?.stringValue)
            XCTAssertTrue(fullMatch("[0-9a-f]{4}", code), code)
        }
        XCTAssertEqual(items[0]["keep"], 1)
        XCTAssertEqual(result["meta"]?["a"]?.stringValue?.count, 3)
        XCTAssertEqual(result["meta"]?["b"]?.stringValue?.count, 3)
        XCTAssertEqual(result["user"], "u", "ProviderState generators do not apply in consumer mode")
        XCTAssertNil(result["missing"])

        let provider = GeneratorContext(mode: .provider, now: now, providerStateValues: ["user": ["name": "Ann"]])
        var rng2 = SplitMix64(seed: 3)
        let generated = try generators.applyToBody(body, context: provider, using: &rng2)
        XCTAssertEqual(generated["user"], ["name": "Ann"])
    }

    func testApplyToHeadersQueryPathAndStatus() throws {
        var generators = Generators()
        generators[.header] = ["x-request-id": .uuid(format: .simple)]
        generators[.query] = ["page": .randomInt(min: 2, max: 2)]
        generators[.path] = ["": .providerState(expression: "/users/${id}", dataType: nil)]
        generators[.status] = ["": .randomInt(min: 200, max: 204)]
        let provider = GeneratorContext(mode: .provider, now: now, providerStateValues: ["id": 77])
        var rng = SplitMix64(seed: 9)
        let headers = try generators.applyToHeaders(["X-Request-ID": ["a", "b"], "Accept": ["*/*"]], context: provider, using: &rng)
        XCTAssertEqual(headers["Accept"], ["*/*"])
        XCTAssertEqual(headers["X-Request-ID"]?.count, 2)
        XCTAssertTrue(headers["X-Request-ID"]?.allSatisfy { fullMatch("[0-9a-f]{32}", $0) } ?? false)
        let query = try generators.applyToQuery([QueryParameter(name: "page", values: ["1"]), QueryParameter(name: "q", values: [nil])],
                                                context: provider, using: &rng)
        XCTAssertEqual(query, [QueryParameter(name: "page", values: ["2"]), QueryParameter(name: "q", values: [nil])])
        XCTAssertEqual(try generators.applyToPath("/users/1", context: provider, using: &rng), "/users/77")
        XCTAssertEqual(try generators.applyToPath("/users/1", context: context, using: &rng), "/users/1")
        let status = try generators.applyToStatus(500, context: provider, using: &rng)
        XCTAssertTrue((200...204).contains(status))
        generators[.status] = ["": .randomString(size: 3)]
        XCTAssertThrowsError(try generators.applyToStatus(200, context: provider, using: &rng))
    }
}
