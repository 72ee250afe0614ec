@testable import CodesService
import XCTest

final class UTCTests: XCTestCase {
    private func instant(_ text: String) throws -> Date { try XCTUnwrap(UTC.parseInstant(text), text) }

    func testAddingCalendarFieldsRollsOverLikeGo() throws {
        XCTAssertEqual(UTC.adding(months: 1, to: try instant("2025-01-31T10:00:00Z")), try instant("2025-03-03T10:00:00Z"))
        XCTAssertEqual(UTC.adding(years: 1, to: try instant("2024-02-29T23:59:59Z")), try instant("2025-03-01T23:59:59Z"))
        XCTAssertEqual(UTC.adding(years: 2, to: try instant("2025-11-11T10:00:00Z")), try instant("2027-11-11T10:00:00Z"))
        XCTAssertEqual(UTC.adding(days: 30, to: try instant("2025-12-15T00:00:01Z")), try instant("2026-01-14T00:00:01Z"))
        XCTAssertEqual(UTC.adding(months: -1, to: try instant("2025-03-31T00:00:00Z")), try instant("2025-03-03T00:00:00Z"))
        XCTAssertEqual(UTC.adding(years: -1, to: try instant("1970-06-01T00:00:00Z")), try instant("1969-06-01T00:00:00Z"))
    }

    func testDatesAndDaysRoundTrip() throws {
        XCTAssertEqual(UTC.dateString(try instant("2025-11-11T23:59:59Z")), "2025-11-11")
        XCTAssertEqual(UTC.dateString(Date(timeIntervalSince1970: -1)), "1969-12-31")
        XCTAssertEqual(UTC.startOfDay(try instant("2025-11-11T10:20:30Z")), try instant("2025-11-11T00:00:00Z"))
        for days in stride(from: Int64(-800_000), to: 800_000, by: 997) {
            XCTAssertEqual(UTC.days(from: UTC.civil(fromDays: days)), days)
        }
    }

    func testOnlyRealCalendarDatesParse() {
        XCTAssertNotNil(UTC.parseDate("2024-02-29"))
        XCTAssertNil(UTC.parseDate("2025-02-29"))
        XCTAssertNil(UTC.parseDate("2025-13-01"))
        XCTAssertNil(UTC.parseDate("2025-04-31"))
        XCTAssertNil(UTC.parseDate("2025-4-30"))
        XCTAssertNil(UTC.parseDate("2025-04-30T00:00:00Z"))
        XCTAssertNil(UTC.parseDate("20250430"))
        XCTAssertNil(UTC.parseInstant("2025-04-30T24:00:00Z"))
    }

    func testHTTPDatesUseTheIMFFixdateForm() {
        XCTAssertEqual(UTC.httpDate(Date(timeIntervalSince1970: 784_111_777)), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(UTC.httpDate(Date(timeIntervalSince1970: 1_762_855_200)), "Tue, 11 Nov 2025 10:00:00 GMT")
    }
}
