import Foundation
import XCTest
@testable import PactBrokerServer

/// An integration's matrix page.
final class MatrixPageTests: XCTestCase {
    func testRowsShowVersionsStatusAndDates() throws {
        let html = try UISeed.pages().matrix(consumer: "web-app", provider: "orders-api", rows: UISeed.matrixRows)
        XCTAssertTrue(html.contains("<title>Matrix: web-app and orders-api · PactKit Broker</title>"))
        XCTAssertTrue(html.contains("<h1>The Matrix</h1>"))
        XCTAssertTrue(html.contains("3 rows"))
        XCTAssertTrue(html.contains(#"<a href="/pacts/provider/orders-api/consumer/web-app/version/a1b2c3d"><code>a1b2c3d</code></a> <span class="badge">main</span>"#))
        XCTAssertTrue(html.contains(#"<td class="verification status-success">Verified <span class="muted" title="Sat 05 Dec 2026, 10:00am +00:00">2 days ago</span></td>"#), html)
        XCTAssertTrue(html.contains(#"<td class="verification status-failed">Failed <span class="muted" title="Thu 03 Dec 2026, 10:00am +00:00">4 days ago</span></td>"#))
        XCTAssertTrue(html.contains(#"<td class="verification status-none">Not verified</td>"#))
        XCTAssertTrue(html.contains("<span class=\"badge\">feat/refunds</span>"))
        // Escaped, and one path segment in the link.
        XCTAssertTrue(html.contains(#"/version/%3Cb%3Ebold%3C%2Fb%3E"><code>&lt;b&gt;bold&lt;/b&gt;</code>"#), html)
        XCTAssertFalse(html.contains("<b>"))
        // Rows keep the order given.
        let first = try XCTUnwrap(html.range(of: "a1b2c3d")).lowerBound
        let second = try XCTUnwrap(html.range(of: "0ff1ce5")).lowerBound
        XCTAssertLessThan(first, second)
    }

    func testNoRowsSaysSo() throws {
        let html = try UISeed.pages().matrix(consumer: "a", provider: "b", rows: [])
        XCTAssertTrue(html.contains("No pacts have been published between a and b."))
        XCTAssertFalse(html.contains("<table"))
    }

    func testAMessagePageEscapesItsText() throws {
        let html = try UISeed.pages().message(heading: "Not found", "No pacticipant named <x> & co")
        XCTAssertTrue(html.contains("<title>Not found · PactKit Broker</title>"))
        XCTAssertTrue(html.contains(#"<div class="panel" id="message">No pacticipant named &lt;x&gt; &amp; co</div>"#))
    }
}
