import Foundation
import XCTest

@testable import PactModel

/// Generator behaviour that follows pact-reference where the specification is silent (issue 13): generators create
/// the headers and query parameters an example lacks, and date/time generators without a format use the reference's
/// defaults. The scenarios are those of the Pact compatibility suite (V3 `http_generators.feature`,
/// `generators.feature`).
final class GeneratorReferenceBehaviourTests: XCTestCase {
    /// 2000-01-01T10:00:00Z.
    private let now = Date(timeIntervalSince1970: 946_720_800)

    private func fullMatch(_ pattern: String, _ text: String?) -> Bool {
        guard let text, let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$") else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private func generators(_ category: GeneratorCategoryName, _ key: String, _ generator: Generator) -> Generators {
        var generators = Generators()
        generators[category] = [key: generator]
        return generators
    }

    // MARK: Absent headers and query parameters

    func testRequestHeaderGeneratorCreatesAMissingHeaderInProviderMode() throws {
        let generators = generators(.header, "X-TEST", .randomInt(min: 1, max: 10))
        var rng = SplitMix64(seed: 1)
        let provider = GeneratorContext(mode: .provider, now: now)
        let headers = try generators.applyToHeaders(["Accept": ["*/*"]], context: provider, using: &rng)
        XCTAssertEqual(headers["Accept"], ["*/*"])
        XCTAssertEqual(headers["X-TEST"]?.count, 1)
        XCTAssertTrue(fullMatch(#"\d+"#, headers["X-TEST"]?.first), "\(headers)")
        let fromNothing = try generators.applyToHeaders([:], context: provider, using: &rng)
        XCTAssertTrue(fullMatch(#"\d+"#, fromNothing["X-TEST"]?.first), "\(fromNothing)")
    }

    func testResponseHeaderGeneratorCreatesAMissingHeaderInConsumerMode() throws {
        let generators = generators(.header, "X-TEST", .randomInt(min: 1, max: 10))
        var rng = SplitMix64(seed: 2)
        let headers = try generators.applyToHeaders([:], context: GeneratorContext(mode: .consumer, now: now), using: &rng)
        XCTAssertTrue(fullMatch(#"\d+"#, headers["X-TEST"]?.first), "\(headers)")
    }

    func testAPresentHeaderKeepsItsSpellingAndEveryValueIsGenerated() throws {
        let generators = generators(.header, "x-test", .regex("[a-z]{3}"))
        var rng = SplitMix64(seed: 3)
        let headers = try generators.applyToHeaders(["X-Test": ["1", "2"]], context: GeneratorContext(now: now), using: &rng)
        XCTAssertEqual(Array(headers.keys), ["X-Test"], "no second spelling is added")
        XCTAssertEqual(headers["X-Test"]?.count, 2)
        XCTAssertTrue(headers["X-Test"]?.allSatisfy { fullMatch("[a-z]{3}", $0) } ?? false)
    }

    func testQueryGeneratorCreatesAMissingParameterAndAMissingQuery() throws {
        let generators = generators(.query, "v1", .randomInt(min: 1, max: 10))
        var rng = SplitMix64(seed: 4)
        let provider = GeneratorContext(mode: .provider, now: now)
        let created = try XCTUnwrap(try generators.applyToQuery(nil, context: provider, using: &rng))
        XCTAssertEqual(created.map(\.name), ["v1"])
        XCTAssertTrue(fullMatch(#"\d+"#, created.first?.values.first ?? nil), "\(created)")
        let added = try XCTUnwrap(try generators.applyToQuery([QueryParameter(name: "a", values: ["1"])], context: provider, using: &rng))
        XCTAssertEqual(added.map(\.name), ["a", "v1"])
        XCTAssertEqual(added.first?.values, ["1"])
    }

    func testGeneratorsThatDoNotApplyInTheModeCreateNothing() throws {
        let generators = generators(.header, "X-URL", .mockServerURL(regex: ".*(/a)$", example: "http://x/a"))
        var rng = SplitMix64(seed: 5)
        let headers = try generators.applyToHeaders([:], context: GeneratorContext(mode: .provider, now: now), using: &rng)
        XCTAssertEqual(headers, [:])
    }

    // MARK: Date and time defaults

    func testDateTimeWithoutAFormatIsISO8601WithMillisecondsAndOffset() throws {
        var rng = SplitMix64(seed: 6)
        let value = try Generator.dateTime(format: nil, expression: nil)
            .generate(current: nil, context: GeneratorContext(now: now.addingTimeInterval(0.25)), using: &rng)
        XCTAssertEqual(value, "2000-01-01T10:00:00.250+0000")
        let tokyo = GeneratorContext(now: now, timeZone: try XCTUnwrap(TimeZone(identifier: "Asia/Tokyo")))
        XCTAssertEqual(try Generator.dateTime(format: nil, expression: nil).generate(current: nil, context: tokyo, using: &rng),
                       "2000-01-01T19:00:00.000+0900")
        XCTAssertEqual(try Generator.dateTime(format: "", expression: nil).generate(current: nil, context: tokyo, using: &rng),
                       "2000-01-01T19:00:00.000+0900", "an empty format is no format")
    }

    func testDateAndTimeWithoutAFormatFollowTheReference() throws {
        var rng = SplitMix64(seed: 7)
        let context = GeneratorContext(now: now)
        XCTAssertEqual(try Generator.date(format: nil, expression: nil).generate(current: nil, context: context, using: &rng),
                       "2000-01-01")
        XCTAssertEqual(try Generator.time(format: nil, expression: nil).generate(current: nil, context: context, using: &rng),
                       "10:00:00")
    }
}
