@testable import CodesService
import XCTest

final class JSONInputTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONInput { try JSONInputParser.parse(Array(text.utf8)) }

    private func assertRejects(_ text: String, _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(text), file: file, line: line) { error in
            let description = String(describing: error)
            XCTAssertTrue(description.contains(reason), "\(text): \(description)", file: file, line: line)
        }
    }

    func testValuesParseWithTheirTypes() throws {
        let value = try parse(#" {"a": "x\u00e9\ud83d\ude00\n", "b": [1, -2.5e3, true, false, null], "c": {}} "#)
        guard case .object(let members, let keys) = value else { return XCTFail("not an object") }
        XCTAssertEqual(keys, ["a", "b", "c"])
        XCTAssertEqual(members["a"], .string("xé😀\n"))
        XCTAssertEqual(members["b"], .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        XCTAssertEqual(members["c"], .object([:], keys: []))
    }

    func testMalformedInputIsRejectedWithAReason() {
        assertRejects("", "unexpected end")
        assertRejects("{", "expected a string key")
        assertRejects(#"{"a":1,}"#, "expected a string key")
        assertRejects(#"{"a":1 "b":2}"#, "expected ',' or '}'")
        assertRejects(#"{"a":1,"a":2}"#, "duplicate key \"a\"")
        assertRejects("[01]", "expected ',' or ']'")
        assertRejects("1.", "no digits after '.'")
        assertRejects("tru", "invalid literal")
        assertRejects(#""\x""#, "invalid escape")
        assertRejects(#""\ud800""#, "unpaired surrogate")
        assertRejects("\"a\u{1}\"", "control character")
        assertRejects("{} {}", "unexpected text after")
        assertRejects(String(repeating: "[", count: 65) + String(repeating: "]", count: 65), "nesting deeper")
        XCTAssertThrowsError(try JSONInputParser.parse([0x22, 0xFF, 0x22]))
    }

    func testOutputIsCompactOrderedAndEscapedLikeGo() {
        let output = JSONOutput.object([
            ("z", .string("a\"b\\c<>&\u{2028}\n\u{1}")), ("a", .array([.integer(-3), .bool(true), .null])),
            ("codes revoked", .integer(1)),
        ])
        XCTAssertEqual(String(decoding: output.serialized(), as: UTF8.self),
                       #"{"z":"a\"b\\c\u003c\u003e\u0026\u2028\n\u0001","a":[-3,true,null],"codes revoked":1}"#)
    }
}
