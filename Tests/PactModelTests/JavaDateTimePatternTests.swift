import Foundation
import XCTest

@testable import PactModel

final class JavaDateTimePatternTests: XCTestCase {
    /// 2015-06-10T20:41:37.123456Z, a Wednesday, day 161 of the year (a Date holds about microsecond precision).
    private let sample: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let whole = calendar.date(from: DateComponents(year: 2015, month: 6, day: 10, hour: 20, minute: 41, second: 37))
        return (whole ?? Date(timeIntervalSince1970: 0)).addingTimeInterval(0.123456)
    }()

    private func format(_ pattern: String, _ zone: TimeZone = .pactUTC) throws -> String {
        try JavaDateTimePattern(pattern).format(sample, timeZone: zone)
    }

    private func matches(_ pattern: String, _ text: String) throws -> Bool {
        try JavaDateTimePattern(pattern).matches(text)
    }

    func testFormatsNumericFields() throws {
        XCTAssertEqual(try format("yyyy-MM-dd'T'HH:mm:ss"), "2015-06-10T20:41:37")
        XCTAssertEqual(try format("yy/M/d h:m:s a"), "15/6/10 8:41:37 PM")
        XCTAssertEqual(try format("uuuu D DDD k K"), "2015 161 161 20 8")
        XCTAssertEqual(try format("yyyy-MM-dd HH:mm:ss.SSS"), "2015-06-10 20:41:37.123")
        XCTAssertEqual(try format("SSSSSS|S|SSSSSSSSS"), "123456|1|123456000")
        XCTAssertEqual(try format("n"), "123456000")
        let secondsOfDay: Int = (20 * 60 + 41) * 60 + 37
        XCTAssertEqual(try format("A"), String(secondsOfDay * 1000 + 123))
    }

    func testFormatsTextFields() throws {
        XCTAssertEqual(try format("EEE, d MMM yyyy"), "Wed, 10 Jun 2015")
        XCTAssertEqual(try format("EEEE d MMMM G"), "Wednesday 10 June AD")
        XCTAssertEqual(try format("MMMMM EEEEE GGGG"), "J W Anno Domini")
        XCTAssertEqual(try format("e ee c"), "4 04 4")
        XCTAssertEqual(try format("QQQ QQQQ"), "Q2 2nd quarter")
    }

    func testFormatsOffsets() throws {
        XCTAssertEqual(try format("X|XX|XXX|x|xx|xxx|Z|ZZZZZ|O"), "Z|Z|Z|+00|+0000|+00:00|+0000|Z|GMT")
        let plus530 = try XCTUnwrap(TimeZone(secondsFromGMT: 5 * 3600 + 1800))
        XCTAssertEqual(try format("HH:mm X|XX|XXX|x|Z|ZZZZ|ZZZZZ|O|OOOO", plus530),
                       "02:11 +0530|+0530|+05:30|+0530|+0530|GMT+05:30|+05:30|GMT+5:30|GMT+05:30")
        let minus8 = try XCTUnwrap(TimeZone(secondsFromGMT: -8 * 3600))
        XCTAssertEqual(try format("X XXX O", minus8), "-08 -08:00 GMT-8")
        XCTAssertEqual(try format("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"), "2015-06-10T20:41:37.123Z")
        XCTAssertEqual(try format("VV z"), "UTC UTC")
    }

    func testQuotesAndLiterals() throws {
        XCTAssertEqual(try format("'at' HH 'o''clock' ''"), "at 20 o'clock '")
        XCTAssertEqual(try format("HH'Z'"), "20Z")
        XCTAssertTrue(try matches("yyyy-MM-dd'T'HH:mm:ss'Z'", "2015-06-10T20:41:37Z"))
    }

    func testRejectsBadPatterns() {
        XCTAssertThrowsError(try JavaDateTimePattern("yyyy-bb")) { error in
            XCTAssertEqual((error as? DateTimePatternError)?.offset, 5)
        }
        XCTAssertThrowsError(try JavaDateTimePattern("HH 'oops")) { error in
            XCTAssertEqual((error as? DateTimePatternError)?.offset, 3)
        }
        XCTAssertThrowsError(try JavaDateTimePattern("ddd"))
        XCTAssertThrowsError(try JavaDateTimePattern("V"))
        XCTAssertThrowsError(try JavaDateTimePattern("HH]"))
        XCTAssertThrowsError(try JavaDateTimePattern("yyyy#"))
        XCTAssertNoThrow(try JavaDateTimePattern("yyyy-MM-dd[ HH:mm]"))
    }

    func testMatchesConformingText() throws {
        XCTAssertTrue(try matches("yyyy-MM-dd'T'HH:mm:ss", "2015-06-10T20:41:37"))
        XCTAssertTrue(try matches("dd/MM/yyyy", "10/06/2015"))
        XCTAssertTrue(try matches("yyyy-MM-dd", "2016-02-29"))
        XCTAssertTrue(try matches("yyyyMMdd", "20150610"))
        XCTAssertTrue(try matches("d/M/yy", "1/6/15"))
        XCTAssertTrue(try matches("EEE, d MMM yyyy HH:mm:ss Z", "Wed, 10 Jun 2015 20:41:37 +0000"))
        XCTAssertTrue(try matches("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2015-06-10T20:41:37.123+05:30"))
        XCTAssertTrue(try matches("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2015-06-10T20:41:37.123Z"))
        XCTAssertTrue(try matches("yyyy/MM/dd - HH:mm:ss.S", "2000/01/01 - 13:00:00.1"))
        XCTAssertTrue(try matches("h:mm a", "12:05 AM"))
        XCTAssertTrue(try matches("HH:mm[:ss]", "10:15"))
        XCTAssertTrue(try matches("HH:mm[:ss]", "10:15:30"))
        XCTAssertTrue(try matches("yyyy-MM-dd'T'HH:mm:ssVV", "2015-06-10T20:41:37Europe/London"))
        XCTAssertTrue(try matches("MMMM d, yyyy", "February 3, 2020"))
    }

    func testRejectsNonConformingText() throws {
        XCTAssertFalse(try matches("yyyy-MM-dd", "2015-13-10"))
        XCTAssertFalse(try matches("yyyy-MM-dd", "2015-00-10"))
        XCTAssertFalse(try matches("yyyy-MM-dd", "2015-02-29"))
        XCTAssertFalse(try matches("yyyy-MM-dd", "2015-04-31"))
        XCTAssertFalse(try matches("yyyy-MM-dd", "2015-6-10"))
        XCTAssertFalse(try matches("yyyy-MM-dd", "2015-06-10 "))
        XCTAssertFalse(try matches("HH:mm:ss", "24:00:00"))
        XCTAssertFalse(try matches("HH:mm:ss", "23:60:00"))
        XCTAssertFalse(try matches("h:mm a", "13:00 PM"))
        XCTAssertFalse(try matches("yyyy-MM-dd'T'HH:mm:ss", "2015-06-10 20:41:37"))
        XCTAssertFalse(try matches("dd/MM/yyyy", "2015-06-10"))
        XCTAssertFalse(try matches("EEE yyyy-MM-dd", "Thu 2015-06-10"))
        XCTAssertFalse(try matches("MMM", "jun"))
        XCTAssertFalse(try matches("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2015-06-10T20:41:37.12Z"))
        XCTAssertFalse(try matches("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2015-06-10T20:41:37.123+0530"))
        XCTAssertFalse(try matches("HH a", "13 AM"))
    }

    func testParsesToInstants() throws {
        let parsed = try XCTUnwrap(JavaDateTimePattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX").parse("2015-06-10T22:11:37.123456000+01:30"))
        XCTAssertEqual(parsed.timeIntervalSince1970, sample.timeIntervalSince1970, accuracy: 1e-6)
        let date = try XCTUnwrap(JavaDateTimePattern.isoDate.parse("2015-06-10"))
        XCTAssertEqual(JavaDateTimePattern.isoDateTime.format(date), "2015-06-10T00:00:00")
        let time = try XCTUnwrap(JavaDateTimePattern("hh:mm a").parse("08:30 PM"))
        XCTAssertEqual(time.timeIntervalSince1970, 20.5 * 3600, accuracy: 1e-9)
        XCTAssertNil(JavaDateTimePattern.isoDate.parse("2015-02-30"))
    }

    func testRoundTripsThroughFormatAndParse() throws {
        for text in ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "EEEE, MMMM d, uuuu h:mm:ss a Z", "D yyyy HH:mm:ss.SSSSSS O"] {
            let pattern = try JavaDateTimePattern(text)
            let zone = try XCTUnwrap(TimeZone(secondsFromGMT: -3 * 3600))
            let formatted = pattern.format(sample, timeZone: zone)
            XCTAssertTrue(pattern.matches(formatted), "\(text) -> \(formatted)")
            let parsed = try XCTUnwrap(pattern.parse(formatted), text)
            XCTAssertEqual(pattern.format(parsed, timeZone: zone), formatted, text)
            XCTAssertEqual(parsed.timeIntervalSince1970, sample.timeIntervalSince1970, accuracy: 1, text)
        }
    }

    func testParsesEveryOffsetNotation() throws {
        let cases: [(String, String, Double)] = [
            ("HH:mmX", "10:00+0530", -5.5), ("HH:mmX", "10:00+05", -5), ("HH:mmX", "10:00Z", 0), ("HH:mmxx", "10:00-0200", 2),
            ("HH:mmZ", "10:00+0100", -1), ("HH:mmZZZZ", "10:00GMT+01:00", -1), ("HH:mmZZZZZ", "10:00-03:00", 3),
            ("HH:mmO", "10:00GMT+8", -8), ("HH:mmOOOO", "10:00GMT", 0), ("HH:mm z", "10:00 UTC", 0),
        ]
        for (pattern, text, hoursFromUTC) in cases {
            let parsed = try XCTUnwrap(JavaDateTimePattern(pattern).parse(text), "\(pattern) \(text)")
            XCTAssertEqual(parsed.timeIntervalSince1970, (10 + hoursFromUTC) * 3600, accuracy: 1e-6, "\(pattern) \(text)")
        }
        XCTAssertFalse(try matches("HH:mmxx", "10:00Z"))
        XCTAssertFalse(try matches("HH:mmXXX", "10:00+0100"))
        XCTAssertFalse(try matches("HH:mmZ", "10:00+01:00"))
    }

    func testIsoDefaults() {
        XCTAssertEqual(JavaDateTimePattern.isoDate.pattern, "yyyy-MM-dd")
        XCTAssertEqual(JavaDateTimePattern.isoTime.format(sample), "20:41:37")
        XCTAssertEqual(JavaDateTimePattern.isoDateTime.format(sample), "2015-06-10T20:41:37")
        XCTAssertTrue(JavaDateTimePattern.isoTime.matches("23:59:59"))
    }
}
