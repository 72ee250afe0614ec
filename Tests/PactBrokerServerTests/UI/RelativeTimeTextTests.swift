import Foundation
import XCTest
@testable import PactBrokerServer

/// Relative dates as pact_broker's DateHelper words them, against an injected clock.
final class RelativeTimeTextTests: XCTestCase {
    private let now = UISeed.now

    private func words(seconds: Double) -> String { RelativeTimeText.ago(now.addingTimeInterval(-seconds), now: now) }

    func testTheRailsThresholds() {
        XCTAssertEqual(words(seconds: 20), "less than a minute ago")
        XCTAssertEqual(words(seconds: 60), "1 minute ago")
        XCTAssertEqual(words(seconds: 44 * 60), "44 minutes ago")
        XCTAssertEqual(words(seconds: 45 * 60), "about 1 hour ago")
        XCTAssertEqual(words(seconds: 89 * 60), "about 1 hour ago")
        XCTAssertEqual(words(seconds: 90 * 60), "about 2 hours ago")
        XCTAssertEqual(words(seconds: 23 * 3600), "about 23 hours ago")
        XCTAssertEqual(words(seconds: 24 * 3600), "1 day ago")
        XCTAssertEqual(words(seconds: 41 * 3600), "1 day ago")
        XCTAssertEqual(words(seconds: 42 * 3600), "2 days ago")
        XCTAssertEqual(words(seconds: 3 * 86400), "3 days ago")
        XCTAssertEqual(words(seconds: 29 * 86400), "29 days ago")
        XCTAssertEqual(words(seconds: 30 * 86400), "about 1 month ago")
        XCTAssertEqual(words(seconds: 59 * 86400), "about 2 months ago")
        XCTAssertEqual(words(seconds: 60 * 86400), "2 months ago")
        XCTAssertEqual(words(seconds: 300 * 86400), "10 months ago")
        XCTAssertEqual(words(seconds: 366 * 86400), "about 1 year ago")
        XCTAssertEqual(words(seconds: 550 * 86400), "over 1 year ago")
        XCTAssertEqual(words(seconds: 700 * 86400), "almost 2 years ago")
        XCTAssertEqual(words(seconds: 3 * 365 * 86400 + 86400), "about 3 years ago")
    }

    func testLeapDaysDoNotCountTowardYears() {
        // 2023-12-07 to 2026-12-07 spans 29 Feb 2024: 1096 days, still "about 3 years".
        XCTAssertEqual(RelativeTimeText.ago(UISeed.date("2023-12-07T10:00:00Z"), now: now), "about 3 years ago")
        // Across 400 years (97 leap days).
        XCTAssertEqual(RelativeTimeText.ago(UISeed.date("1626-12-07T10:00:00Z"), now: now), "about 400 years ago")
    }

    func testNonsenseDatesGiveWordsNotACrash() {
        XCTAssertTrue(RelativeTimeText.ago(.distantPast, now: now).hasSuffix(" years ago"))
        XCTAssertTrue(RelativeTimeText.ago(.distantFuture, now: now).hasSuffix(" years from now"))
        XCTAssertTrue(RelativeTimeText.ago(Date(timeIntervalSince1970: 1e18), now: now).hasSuffix("from now"))
        XCTAssertFalse(RelativeTimeText.exact(.distantPast).isEmpty)
    }

    func testAFutureDateIsFromNow() {
        XCTAssertEqual(RelativeTimeText.ago(now.addingTimeInterval(3 * 86400), now: now), "3 days from now")
        // Clocks a few seconds apart still read as the past.
        XCTAssertEqual(RelativeTimeText.ago(now.addingTimeInterval(5), now: now), "less than a minute ago")
    }

    func testTheExactDateIsPactBrokersLocalDateInWordsInUTC() {
        XCTAssertEqual(RelativeTimeText.exact(UISeed.date("2026-12-04T09:05:00Z")), "Fri 04 Dec 2026, 9:05am +00:00")
        XCTAssertEqual(RelativeTimeText.exact(UISeed.date("2026-12-04T21:30:00Z")), "Fri 04 Dec 2026, 9:30pm +00:00")
        XCTAssertEqual(RelativeTimeText.exact(UISeed.date("2026-01-01T00:07:00Z")), "Thu 01 Jan 2026, 12:07am +00:00")
        XCTAssertEqual(RelativeTimeText.exact(UISeed.date("2026-06-14T12:00:00Z")), "Sun 14 Jun 2026, 12:00pm +00:00")
        XCTAssertEqual(RelativeTimeText.iso(UISeed.date("2026-12-04T21:30:00Z")), "2026-12-04T21:30:00Z")
        XCTAssertEqual(RelativeTimeText.iso(UISeed.date("2026-03-05T01:02:03Z")), "2026-03-05T01:02:03Z")
    }
}
