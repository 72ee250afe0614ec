import XCTest

@testable import PactModel

/// The one-pass check of fixed-width date/time patterns must never accept a text the full scanner rejects.
final class FixedDateTimeLayoutTests: XCTestCase {
    private func fullScanner(_ pattern: JavaDateTimePattern, _ text: String) -> Bool {
        pattern.parseFields(text).flatMap { $0.resolved() } != nil
    }

    func testTheUsualPatternsHaveALayoutAndOthersDoNot() throws {
        for pattern in ["yyyy-MM-dd", "HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS", "uuuu/MM/dd HH.mm",
                        "dd.MM.yyyy", "yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn"] {
            XCTAssertNotNil(try JavaDateTimePattern(pattern).fixedLayout, pattern)
        }
        // Variable widths, text fields, zones, optional sections, a year followed by digits, repeated fields.
        for pattern in ["yyyy-M-d", "yyyyMMdd", "yyyy-MM-dd'T'HH:mm:ssXXX", "EEE, dd MMM yyyy", "yyyy-MM-dd['T'HH:mm]",
                        "yyyy'1'MM", "yy-MM-dd", "hh:mm a", "yyyy-MM-dd MM", "YYYY-MM-dd", "yyyyy-MM-dd", "yyyy-DDD"] {
            XCTAssertNil(try JavaDateTimePattern(pattern).fixedLayout, pattern)
        }
    }

    func testItAcceptsOnlyWhatTheScannerAccepts() throws {
        let patterns = try ["yyyy-MM-dd", "HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS", "uuuu-MM-dd", "dd/MM HH:mm",
                            "yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn"].map(JavaDateTimePattern.init)
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for pattern in patterns {
            let layout = try XCTUnwrap(pattern.fixedLayout)
            // Texts of the layout with random digits (so many impossible dates and times), and edge cases.
            var texts = (0..<3000).map { _ in
                String(pattern.pattern.replacingOccurrences(of: "'", with: "").map { letter -> Character in
                    letter.isLetter ? Character(String(Int.random(in: 0...9, using: &generator))) : letter
                })
            }
            texts += ["2024-02-29", "2023-02-29", "2026-04-31", "0000-01-01", "2026-00-10", "2026-13-01", "24:00:00",
                      "23:59:59", "23:60:00", "2026-11-05T10:15:30.123", "2026-11-05T10:15:30.12x", "12026-11-05",
                      "2026-11-5", "29/02 12:00", "31/04 00:00", "2026-1１-05", "2026-11-05T10:15:30.000000000"]
            for text in texts where layout.surelyMatches(text) {
                accepted += 1
                XCTAssertTrue(fullScanner(pattern, text), "\(pattern.pattern) accepted '\(text)'")
            }
            for text in texts {
                XCTAssertEqual(pattern.matches(text), fullScanner(pattern, text), "\(pattern.pattern) on '\(text)'")
            }
        }
        XCTAssertGreaterThan(accepted, 200, "the layout answers for the texts it is for")
        // Real dates and times are all answered by the layout.
        let iso = try JavaDateTimePattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
        for _ in 0..<500 {
            func digits(_ value: Int, _ width: Int) -> String {
                String(repeating: "0", count: width - String(value).count) + String(value)
            }
            let text = digits(Int.random(in: 1...9999), 4) + "-" + digits(Int.random(in: 1...12), 2) + "-"
                + digits(Int.random(in: 1...28), 2) + "T" + digits(Int.random(in: 0...23), 2) + ":"
                + digits(Int.random(in: 0...59), 2) + ":" + digits(Int.random(in: 0...59), 2) + "."
                + digits(Int.random(in: 0...999), 3)
            XCTAssertTrue(try XCTUnwrap(iso.fixedLayout).surelyMatches(text), text)
            XCTAssertTrue(fullScanner(iso, text), text)
        }
        XCTAssertEqual(try XCTUnwrap(iso.fixedLayout).surelyMatches("2026-11-05T10:15:30.123"), true)
        XCTAssertFalse(try XCTUnwrap(iso.fixedLayout).surelyMatches("2026-02-30T10:15:30.123"))
        XCTAssertTrue(try XCTUnwrap(JavaDateTimePattern("dd/MM HH:mm").fixedLayout).surelyMatches("29/02 12:00"),
                      "without a year February 29th passes, as the scanner resolves it")
    }
}
