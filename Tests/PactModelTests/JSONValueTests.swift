import Foundation
import XCTest

@testable import PactModel

final class JSONValueTests: XCTestCase {
    func testIntegersAndDecimalsStayApart() throws {
        let value = try JSONParser.parse(#"{"a": 1, "b": 1.0, "c": 1e2}"#)
        XCTAssertEqual(value["a"]?.numberValue?.isInteger, true)
        XCTAssertEqual(value["b"]?.numberValue?.isInteger, false)
        XCTAssertEqual(value["c"]?.numberValue?.isInteger, false)
        XCTAssertNotEqual(value["a"], value["b"])
        XCTAssertEqual(value["a"]?.typeName, "Integer")
        XCTAssertEqual(value["b"]?.typeName, "Decimal")
    }

    func testLargeNumbersKeepTheirDigits() throws {
        let text = #"[9223372036854775807, -9223372036854775808, 123456789012345678901234567890, 0.1000000000000000055511151231257827]"#
        let value = try JSONParser.parse(text)
        XCTAssertEqual(value.arrayValue?[0].numberValue?.int64Value, Int64.max)
        XCTAssertEqual(value.arrayValue?[1].numberValue?.int64Value, Int64.min)
        XCTAssertNil(value.arrayValue?[2].numberValue?.int64Value)
        XCTAssertEqual(JSONWriter.compact(value), text.replacingOccurrences(of: ", ", with: ","))
    }

    func testDistinctLongLiteralsAreNotEqual() throws {
        let a = try JSONParser.parse("123456789012345678901234567890")
        let b = try JSONParser.parse("123456789012345678901234567891")
        XCTAssertNotEqual(a, b)
        let c = try JSONParser.parse("0.12345678901234567890")
        let d = try JSONParser.parse("0.12345678901234567891")
        XCTAssertNotEqual(c, d)
        XCTAssertEqual(try JSONParser.parse("1.50"), try JSONParser.parse("1.5"))
    }

    func testWriterSortsKeysAndIsStable() throws {
        let value: JSONValue = ["b": 1, "a": ["z": true, "y": nil], "c": [1.5, "x"]]
        XCTAssertEqual(JSONWriter.compact(value), #"{"a":{"y":null,"z":true},"b":1,"c":[1.5,"x"]}"#)
        let pretty = JSONWriter.pretty(value)
        XCTAssertTrue(pretty.hasSuffix("}\n"))
        XCTAssertEqual(pretty, JSONWriter.pretty(try JSONParser.parse(pretty)))
        XCTAssertTrue(pretty.contains("\n  \"a\": {\n    \"y\": null,"))
    }

    func testStringsRoundTripWithEscapes() throws {
        let original = "quote \" backslash \\ newline \n tab \t control \u{01} emoji 😀 é"
        let written = JSONWriter.compact(.string(original))
        XCTAssertEqual(try JSONParser.parse(written), .string(original))
        XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00 \u00e9""#), .string("😀 é"))
    }

    func testByteOrderMarkIsSkipped() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(#"{"ok": true}"#.utf8))
        XCTAssertEqual(try JSONParser.parse(data), ["ok": true])
    }

    func testErrorsGiveLineAndColumn() {
        let cases: [(String, Int, Int, String)] = [
            ("{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8, "invalid literal"),
            ("[1, 2", 1, 6, "end of input"),
            ("{\"a\" 1}", 1, 6, "expected ':'"),
            ("[01]", 1, 2, "invalid number"),
            ("\"abc", 1, 1, "unterminated string"),
            ("[1] x", 1, 5, "unexpected text"),
            ("{\"a\":1,}", 1, 8, "expected a string key"),
        ]
        for (text, line, column, reason) in cases {
            do {
                _ = try JSONParser.parse(text)
                XCTFail("\(text) parsed")
            } catch {
                XCTAssertEqual(error.line, line, text)
                XCTAssertEqual(error.column, column, text)
                XCTAssertTrue(error.reason.contains(reason), "\(text): \(error.reason)")
            }
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try JSONParser.parse(text))
    }

    func testLiteralsBuildValues() {
        let value: JSONValue = ["n": 1, "d": 2.5, "s": "x", "b": false, "z": nil, "l": [1]]
        XCTAssertEqual(value["n"]?.intValue, 1)
        XCTAssertEqual(value["d"]?.numberValue?.doubleValue, 2.5)
        XCTAssertEqual(value["s"]?.stringValue, "x")
        XCTAssertEqual(value["b"]?.boolValue, false)
        XCTAssertEqual(value["z"]?.isNull, true)
        XCTAssertEqual(value["l"]?.arrayValue?.count, 1)
    }
}
