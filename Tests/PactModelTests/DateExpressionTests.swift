import Foundation
import XCTest

@testable import PactModel

final class DateExpressionTests: XCTestCase {
    /// 2000-01-01T10:00:00Z, a Saturday: the base used by pact-reference's own tests.
    private let base = Date(timeIntervalSince1970: 946_720_800)
    private let pattern = (try? JavaDateTimePattern("yyyy-MM-dd'T'HH:mm:ss.SSS")) ?? .isoDateTime

    private func evaluate(_ expression: String, zone: TimeZone = .pactUTC) throws -> String {
        pattern.format(try DateExpression.evaluate(expression, base: base, timeZone: zone), timeZone: zone)
    }

    func testBaseIsTheDocumentedInstant() {
        XCTAssertEqual(pattern.format(base), "2000-01-01T10:00:00.000")
    }

    func testDateExpressions() throws {
        let cases: [(String, String)] = [
            ("", "2000-01-01T10:00:00.000"),
            ("now", "2000-01-01T10:00:00.000"),
            ("today", "2000-01-01T10:00:00.000"),
            ("yesterday", "1999-12-31T10:00:00.000"),
            ("tomorrow", "2000-01-02T10:00:00.000"),
            ("+ 1 day", "2000-01-02T10:00:00.000"),
            ("today + 1 day", "2000-01-02T10:00:00.000"),
            ("+ 1 week", "2000-01-08T10:00:00.000"),
            ("- 2 weeks", "1999-12-18T10:00:00.000"),
            ("+ 4 years", "2004-01-01T10:00:00.000"),
            ("tomorrow+ 4 years", "2004-01-02T10:00:00.000"),
            ("next week", "2000-01-08T10:00:00.000"),
            ("last month", "1999-12-01T10:00:00.000"),
            ("next fortnight", "2000-01-15T10:00:00.000"),
            ("next monday", "2000-01-03T10:00:00.000"),
            ("last wednesday", "1999-12-29T10:00:00.000"),
            ("next mon", "2000-01-03T10:00:00.000"),
            ("next saturday", "2000-01-08T10:00:00.000"),
            ("last december", "1999-12-01T10:00:00.000"),
            ("next jan", "2001-01-01T10:00:00.000"),
            ("next june + 2 weeks", "2000-06-15T10:00:00.000"),
            ("last mon + 2 weeks", "2000-01-10T10:00:00.000"),
            ("+ 1 day - 2 weeks", "1999-12-19T10:00:00.000"),
            ("last december + 2 weeks + 4 days", "1999-12-19T10:00:00.000"),
            ("Tomorrow + 3 Months", "2000-04-02T10:00:00.000"),
            ("now - 2 hours", "2000-01-01T08:00:00.000"),
            ("today + 90 minutes", "2000-01-01T11:30:00.000"),
        ]
        for (expression, expected) in cases {
            XCTAssertEqual(try evaluate(expression), expected, expression)
        }
    }

    func testTimeExpressions() throws {
        let cases: [(String, String)] = [
            ("@ now", "2000-01-01T10:00:00.000"),
            ("@ midnight", "2000-01-01T00:00:00.000"),
            ("@ noon", "2000-01-01T12:00:00.000"),
            ("@ 2 o'clock", "2000-01-01T14:00:00.000"),
            ("@ 12 o'clock am", "2000-01-01T12:00:00.000"),
            ("@ 1 o'clock am", "2000-01-01T01:00:00.000"),
            ("@ 1 o'clock pm", "2000-01-01T13:00:00.000"),
            ("@ + 1 hour", "2000-01-01T11:00:00.000"),
            ("@ - 2 minutes", "2000-01-01T09:58:00.000"),
            ("@ + 4 seconds", "2000-01-01T10:00:04.000"),
            ("@ + 4 milliseconds", "2000-01-01T10:00:00.004"),
            ("@ midnight+ 4 minutes", "2000-01-01T00:04:00.000"),
            ("@ next hour", "2000-01-01T11:00:00.000"),
            ("@ last minute", "2000-01-01T09:59:00.000"),
            ("@ now + 2 hours - 4 minutes", "2000-01-01T11:56:00.000"),
            ("@  + 2 hours - 4 minutes", "2000-01-01T11:56:00.000"),
        ]
        for (expression, expected) in cases {
            XCTAssertEqual(try evaluate(expression), expected, expression)
        }
    }

    func testDateTimeExpressions() throws {
        let cases: [(String, String)] = [
            ("today @ 1 o'clock", "2000-01-01T13:00:00.000"),
            ("today @ midnight", "2000-01-01T00:00:00.000"),
            ("yesterday @ midnight", "1999-12-31T00:00:00.000"),
            ("yesterday @ midnight - 1 hour", "1999-12-30T23:00:00.000"),
            ("tomorrow @ now", "2000-01-02T10:00:00.000"),
            ("+ 1 day @ noon", "2000-01-02T12:00:00.000"),
            ("+ 1 week @ +1 hour", "2000-01-08T11:00:00.000"),
            ("- 2 weeks @ now + 1 hour", "1999-12-18T11:00:00.000"),
            ("+ 4 years @ midnight", "2004-01-01T00:00:00.000"),
            ("tomorrow+ 4 years @ 3 o'clock + 40 milliseconds", "2004-01-02T15:00:00.040"),
            ("next week @ next hour", "2000-01-08T11:00:00.000"),
            ("last month @ last hour", "1999-12-01T09:00:00.000"),
            ("+ 3 days @ 10 o'clock", "2000-01-04T22:00:00.000"),
            ("now + 1 hour @ noon", "2000-01-01T12:00:00.000"),
        ]
        for (expression, expected) in cases {
            XCTAssertEqual(try evaluate(expression), expected, expression)
        }
    }

    func testMonthArithmeticClampsToTheEndOfShorterMonths() throws {
        let january31 = Date(timeIntervalSince1970: 949_312_800)  // 2000-01-31T10:00Z
        let result = try DateExpression.evaluate("+ 1 month", base: january31)
        XCTAssertEqual(pattern.format(result), "2000-02-29T10:00:00.000")
    }

    func testUsesTheGivenTimeZone() throws {
        let tokyo = try XCTUnwrap(TimeZone(identifier: "Asia/Tokyo"))
        // 10:00Z is 19:00 in Tokyo, so midnight is Tokyo's midnight.
        XCTAssertEqual(try evaluate("@ midnight", zone: tokyo), "2000-01-01T00:00:00.000")
        let instant = try DateExpression.evaluate("@ midnight", base: base, timeZone: tokyo)
        XCTAssertEqual(pattern.format(instant), "1999-12-31T15:00:00.000")
    }

    func testReportsErrorsWithOffsets() {
        let cases: [(String, Int)] = [
            ("today + 1 fortnite", 10), ("+ day", 2), ("tomorrow!", 8), ("@ 13 o'clock", 2), ("@ 2 hours", 4),
            ("@ + 1 day", 6), ("sometime", 0),
        ]
        for (expression, offset) in cases {
            XCTAssertThrowsError(try DateExpression.evaluate(expression, base: base), expression) { error in
                XCTAssertEqual((error as? DateExpressionError)?.offset, offset, "\(expression): \(error)")
            }
        }
    }
}
