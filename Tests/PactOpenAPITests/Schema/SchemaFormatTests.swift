import XCTest

final class SchemaFormatTests: XCTestCase {
    private func valid(_ value: String, _ format: String) -> Bool {
        errors(value, #"{"format":"\#(format)"}"#).isEmpty
    }

    func testDates() {
        XCTAssertTrue(valid(#""2024-02-29""#, "date"))
        XCTAssertFalse(valid(#""2023-02-29""#, "date"), "not a leap year")
        XCTAssertFalse(valid(#""2024-13-01""#, "date"))
        XCTAssertFalse(valid(#""24-01-01""#, "date"))
        XCTAssertEqual(errors(#""01/02/2024""#, #"{"format":"date"}"#), [#"[root]: must match format "date""#])
        XCTAssertTrue(valid(#""2024-01-02T10:20:30Z""#, "date-time"))
        XCTAssertTrue(valid(#""2024-01-02T10:20:30.123+01:00""#, "date-time"))
        XCTAssertFalse(valid(#""2024-01-02T10:20:30""#, "date-time"), "a time zone is required")
        XCTAssertFalse(valid(#""2024-01-02""#, "date-time"))
        XCTAssertTrue(valid(#""10:20:30Z""#, "time"))
        XCTAssertFalse(valid(#""25:20:30Z""#, "time"))
    }

    func testTextFormats() {
        XCTAssertTrue(valid(#""a.b+c@example.com""#, "email"))
        XCTAssertFalse(valid(#""not an email""#, "email"))
        XCTAssertTrue(valid(#""123e4567-e89b-12d3-a456-426614174000""#, "uuid"))
        XCTAssertFalse(valid(#""123e4567-e89b-12d3-a456""#, "uuid"))
        XCTAssertTrue(valid(#""https://example.com/a?b=c""#, "uri"))
        XCTAssertFalse(valid(#""/relative/path""#, "uri"))
        XCTAssertTrue(valid(#""api.example.com""#, "hostname"))
        XCTAssertFalse(valid(#""-bad-.com""#, "hostname"))
        XCTAssertTrue(valid(#""192.168.0.1""#, "ipv4"))
        XCTAssertFalse(valid(#""256.1.1.1""#, "ipv4"))
        XCTAssertTrue(valid(#""::1""#, "ipv6"))
        XCTAssertFalse(valid(#""1::2::3""#, "ipv6"))
        XCTAssertTrue(valid(#""aGVsbG8=""#, "byte"))
        XCTAssertFalse(valid(#""aGVsbG8""#, "byte"))
    }

    func testNumberFormats() {
        XCTAssertTrue(valid("2147483647", "int32"))
        XCTAssertFalse(valid("2147483648", "int32"))
        XCTAssertFalse(valid("1.5", "int32"))
        XCTAssertTrue(valid("9223372036854775807", "int64"))
        XCTAssertFalse(valid("9223372036854775808", "int64"))
        XCTAssertTrue(valid("1.5", "double"))
    }

    func testUnknownFormatsAndFormatsOfOtherTypesPass() {
        XCTAssertTrue(valid(#""anything""#, "password"))
        XCTAssertTrue(valid(#""anything""#, "x-made-up"))
        XCTAssertTrue(valid("12", "date"), "a string format does not apply to a number")
    }
}
