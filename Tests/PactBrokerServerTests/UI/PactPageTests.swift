import Foundation
import PactModel
import XCTest
@testable import PactBrokerServer

/// A pact rendered as HTML, from PactModel's parsed pact: HTTP and message interactions, V2 to V4.
final class PactPageTests: XCTestCase {
    private func section(_ html: String, _ anchor: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: #"<section class="interaction" id="\#(anchor)""#), "no \(anchor)")
        let end = try XCTUnwrap(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    func testTheHeaderNamesThePartiesVersionAndSpecification() throws {
        let html = try UISeed.pages().pact(UISeed.pact(), info: UISeed.pactInfo)
        XCTAssertTrue(html.contains("<title>Pact between web-app and orders-api · PactKit Broker</title>"))
        XCTAssertTrue(html.contains(#"<a class="consumer" href="/pacticipants/web-app">web-app</a>"#))
        XCTAssertTrue(html.contains(#"<a class="provider" href="/pacticipants/orders-api">orders-api</a>"#))
        XCTAssertTrue(html.contains("<td><code>a1b2c3d</code></td>"))
        XCTAssertTrue(html.contains(#"<span title="Fri 04 Dec 2026, 10:00am +00:00">3 days ago</span>"#))
        XCTAssertTrue(html.contains("<td>4.0</td>"))
        XCTAssertTrue(html.contains("<td>3 interactions</td>"))
        XCTAssertTrue(html.contains(#"<a class="matrix-link" href="/matrix/provider/orders-api/consumer/web-app">Matrix</a>"#))
        XCTAssertTrue(html.contains(##"<li><a href="#interaction-1">a request for order 42</a>"##))
        // The metadata, pretty-printed.
        XCTAssertTrue(html.contains("&quot;pactRust&quot;: {"), html)
    }

    func testAnHTTPInteractionShowsStatesRequestResponseRulesAndGenerators() throws {
        let html = try section(UISeed.pages().pact(UISeed.pact()), "interaction-1")
        XCTAssertTrue(html.contains(#"data-kind="HTTP""#))
        XCTAssertTrue(html.contains(#"<span class="description">a request for order 42</span>"#))
        XCTAssertTrue(html.contains(#"<span class="provider-state">order 42 exists</span>"#))
        XCTAssertTrue(html.contains("&quot;id&quot;: 42"), "the state's params, pretty-printed")
        XCTAssertTrue(html.contains("<code>GET /orders/42?currency=EUR&amp;expand=items</code>"), html)
        XCTAssertTrue(html.contains("from web-app, orders-api responds with status <strong class=\"status\">200</strong>"))
        XCTAssertTrue(html.contains("<h3>Request</h3>"))
        XCTAssertTrue(html.contains("<tr><th>Accept</th><td><code>application/json</code></td></tr>"))
        XCTAssertTrue(html.contains("<h3>Response</h3>"))
        // The body pretty-printed, its markup escaped.
        XCTAssertTrue(html.contains("  &quot;note&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;,"), html)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("<h3>Matching rules</h3>"))
        XCTAssertTrue(html.contains("<td>body</td><td><code>$.id</code></td><td><code>integer</code></td>"), html)
        XCTAssertTrue(html.contains("<code>$.status</code></td><td><code>regex ^(pending|shipped)$</code>"), html)
        XCTAssertTrue(html.contains("<h3>Generators</h3>"))
        XCTAssertTrue(html.contains("<td><code>RandomInt, max: 1000, min: 1</code></td>"), html)
        XCTAssertTrue(html.contains("<code>type, min: 1</code>"))
        // The request's own line and query table, and the response's status.
        XCTAssertTrue(html.contains(#"<p class="summary"><code>GET /orders/42</code></p>"#))
        XCTAssertTrue(html.contains("<tr><th>expand</th><td><code>items</code></td></tr>"))
        XCTAssertTrue(html.contains(#"<p class="summary"><code>Status 200</code></p>"#))
    }

    func testMessagesShowContentsMetadataAndRules() throws {
        let pages = try UISeed.pages()
        let message = try section(pages.pact(UISeed.pact()), "interaction-2")
        XCTAssertTrue(message.contains(#"data-kind="Message""#))
        XCTAssertTrue(message.contains("<h3>Message</h3>"))
        XCTAssertTrue(message.contains("<tr><th>topic</th><td><code>orders</code></td></tr>"))
        XCTAssertTrue(message.contains("&quot;event&quot;: &quot;shipped&quot;"))
        XCTAssertTrue(message.contains("<code>$.orderId</code>"), message)
        XCTAssertFalse(message.contains("responds with status"))

        let exchange = try section(pages.pact(UISeed.pact()), "interaction-3")
        XCTAssertTrue(exchange.contains(#"data-kind="Synchronous messages""#))
        XCTAssertTrue(exchange.contains(#"<span class="badge pending">pending</span>"#))
        XCTAssertTrue(exchange.contains("<h3>Request message</h3>"))
        XCTAssertTrue(exchange.contains("<pre class=\"body\">sku=A-1</pre>"), exchange)
        XCTAssertTrue(exchange.contains("<h3>Response message</h3>"))
        XCTAssertTrue(exchange.contains("&quot;inStock&quot;: true"))
    }

    func testAV2PactWithAProviderStateRawQueryAndNoBody() throws {
        let json = #"""
        {"consumer": {"name": "Consumer & Co"}, "provider": {"name": "Provider"},
         "interactions": [{"description": "a delete", "providerState": "an item exists",
           "request": {"method": "delete", "path": "/items/1", "query": "force=true&why=a+b"},
           "response": {"status": 204},
           "matchingRules": {}}],
         "metadata": {"pactSpecification": {"version": "2.0.0"}}}
        """#
        let pact = try PactReader.read(data: Data(json.utf8))
        let html = try UISeed.pages().pact(pact)
        XCTAssertTrue(html.contains("<td>2.0.0</td>"))
        XCTAssertTrue(html.contains("Pact between Consumer &amp; Co and Provider"))
        XCTAssertTrue(html.contains(#"<span class="provider-state">an item exists</span>"#))
        XCTAssertTrue(html.contains("<code>DELETE /items/1?force=true&amp;why=a+b</code>"), html)
        XCTAssertTrue(html.contains("<strong class=\"status\">204</strong>"))
        XCTAssertTrue(html.contains("<tr><th>force</th><td><code>true</code></td></tr>"), html)
        XCTAssertFalse(html.contains("<pre class=\"body\">"), "no body, nothing shown")
        XCTAssertFalse(html.contains("Matching rules"))
        XCTAssertFalse(html.contains("Consumer version"), "no consumer version when the broker gave none")
    }

    func testAV3MessagePact() throws {
        let json = #"""
        {"consumer": {"name": "billing"}, "provider": {"name": "orders"},
         "messages": [{"description": "an invoice request", "providerStates": [{"name": "an order", "params": {"n": 1}}],
           "contents": {"total": 10.5}, "metaData": {"contentType": "application/json"},
           "matchingRules": {"body": {"$.total": {"matchers": [{"match": "decimal"}]}}}}],
         "metadata": {"pactSpecification": {"version": "3.0.0"}}}
        """#
        let html = try UISeed.pages().pact(PactReader.read(data: Data(json.utf8)))
        XCTAssertTrue(html.contains("<td>3.0.0</td>"))
        XCTAssertTrue(html.contains("&quot;total&quot;: 10.5"))
        XCTAssertTrue(html.contains("<tr><th>contentType</th><td><code>application/json</code></td></tr>"))
        XCTAssertTrue(html.contains("<td><code>decimal</code></td>"))
        XCTAssertTrue(html.contains(#"<caption class="muted">Metadata</caption>"#))
        XCTAssertTrue(html.contains("&quot;n&quot;: 1"))
    }

    func testBinaryEmptyAndOversizedBodies() {
        let (binary, binaryNote) = PactPageContext.bodyText(.binary(Data([0, 1, 2]), contentType: .octetStream))
        XCTAssertEqual(binary, "AAEC")
        XCTAssertEqual(binaryNote, "3 bytes (application/octet-stream), base64-encoded")
        let (empty, emptyNote) = PactPageContext.bodyText(.empty)
        XCTAssertNil(empty)
        XCTAssertEqual(emptyNote, "Empty body")
        let big = String(repeating: "x", count: PactPageContext.maxBodyCharacters + 10)
        let (cut, note) = PactPageContext.bodyText(.text(big, contentType: nil))
        XCTAssertEqual(cut?.count, PactPageContext.maxBodyCharacters)
        XCTAssertEqual(note, "Showing the first 65536 characters; 10 more not shown")
    }

    func testRulesAndGeneratorsInWords() {
        XCTAssertEqual(PactPageContext.ruleText(.object(["match": .string("regex"), "regex": .string("^\\d+$")])), "regex ^\\d+$")
        XCTAssertEqual(PactPageContext.ruleText(.object(["match": .string("type"), "min": .int(1), "max": .int(3)])), "type, max: 3, min: 1")
        XCTAssertEqual(PactPageContext.ruleText(.object(["type": .string("Uuid")])), "Uuid")
        XCTAssertEqual(PactPageContext.ruleText(.object(["match": .string("values")])), "values")
        XCTAssertEqual(PactPageContext.ruleText(.string("odd")), "\"odd\"")
    }

    func testAPactWithoutInteractionsSaysSo() throws {
        let html = try UISeed.pages().pact(Pact(consumer: "a", provider: "b"))
        XCTAssertTrue(html.contains("This pact has no interactions."))
        XCTAssertTrue(html.contains("<td>0 interactions</td>"))
    }
}
