import Foundation
import PactMatching
import PactModel
import XCTest

final class BodyMatchingTests: XCTestCase {
    private func match(
        _ expected: Body, _ actual: Body, expectedHeaders: Headers = [:], actualHeaders: Headers = [:],
        rules: MatchingRules = MatchingRules(), request: Bool = false
    ) -> [Mismatch] {
        BodyMatching.match(expected: expected, actual: actual, expectedHeaders: expectedHeaders, actualHeaders: actualHeaders,
                           rules: rules, allowUnexpectedKeys: !request, version: .v4)
    }

    private let json: Headers = ["Content-Type": ["application/json"]]

    // MARK: Missing, null and empty

    func testMissingExpectedBodyIsNotChecked() {
        XCTAssertEqual(match(.missing, .json(["a": 1], contentType: .json)), [])
        XCTAssertEqual(match(.missing, .text("anything", contentType: .plainText)), [])
    }

    func testEmptyOrNullExpectedBodyNeedsAnEmptyActualBody() {
        XCTAssertEqual(match(.null, .missing), [])
        XCTAssertEqual(match(.empty, .missing), [])
        XCTAssertEqual(match(.empty, .text("", contentType: .json)), [])
        XCTAssertEqual(match(.null, .null), [])
        let mismatches = match(.null, .json(["a": 1], contentType: .json))
        XCTAssertEqual(mismatches.map(\.message), [#"Expected empty body but received '{"a":1}'"#])
        XCTAssertEqual(mismatches.first?.kind, .body)
    }

    func testPresentExpectedBodyNeedsAnActualBody() {
        let missing = match(.text("alligator named mary", contentType: .plainText), .missing)
        XCTAssertEqual(missing.map(\.message), ["Expected body 'alligator named mary' but was missing"])
        let empty = match(.json(["a": 1], contentType: .json), .empty)
        XCTAssertEqual(empty.map(\.message), [#"Expected body '{"a":1}' but was empty"#])
    }

    // MARK: Content types

    func testDifferentContentTypesFail() {
        let mismatches = match(.json(["a": 1], contentType: .json), .text("<a/>", contentType: .xml),
                               expectedHeaders: json, actualHeaders: ["Content-Type": ["application/xml"]])
        XCTAssertEqual(mismatches, [Mismatch(kind: .bodyType, path: "$", expected: "application/json", actual: "application/xml",
                                             message: "Expected a body of 'application/json' but the actual content type was 'application/xml'")])
    }

    func testJSONFamilyTypesAreEquivalent() {
        XCTAssertEqual(match(.json(["a": 1], contentType: .json), .text(#"{"a":1}"#, contentType: nil),
                             expectedHeaders: json, actualHeaders: ["Content-Type": ["application/hal+json; charset=utf-8"]]), [])
    }

    func testActualJSONTextIsParsed() {
        XCTAssertEqual(match(.json(["a": 1], contentType: .json), .binary(Data(#"{"a": 1, "b": 2}"#.utf8), contentType: nil),
                             actualHeaders: json), [])
        let mismatches = match(.json(["a": 1], contentType: .json), .text("{not json", contentType: .json))
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertTrue(mismatches.first?.message.hasPrefix("Failed to parse the actual body: '") == true)
    }

    func testContentTypeIsDetectedWhenNoneIsGiven() {
        // Sniffed as JSON on both sides, so compared as JSON (key order does not matter).
        XCTAssertEqual(match(.text(#"{"a":1,"b":2}"#, contentType: nil), .text(#"{"b":2,"a":1}"#, contentType: nil)), [])
        let mismatches = match(.text(#"{"a":1}"#, contentType: nil), .text("<a/>", contentType: nil))
        XCTAssertEqual(mismatches.map(\.kind), [.bodyType])
    }

    func testRequestBodiesAreStrictAndResponseBodiesLenient() {
        let expected = Body.json(["a": 1], contentType: .json)
        let actual = Body.json(["a": 1, "b": 2], contentType: .json)
        XCTAssertEqual(match(expected, actual), [])
        XCTAssertEqual(match(expected, actual, request: true).map(\.message),
                       ["Expected a Map with keys [a] but received one with keys [a, b]"])
    }

    func testBodyRulesComeFromTheBodyCategory() {
        var rules = MatchingRules()
        rules.add(.type, category: .body, key: "$.a")
        XCTAssertEqual(match(.json(["a": 1], contentType: .json), .json(["a": 2], contentType: .json), rules: rules), [])
    }

    // MARK: Text and bytes

    func testPlainTextIsComparedByEquality() {
        XCTAssertEqual(match(.text("mary", contentType: .plainText), .text("mary", contentType: .plainText)), [])
        XCTAssertEqual(match(.text("alligator named mary", contentType: .plainText), .text("alligator named fred", contentType: .plainText))
            .map(\.message),
                       ["Expected body 'alligator named mary' to match 'alligator named fred' using equality but did not match"])
    }

    func testRegexOnTheRootMatchesPlainText() {
        var rules = MatchingRules()
        rules.add(.regex("alligator named .{4}"), category: .body, key: "$")
        let expected = Body.text("alligator named mary", contentType: .plainText)
        XCTAssertEqual(match(expected, .text("alligator named fred", contentType: .plainText), rules: rules), [])
        XCTAssertEqual(match(expected, .text("alligator named brent", contentType: .plainText), rules: rules).map(\.message),
                       ["Expected 'alligator named brent' to match 'alligator named .{4}'"])
    }

    func testBytesAreComparedByValue() {
        let jpeg = ContentType(type: "image", subtype: "jpeg")
        let expected = Body.binary(Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]), contentType: jpeg)
        XCTAssertEqual(match(expected, .binary(Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]), contentType: jpeg)), [])
        let mismatches = match(expected, .binary(Data([0xFF, 0xD8, 0xFF, 0xE0, 9]), contentType: jpeg))
        XCTAssertEqual(mismatches.map(\.message), [
            "Actual body [image/jpeg, 5 bytes, starting with ffd8ffe009] is not equal to the expected body "
                + "[image/jpeg, 6 bytes, starting with ffd8ffe00102]",
        ])
    }

    func testContentTypeRuleOnBytes() {
        var rules = MatchingRules()
        rules.add(.contentType("image/png"), category: .body, key: "$")
        let png = ContentType(type: "image", subtype: "png")
        let pngBytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 9, 9])
        let expected = Body.binary(pngBytes, contentType: png)
        XCTAssertEqual(match(expected, .binary(pngBytes + Data([1, 2, 3]), contentType: png), rules: rules), [])
        let other = match(expected, .binary(Data("just some text".utf8), contentType: png), rules: rules)
        XCTAssertEqual(other.map(\.message),
                       ["Expected binary contents to have content type 'image/png' but detected contents was 'text/plain'"])
    }
}
