import Foundation
import XCTest
@testable import PactBrokerServer

/// The index page: rows, links, relative dates, status colours and tooltips, escaping and the empty state.
final class IndexPageTests: XCTestCase {
    private func render(_ rows: [IndexPageRow]) throws -> String { try UISeed.pages().index(rows) }

    /// The `<tr>` of the row whose consumer and provider are given (names as they appear escaped in the HTML).
    private func row(_ html: String, consumer: String, provider: String) throws -> String {
        let marker = #"data-consumer-name="\#(consumer)" data-provider-name="\#(provider)""#
        let start = try XCTUnwrap(html.range(of: marker), "no row for \(consumer) → \(provider)")
        let end = try XCTUnwrap(html.range(of: "</tr>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    func testAWholeDocumentTitledPactsWithNoExternalAssets() throws {
        let html = try render(UISeed.indexRows)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("<title>Pacts · PactKit Broker</title>"))
        XCTAssertTrue(html.contains("<h1>Pacts</h1>"))
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertFalse(html.contains("<script"), "no scripts, and no name may inject one")
        XCTAssertFalse(html.contains(" src=\""), "no external or inline-loaded assets")
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "nothing fetched from elsewhere")
        XCTAssertTrue(html.contains("6 integrations"))
    }

    func testRowsLinkToThePacticipantsTheLatestPactAndTheMatrix() throws {
        let html = try render(UISeed.indexRows)
        let web = try row(html, consumer: "web-app", provider: "orders-api")
        XCTAssertTrue(web.contains(#"<a href="/pacticipants/web-app">web-app</a>"#))
        XCTAssertTrue(web.contains(#"<a href="/pacticipants/orders-api">orders-api</a>"#))
        XCTAssertTrue(web.contains(#"href="/pacts/provider/orders-api/consumer/web-app/latest""#))
        XCTAssertTrue(web.contains(#"href="/matrix/provider/orders-api/consumer/web-app""#))
        XCTAssertTrue(web.contains(#"<time datetime="2026-12-04T10:00:00Z" title="Fri 04 Dec 2026, 10:00am +00:00">3 days ago</time>"#), web)
    }

    func testRowsAreSortedByConsumerThenProviderIgnoringCase() throws {
        let html = try render([
            IndexPageRow(consumer: "b", provider: "z", latestPactPublishedAt: UISeed.now),
            IndexPageRow(consumer: "B", provider: "a", latestPactPublishedAt: UISeed.now),
            IndexPageRow(consumer: "a", provider: "y", latestPactPublishedAt: UISeed.now),
        ])
        let positions = ["data-consumer-name=\"a\"", "data-consumer-name=\"B\"", "data-consumer-name=\"b\""].map {
            html.range(of: $0)?.lowerBound
        }
        XCTAssertTrue(positions.allSatisfy { $0 != nil })
        XCTAssertLessThan(positions[0]!, positions[1]!)
        XCTAssertLessThan(positions[1]!, positions[2]!)
    }

    func testLastVerifiedIsColouredByStatusWithPactBrokersTooltips() throws {
        let html = try render(UISeed.indexRows)

        let success = try row(html, consumer: "web-app", provider: "orders-api")
        XCTAssertTrue(success.contains(#"class="last-verified status-success" data-status="success""#), success)
        XCTAssertTrue(success.contains(#"title="Successfully verified by orders-api (4f2a9c1) — Sat 05 Dec 2026, 10:00am +00:00""#), success)
        XCTAssertTrue(success.contains(">2 days ago</time>"))
        XCTAssertFalse(success.contains("(pact pending)"))

        let stale = try row(html, consumer: "mobile-app", provider: "orders-api")
        XCTAssertTrue(stale.contains("status-stale"), stale)
        // pact_broker's wording, with the provider version cut to 13 characters and "...".
        XCTAssertTrue(stale.contains(
            "Pact from branch main has changed since last successful verification by orders-api (9b7e31d2c4a8f...)"), stale)
        XCTAssertTrue(stale.contains("warning-icon"))

        let failed = try row(html, consumer: "web-app", provider: "payments")
        XCTAssertTrue(failed.contains("status-failed"), failed)
        XCTAssertTrue(failed.contains(#"title="Verification by payments (1.8.0) failed — "#), failed)
        XCTAssertTrue(failed.contains(">20 minutes ago</time>"))

        let pending = try row(html, consumer: "checkout", provider: "payments")
        XCTAssertTrue(pending.contains("status-pending"), pending)
        XCTAssertTrue(pending.contains("<div>(pact pending)</div>"))
        XCTAssertTrue(pending.contains(
            "Verification by payments (1.9.0-rc1) failed, but did not fail the build as the pact content was in pending state for that provider branch"))
        XCTAssertTrue(pending.contains(">about 2 months ago</time>"), pending)

        let never = try row(html, consumer: "orders-api", provider: "inventory")
        XCTAssertTrue(never.contains("status-none"))
        XCTAssertTrue(never.contains("Not verified"))
        XCTAssertFalse(never.contains("title=\"Successfully"))
        XCTAssertTrue(never.contains(">about 1 year ago</time>"), never)
    }

    func testTheStatusFollowsPactBrokersPseudoBranchStatus() {
        typealias S = IndexVerificationStatus
        XCTAssertEqual(S(latestPactVersion: "a", verifiedPactVersion: "a", success: true, pactPending: false), .success)
        XCTAssertEqual(S(latestPactVersion: "b", verifiedPactVersion: "a", success: true, pactPending: false), .stale)
        XCTAssertEqual(S(latestPactVersion: "b", verifiedPactVersion: "a", success: true, pactPending: true), .stale)
        XCTAssertEqual(S(latestPactVersion: "a", verifiedPactVersion: "a", success: false, pactPending: true), .failedPending)
        XCTAssertEqual(S(latestPactVersion: "a", verifiedPactVersion: "a", success: false, pactPending: false), .failed)
        // A failure of older content is still a failure, as in pact_broker.
        XCTAssertEqual(S(latestPactVersion: "b", verifiedPactVersion: "a", success: false, pactPending: false), .failed)
    }

    func testTheStaleTooltipNamesATagWhenThereIsNoBranch() throws {
        let html = try render([IndexPageRow(
            consumer: "c", provider: "p", latestPactPublishedAt: UISeed.now, latestPactTag: "prod",
            lastVerification: IndexPageVerification(status: .stale, verifiedAt: UISeed.now, providerVersion: "1"))])
        XCTAssertTrue(html.contains("Pact with tag prod has changed since last successful verification by p (1)"))
    }

    func testTheStatusColoursAreDefinedInTheInlineStyles() throws {
        let html = try render([])
        XCTAssertTrue(html.contains("td.status-success, table.grid tr td.status-success { background: var(--ok-bg); color: var(--ok); }"))
        XCTAssertTrue(html.contains("td.status-failed, table.grid tr td.status-failed { background: var(--bad-bg); color: var(--bad); }"))
        XCTAssertTrue(html.contains("td.status-pending, td.status-stale"))
    }

    func testEveryNameIsEscapedInTextAttributesAndLinks() throws {
        let html = try render(UISeed.indexRows)
        XCTAssertFalse(html.contains("<img"), "a name became markup")
        XCTAssertTrue(html.contains(
            #"<td class="consumer"><a href="/pacticipants/%3Cimg%20src%3Dx%20onerror%3D%22console.error%28%27xss%27%29%22%3E">&lt;img src=x onerror=&quot;console.error(&#39;xss&#39;)&quot;&gt;</a></td>"#),
            html)
        XCTAssertTrue(html.contains(#"data-consumer-name="&lt;img src=x onerror=&quot;console.error(&#39;xss&#39;)&quot;&gt;""#))
        // A value is never read as a template.
        let braces = try render([IndexPageRow(consumer: "{{title}}", provider: "{{{css}}}", latestPactPublishedAt: UISeed.now)])
        XCTAssertTrue(braces.contains(#"<a href="/pacticipants/%7B%7Btitle%7D%7D">{{title}}</a>"#), braces)
        XCTAssertTrue(braces.contains(">{{{css}}}</a>"))
    }

    func testTheWebhookStatusCell() throws {
        let html = try render(UISeed.indexRows)
        let success = try row(html, consumer: "web-app", provider: "orders-api")
        XCTAssertTrue(success.contains(#"<td class="webhook webhook-success" title="Fri 04 Dec 2026, 10:00am +00:00">3 days ago</td>"#), success)
        let retrying = try row(html, consumer: "web-app", provider: "payments")
        XCTAssertTrue(retrying.contains(#"<td class="webhook webhook-retrying">Retrying</td>"#), retrying)
        let none = try row(html, consumer: "orders-api", provider: "inventory")
        XCTAssertTrue(none.contains(#"<td class="webhook webhook-none">None</td>"#), none)
        let unknown = try row(html, consumer: "checkout", provider: "payments")
        XCTAssertTrue(unknown.contains(#"<td class="webhook webhook-none"></td>"#), unknown)
        XCTAssertTrue(html.contains("<th scope=\"col\">Webhook status</th>"))
    }

    func testSearchKeepsIntegrationsWithAMatchingNameIgnoringCase() throws {
        let pages = try UISeed.pages()
        let html = pages.index(UISeed.indexRows, query: IndexPageQuery(search: "PAYMENTS"))
        XCTAssertEqual(html.components(separatedBy: "<tr class=\"pact-row\"").count - 1, 2)
        XCTAssertTrue(html.contains(#"value="PAYMENTS""#))
        XCTAssertTrue(html.contains("2 integrations"))
        XCTAssertTrue(html.contains(#" <a href="/">Reset</a>"#))

        let none = pages.index(UISeed.indexRows, query: IndexPageQuery(search: "<nobody>"))
        XCTAssertTrue(none.contains(#"<div class="panel alert" role="alert">No pacticipants found matching: &quot;&lt;nobody&gt;&quot;</div>"#), none)
        XCTAssertFalse(none.contains("<table"))
        XCTAssertFalse(none.contains("getting-started"), "the broker is not empty")
    }

    func testPagesOfRowsLinkToTheirNeighbours() throws {
        let pages = try UISeed.pages()
        let rows = (1...5).map { IndexPageRow(consumer: "c\($0)", provider: "p", latestPactPublishedAt: UISeed.now) }
        let second = pages.index(rows, query: IndexPageQuery(search: "c", page: 2, pageSize: 2))
        XCTAssertTrue(second.contains(#"data-consumer-name="c3""#))
        XCTAssertTrue(second.contains(#"data-consumer-name="c4""#))
        XCTAssertFalse(second.contains(#"data-consumer-name="c2""#))
        XCTAssertTrue(second.contains("2 of 5 integrations"))
        XCTAssertTrue(second.contains("Page 2 of 3"))
        XCTAssertTrue(second.contains(#"<a rel="prev" href="/?page=1&amp;pageSize=2&amp;search=c">"#), second)
        XCTAssertTrue(second.contains(#"<a rel="next" href="/?page=3&amp;pageSize=2&amp;search=c">"#))
        // Past the end shows the last page; one page needs no links.
        let past = pages.index(rows, query: IndexPageQuery(page: 9, pageSize: 2))
        XCTAssertTrue(past.contains("Page 3 of 3"))
        XCTAssertTrue(past.contains(#"data-consumer-name="c5""#))
        XCTAssertFalse(past.contains("rel=\"next\""))
        XCTAssertFalse(pages.index(rows).contains("<nav class=\"pages\""))
    }

    func testTheQueryIsReadFromTheQueryString() {
        XCTAssertEqual(IndexPageQuery(rawQuery: "search=orders+api&page=2&pageSize=50&x=1"),
                       IndexPageQuery(search: "orders api", page: 2, pageSize: 50))
        XCTAssertEqual(IndexPageQuery(rawQuery: "search=%3Cb%3E"), IndexPageQuery(search: "<b>"))
        XCTAssertEqual(IndexPageQuery(rawQuery: "page=-3&pageSize=99999"), IndexPageQuery(page: 1, pageSize: 1000))
        XCTAssertEqual(IndexPageQuery(rawQuery: "page=two&search="), IndexPageQuery())
        XCTAssertEqual(IndexPageQuery(rawQuery: nil), IndexPageQuery())
        XCTAssertNil(IndexPageQuery(search: "   ").search)
    }

    func testNoIntegrationsShowsTheGettingStartedPanel() throws {
        let html = try render([])
        XCTAssertTrue(html.contains(#"<div class="panel empty" id="getting-started">"#))
        XCTAssertTrue(html.contains("No pacts yet"))
        XCTAssertTrue(html.contains("pactkit publish"))
        XCTAssertFalse(html.contains("<table"))
        XCTAssertFalse(html.contains("<form"), "nothing to search")
        let withRows = try render(UISeed.indexRows)
        XCTAssertFalse(withRows.contains("getting-started"))
    }

    func testTheDocCommentExampleRendersARow() throws {
        let html = try brokerPagesDocCommentExample(published: Date())
        XCTAssertTrue(html.contains(#"data-consumer-name="web" data-provider-name="orders""#))
        XCTAssertTrue(html.contains(">less than a minute ago</time>"))
    }

    func testLinksGoUnderTheBasePathAndEncodeNamesAsOneSegment() throws {
        let pages = try BrokerPages(links: BrokerPageLinks(base: "/broker/"), now: { UISeed.now })
        let html = pages.index([IndexPageRow(consumer: "a/b c", provider: "p?q#r", latestPactPublishedAt: UISeed.now)])
        XCTAssertTrue(html.contains(#"href="/broker/pacticipants/a%2Fb%20c""#), html)
        XCTAssertTrue(html.contains(#"href="/broker/pacts/provider/p%3Fq%23r/consumer/a%2Fb%20c/latest""#))
        XCTAssertTrue(html.contains(#"<a class="brand" href="/broker/">"#))
        XCTAssertEqual(BrokerPageLinks().segment("é~_.-"), "%C3%A9~_.-")
    }

    /// The index's contexts answer Mustache by name (not by reflection, which took most of a 100-row page's time):
    /// every stored property must be answered, with a nil optional as no value.
    func testTheIndexContextsAnswerEveryPropertyByName() throws {
        let links = BrokerPageLinks()
        let query = IndexPageQuery()
        let now = UISeed.now
        let context = IndexPageContext(rows: UISeed.indexRows, query: query, links: links, now: now)
        let verified = try XCTUnwrap(context.rows.first { $0.verified != nil })
        let unverified = try XCTUnwrap(context.rows.first { $0.verified == nil })
        for row in [verified, unverified] {
            for case let (label?, value) in Mirror(reflecting: row).children {
                let isNil = Mirror(reflecting: value).displayStyle == .optional && Mirror(reflecting: value).children.isEmpty
                XCTAssertEqual(row.child(named: label) == nil, isNil, "IndexPageContext.Row.\(label)")
            }
        }
        for case let (label?, value) in Mirror(reflecting: context).children {
            let isNil = Mirror(reflecting: value).displayStyle == .optional && Mirror(reflecting: value).children.isEmpty
            XCTAssertEqual(context.child(named: label) == nil, isNil, "IndexPageContext.\(label)")
        }
        XCTAssertNil(verified.child(named: "noSuchField"))
    }
}
