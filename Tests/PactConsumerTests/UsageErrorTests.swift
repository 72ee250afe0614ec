import Foundation
import PactConsumer
import PactModel
import XCTest

/// Bad declarations become usage errors at the declaring line; the interaction is left out, never written malformed.
final class UsageErrorTests: XCTestCase {
    /// Asserts exactly one usage error, at `line`, whose text contains `fragment`, and that no interaction was kept.
    private func assertSingleError(
        _ result: (some Any, [PactUsageError]), kept: Bool, line: Int, contains fragment: String,
        file: StaticString = #filePath, testLine: UInt = #line
    ) {
        let errors = result.1
        XCTAssertEqual(errors.count, 1, "errors: \(errors)", file: file, line: testLine)
        guard let error = errors.first else { return }
        XCTAssertEqual(error.location.line, UInt(line), "\(error)", file: file, line: testLine)
        XCTAssertEqual("\(error.location.filePath)", "\(file)", file: file, line: testLine)
        XCTAssertTrue(error.description.contains(fragment), "'\(error)' should contain '\(fragment)'", file: file, line: testLine)
        XCTAssertFalse(kept, "the faulty interaction must not be kept", file: file, line: testLine)
    }

    func testEachLikeMinAboveMax() {
        let line = #line + 1
        let result = declaredResponse(["items": .eachLike("x", min: 3, max: 2)])
        assertSingleError(result, kept: result.response != nil, line: line, contains: "min 3 is greater than max 2")
        let count = declaredResponse(["items": .eachLike("x", min: 2, count: 1)])
        XCTAssertTrue(count.errors.first?.reason.contains("count 1 is below min 2") ?? false, "\(count.errors)")
        XCTAssertTrue(declaredResponse(["items": .eachLike("x", min: -1)]).errors.first?.reason.contains("negative") ?? false)
    }

    func testRegexNotMatchingItsExample() {
        let line = #line + 1
        let result = declaredResponse(["lpa": .regex(#"7\d{11}"#, example: "70000000004")])
        assertSingleError(result, kept: result.response != nil, line: line,
                          contains: #"the example '70000000004' does not match the regular expression '7\d{11}'"#)
        let invalid = declaredResponse(["x": .regex("([a-z", example: "a")])
        XCTAssertTrue(invalid.errors.first?.reason.contains("is not a valid regular expression") ?? false, "\(invalid.errors)")
    }

    func testRegexMustMatchTheWholeExample() {
        let result = declaredResponse(["code": .regex(#"\d{3}"#, example: "1234")])
        XCTAssertEqual(result.errors.count, 1)
    }

    func testDateExampleNotMatchingItsFormat() {
        let line = #line + 1
        let result = declaredResponse(["dob": .date("yyyy-MM-dd", example: "05/06/1960")])
        assertSingleError(result, kept: result.response != nil, line: line,
                          contains: "the example '05/06/1960' does not match the date format 'yyyy-MM-dd'")
        XCTAssertTrue(declaredResponse(["t": .time("HH:mm", example: "25:00")]).errors.first?.reason.contains("time format") ?? false)
        XCTAssertTrue(declaredResponse(["d": .datetime("yyyy-qqqqqq", example: "x")]).errors.first?.reason
            .contains("not a valid date/time format") ?? false)
        XCTAssertTrue(declaredResponse(["d": .date(expression: "tomorrow-ish")]).errors.first?.reason
            .contains("not a valid date expression") ?? false)
    }

    func testHeaderMatcherOnANonString() {
        let line = #line + 1
        let result = declaredRequest(.get, "/", headers: ["X-Count": .integer(5)])
        assertSingleError(result, kept: result.request != nil, line: line, contains: "request header 'X-Count'")
        XCTAssertTrue(result.errors.first?.reason.contains("values must be strings") ?? false)
    }

    func testStructuredHeaderValueIsReportedAtTheRequestLine() {
        let pact = PactBuilder(consumer: "c", provider: "p", reporter: CollectingFailureReporter())
        let line = #line + 1
        pact.uponReceiving("x").withRequest(.get, "/", headers: ["X-Info": ["a": "b"]])
        assertSingleError((pact.interactions, pact.usageErrors), kept: !pact.interactions.isEmpty, line: line, contains: "got Map")
    }

    func testErrorPointsAtTheMatcherLineInAMultiLineTemplate() {
        let pact = PactBuilder(consumer: "c", provider: "p", reporter: CollectingFailureReporter())
        pact.uponReceiving("x")
            .withRequest(.get, "/")
            .willRespondWith(body: [
                "fine": .integer(1),
                "bad": .includes("needle", example: "haystack"),
            ])
        let line = #line - 2
        XCTAssertEqual(pact.usageErrors.map(\.location.line), [UInt(line)])
        XCTAssertEqual(pact.usageErrors.first?.part, "response body $.bad")
        XCTAssertEqual(pact.usageErrors.first?.interaction, "x")
        XCTAssertEqual(pact.interactions, [])
    }

    func testV4FeaturesInAV3Pact() {
        let line = #line + 1
        let result = declaredResponse(["v": .semver("1.0.0")], version: .v3)
        assertSingleError(result, kept: result.response != nil, line: line, contains: "semver needs Pact V4.0 or later")
        for value: PactValue in [.notEmpty("x"), .arrayContaining(["x"]), .eachKey(["a": 1], matching: .regex("a", example: "a")),
                                 .eachValue(["a": 1], matching: .integer(1)), .mockServerURL(path: "/x")] {
            XCTAssertEqual(declaredResponse(["v": value], version: .v3).errors.count, 1, "\(value)")
        }
        let statusLine = #line + 1
        let status = declaredResponse(.empty, status: .status(.success, example: 200), version: .v3)
        assertSingleError(status, kept: status.response != nil, line: statusLine, contains: "status class needs Pact V4")

        let pact = PactBuilder(consumer: "c", provider: "p", specVersion: .v3, reporter: CollectingFailureReporter())
        let pendingLine = #line + 1
        pact.uponReceiving("x").withRequest(.get, "/").pending()
        XCTAssertEqual(pact.usageErrors.map(\.location.line), [UInt(pendingLine)])
    }

    func testExamplesThatContradictTheirMatcher() {
        let cases: [(PactValue, String)] = [
            (.includes("needle", example: "haystack"), "does not contain 'needle'"),
            (.semver("1.0"), "not a valid semantic version"),
            (.notEmpty(""), "does not satisfy its own matcher"),
            (.uuid("not-a-uuid"), "is not a UUID"),
            (.fromProviderState("id", example: 1), "names no provider state value"),
            (.fromProviderState("${id", example: 1), "unterminated"),
            (.mockServerURL(regex: ".*/orders/1$", example: "http://x/orders/1"), "needs a capture group"),
            (.mockServerURL(path: "orders"), "must start with '/'"),
            (.eachKey(["EN": "x"], matching: .regex("[a-z]{2}", example: "en")), "the example key 'EN'"),
            (.eachKey(["en": "x"], matching: .integer(1)), "must be a string matcher"),
            (.eachValue(["a": "x"], matching: .integer(1)), "the example value at 'a'"),
            (.eachValue([:], matching: .integer(1)), "non-empty example"),
            (.arrayContaining([]), "at least one variant"),
            (.decimal(digits: 1), "digits must be at least 2"),
        ]
        for (value, fragment) in cases {
            let errors = declaredResponse(["v": value]).errors
            XCTAssertEqual(errors.count, 1, "\(value): \(errors)")
            XCTAssertTrue(errors.first?.description.contains(fragment) ?? false, "'\(errors)' should contain '\(fragment)'")
        }
    }

    func testStatusExampleOutsideItsClass() {
        let line = #line + 1
        let result = declaredResponse(.empty, status: .status(.clientError, example: 200))
        assertSingleError(result, kept: result.response != nil, line: line, contains: "not in the class")
    }

    func testBodyContentTypeConflicts() {
        let pact = PactBuilder(consumer: "c", provider: "p", reporter: CollectingFailureReporter())
        let line = #line + 1
        pact.uponReceiving("x").withRequest(.post, "/", headers: ["Content-Type": "text/plain"], body: ["a": 1])
        assertSingleError((pact.interactions, pact.usageErrors), kept: !pact.interactions.isEmpty, line: line,
                          contains: "a JSON body needs a JSON content type")
        XCTAssertEqual(declaredRequest(headers: ["Content-Type": "application/json"], body: .json(["a": 1], contentType: "application/xml"))
            .errors.count, 2, "conflicting and non-JSON content types")
        XCTAssertEqual(declaredRequest(body: .text(.integer(1))).errors.count, 1)
        XCTAssertEqual(declaredRequest(body: .form(["a": ["b": "c"]])).errors.count, 1)
    }

    func testSecondWithRequestAndEmptyNames() {
        let pact = PactBuilder(consumer: "c", provider: "p", reporter: CollectingFailureReporter())
        let line = #line + 1
        pact.uponReceiving("x").withRequest(.get, "/").withRequest(.get, "/again")
        XCTAssertEqual(pact.usageErrors.map(\.location.line), [UInt(line)])
        XCTAssertTrue(pact.usageErrors.first?.reason.contains("second time") ?? false)

        // V2 is a version HTTP pacts are written in (OlderSpecVersionTests); a message pact needs V3.
        let unnamed = MessagePactBuilder(consumer: "", provider: "p", specVersion: .v2, reporter: CollectingFailureReporter())
        XCTAssertEqual(unnamed.usageErrors.count, 2)
        unnamed.expectsToReceive(" ").withContents(["a": 1])
        XCTAssertEqual(unnamed.usageErrors.count, 3)
    }

    func testQueryValuesWithDifferentMatchersAreRejected() {
        let result = declaredRequest(.get, "/", query: ["id": [.regex(#"\d+"#, example: "1"), .regex("[a-z]+", example: "a")]])
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertTrue(result.errors.first?.reason.contains("different matchers") ?? false, "\(result.errors)")
    }
}
