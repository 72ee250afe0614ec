import Foundation
import PactMatching
import PactModel
import XCTest

/// Multipart bodies are matched part by part (pact-reference `match_mime_multipart`), not byte for byte.
final class MultipartBodyMatchingTests: XCTestCase {
    private func formData(boundary: String, _ parts: [(headers: [String], body: String)]) -> Data {
        var text = ""
        for part in parts {
            text += "--\(boundary)\r\n" + part.headers.map { $0 + "\r\n" }.joined() + "\r\n" + part.body + "\r\n"
        }
        return Data((text + "--\(boundary)--\r\n").utf8)
    }

    private func match(
        _ expected: Data, boundary expectedBoundary: String, _ actual: Data, boundary actualBoundary: String,
        subtype: String = "form-data", rules: MatchingRules = MatchingRules()
    ) -> [Mismatch] {
        let expectedType = "multipart/\(subtype); boundary=\(expectedBoundary)"
        let actualType = "multipart/\(subtype); boundary=\(actualBoundary)"
        return BodyMatching.match(
            expected: .binary(expected, contentType: ContentType(expectedType)), actual: .binary(actual, contentType: ContentType(actualType)),
            expectedHeaders: ["Content-Type": [expectedType]], actualHeaders: ["Content-Type": [actualType]], rules: rules,
            allowUnexpectedKeys: false, version: .v4)
    }

    private let fieldHeader = #"Content-Disposition: form-data; name="name""#
    private let fileHeaders = [#"Content-Disposition: form-data; name="data"; filename="data.json""#, "Content-Type: application/json"]

    func testDifferentBoundariesWithEqualPartsMatch() {
        let expected = formData(boundary: "AaB03x", [([fieldHeader], "Mary"), (fileHeaders, #"{"id": 1, "tags": ["a"]}"#)])
        let actual = formData(boundary: "----client-7d91", [([fieldHeader], "Mary"), (fileHeaders, #"{"tags":["a"],"id":1}"#)])
        XCTAssertEqual(match(expected, boundary: "AaB03x", actual, boundary: "----client-7d91"), [])
    }

    func testEachPartIsMatchedByItsContentTypeWithTheRulesUnderItsPath() {
        var rules = MatchingRules()
        rules.add(.integer, category: .body, key: "$.data.id")
        rules.add(.regex("[A-Z][a-z]+"), category: .body, key: "$.name")
        let expected = formData(boundary: "e", [([fieldHeader], "Mary"), (fileHeaders, #"{"id": 1}"#)])
        let good = formData(boundary: "a", [([fieldHeader], "Fred"), (fileHeaders, #"{"id": 42}"#)])
        XCTAssertEqual(match(expected, boundary: "e", good, boundary: "a", rules: rules), [])
        let bad = formData(boundary: "a", [([fieldHeader], "fred"), (fileHeaders, #"{"id": "42"}"#)])
        let mismatches = match(expected, boundary: "e", bad, boundary: "a", rules: rules)
        XCTAssertEqual(mismatches.map(\.message), [
            "Expected 'fred' to match '[A-Z][a-z]+'",
            "MIME part 'data': Expected '42' (String) to be an integer",
        ])
        XCTAssertEqual(mismatches.map(\.path), ["$.name", "$.id"])
    }

    func testFieldsDifferingOrMissingAreNamed() {
        let expected = formData(boundary: "e", [([fieldHeader], "Mary"), (fileHeaders, "{}")])
        let actual = formData(boundary: "a", [([fieldHeader], "Fred")])
        XCTAssertEqual(match(expected, boundary: "e", actual, boundary: "a").map(\.message), [
            "MIME part 'name': Expected 'Fred' to be equal to 'Mary'",
            "Expected a MIME part 'data' but was missing",
        ])
    }

    func testPartHeadersAreCompared() {
        let expected = formData(boundary: "e", [([fieldHeader, "X-Part: 1"], "Mary")])
        let actual = formData(boundary: "a", [([fieldHeader, "X-Part: 2"], "Mary")])
        XCTAssertEqual(match(expected, boundary: "e", actual, boundary: "a").map(\.message),
                       ["MIME part 'name': header 'x-part': Expected '2' to be equal to '1'"])
        let without = formData(boundary: "a", [([fieldHeader], "Mary")])
        XCTAssertEqual(match(expected, boundary: "e", without, boundary: "a").map(\.message),
                       ["MIME part 'name': Expected multipart header 'x-part' with value '1' but was missing"])
    }

    func testAFilePartOfAnotherTypeIsReportedOnce() {
        let expected = formData(boundary: "e", [(fileHeaders, #"{"id": 1}"#)])
        let actual = formData(boundary: "a", [([fileHeaders[0], "Content-Type: text/plain"], "id=1")])
        XCTAssertEqual(match(expected, boundary: "e", actual, boundary: "a").map(\.message),
                       ["MIME part 'data': Expected a body of 'application/json' but the actual content type was 'text/plain'"])
        let charset = formData(boundary: "a", [([fileHeaders[0], "Content-Type: application/json; charset=utf-8"], #"{"id": 1}"#)])
        XCTAssertEqual(match(expected, boundary: "e", charset, boundary: "a"), [])
    }

    /// The compatibility suite's `multipart-body.xml` and `multipart2-body.xml` (MIT, Pact Foundation): unnamed
    /// `multipart/mixed` parts are found by position; the second is base64 and differs.
    func testMultipartMixedPartsAreFoundByPosition() {
        let boundary = "gc0p4Jq0M2Yt08jU534c0p"
        func body(_ base64: String, boundary: String) -> Data {
            formData(boundary: boundary, [(["Content-Type: text/plain"], "This is the body of the message."),
                                          (["Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64"], base64)])
        }
        let html = "PGh0bWw+CiAgPGhlYWQ+CiAgPC9oZWFkPgogIDxib2R5PgogICAgPHA+VGhpcyBpcyB0aGUgYm9keSBvZiB0aGUgbWVzc2FnZS48L3A+CiAgPC9ib2R5Pgo8L2h0bWw+Cg=="
        let json = "ewogICAgImJvZHkiOiAiVGhpcyBpcyB0aGUgYm9keSBvZiB0aGUgbWVzc2FnZS4iCn0="
        XCTAssertEqual(match(body(html, boundary: boundary), boundary: boundary, body(html, boundary: "other"), boundary: "other",
                             subtype: "mixed"), [])
        let mismatches = match(body(html, boundary: boundary), boundary: boundary, body(json, boundary: boundary), boundary: boundary,
                               subtype: "mixed")
        XCTAssertEqual(mismatches.count, 1)
        XCTAssertTrue(mismatches.first?.message.hasPrefix("MIME part '1': Actual body [application/octet-stream, 50 bytes, starting with 7b0a") == true,
                      mismatches.first?.message ?? "")
    }

    func testABodyThatIsNotMultipartSaysWhy() {
        let expected = formData(boundary: "e", [([fieldHeader], "Mary")])
        XCTAssertEqual(match(expected, boundary: "e", Data("plain".utf8), boundary: "a").map(\.message),
                       ["Failed to parse the actual body as a MIME multipart body: 'no multipart boundary 'a' found'"])
    }
}
