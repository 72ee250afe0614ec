import Foundation
import PactBroker
import PactBrokerServer
import PactModel
import Testing
import TestSupport

/// The HTML pages served by the broker from its store when a browser asks (`Accept: text/html`), and the same
/// paths still answering HAL to API clients.
@Suite struct PageRoutingTests {
    static let browser = ["Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]
    static let hal = ["Accept": "application/hal+json"]

    /// Foo→Bar verified, then changed (stale); Web→Bar failed and never passed (pending); Ops→Bar never verified.
    static func seed(_ broker: RunningBroker) async throws {
        try await broker.publish("Foo", version: "1", providers: ["Bar": "first"], branch: "main")
        let first = try #require(try await broker.forVerification("Bar", selectors: [["mainBranch": true]]).first)
        try await broker.verify(first, providerVersion: "100", success: true)
        try await broker.publish("Foo", version: "2", providers: ["Bar": "second"], branch: "main")
        try await broker.publish("Web", version: "7", providers: ["Bar": "web"], branch: "main")
        let web = try #require(try await broker.forVerification("Bar", selectors: [["consumer": "Web", "latest": true]]).first)
        try await broker.verify(web, providerVersion: "101", success: false)
        try await broker.publish("Ops", version: "3", providers: ["Bar": "ops"])
    }

    static func page(_ broker: RunningBroker, _ path: String) async throws -> TestHTTPResponse {
        let response = try await TestHTTP.send("GET", broker.url, path, headers: browser)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8", "\(path)")
        #expect(response.header("Content-Security-Policy") == BrokerPages.contentSecurityPolicy, "\(path)")
        return response
    }

    /// The `<tr>` of the index row for the integration.
    static func row(_ html: String, consumer: String) throws -> String {
        let start = try #require(html.range(of: #"data-consumer-name="\#(consumer)""#))
        let end = try #require(html.range(of: "</tr>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theIndexShowsEveryIntegrationWithItsVerificationStatus() async throws {
        try await RunningBroker.with { broker in
            try await Self.seed(broker)
            let index = try await Self.page(broker, "/")
            #expect(index.status == 200)
            #expect(index.text.contains("3 integrations"))
            let foo = try Self.row(index.text, consumer: "Foo")
            #expect(foo.contains(#"data-provider-name="Bar""#))
            #expect(foo.contains(#"data-status="stale""#), "verified, then the pact changed: \(foo)")
            #expect(foo.contains("Pact from branch main has changed since last successful verification by Bar (100)"))
            #expect(foo.contains(#"href="\#(broker.url.absoluteString)/pacts/provider/Bar/consumer/Foo/latest""#))
            #expect(foo.contains(#"href="\#(broker.url.absoluteString)/matrix/provider/Bar/consumer/Foo""#))
            let web = try Self.row(index.text, consumer: "Web")
            #expect(web.contains(#"data-status="pending""#), "failed, never passed: \(web)")
            #expect(web.contains("(pact pending)"))
            let ops = try Self.row(index.text, consumer: "Ops")
            #expect(ops.contains(#"data-status="none""#) && ops.contains("Not verified"))

            let search = try await Self.page(broker, "/?search=web")
            #expect(search.text.contains("1 integration") && !search.text.contains(#"data-consumer-name="Foo""#))
            let paged = try await Self.page(broker, "/?pageSize=1&page=2")
            #expect(paged.text.contains("1 of 3 integrations") && paged.text.contains(#"data-consumer-name="Ops""#))

            let api = try await TestHTTP.send("GET", broker.url, "/", headers: Self.hal)
            #expect(api.header("Content-Type") == "application/hal+json;charset=utf-8")
            #expect(api.json?["_links"]?["pb:publish-contracts"] != nil)
            let noAccept = try await TestHTTP.send("GET", broker.url, "/", headers: ["Accept": "*/*"])
            #expect(noAccept.json?["_links"] != nil, "*/* is an API client")
        }
    }

    @Test func thePactPagesRenderTheLatestAndAVersionsPact() async throws {
        try await RunningBroker.with { broker in
            try await Self.seed(broker)
            let latest = try await Self.page(broker, "/pacts/provider/Bar/consumer/Foo/latest")
            #expect(latest.status == 200)
            #expect(latest.text.contains("<title>Pact between Foo and Bar"))
            #expect(latest.text.contains("a request for second"))
            #expect(latest.text.contains("things exist"), "the provider state")
            let first = try await Self.page(broker, "/pacts/provider/Bar/consumer/Foo/version/1")
            #expect(first.status == 200)
            #expect(first.text.contains("a request for first") && !first.text.contains("a request for second"))
            let missing = try await Self.page(broker, "/pacts/provider/Bar/consumer/Foo/version/9")
            #expect(missing.status == 404)
            #expect(missing.text.contains("No pact between version 9 of Foo and Bar was found."))

            let api = try await TestHTTP.send("GET", broker.url, "/pacts/provider/Bar/consumer/Foo/latest", headers: Self.hal)
            #expect(api.json?["interactions"]?.arrayValue?.first?["description"]?.stringValue == "a request for second")
            #expect(api.json?["_links"]?["pb:publish-verification-results"] != nil)
        }
    }

    @Test func theMatrixAndPacticipantPages() async throws {
        try await RunningBroker.with { broker in
            try await Self.seed(broker)
            let matrix = try await Self.page(broker, "/matrix/provider/Bar/consumer/Foo")
            #expect(matrix.status == 200)
            let rows = matrix.text.components(separatedBy: #"<tr class="matrix-row">"#).dropFirst()
            #expect(rows.count == 2, "version 2 unverified, version 1 verified by 100")
            #expect(rows.first?.contains("<code>2</code>") == true)
            #expect(rows.last?.contains("<code>1</code>") == true && rows.last?.contains("<code>100</code>") == true)
            #expect(rows.last?.contains("main") == true, "the provider version's branch")
            #expect(try await Self.page(broker, "/matrix/provider/Bar/consumer/Nobody").status == 404)

            let bar = try await Self.page(broker, "/pacticipants/Bar")
            #expect(bar.status == 200)
            #expect(bar.text.contains(#"<h1 id="pacticipant-name">Bar</h1>"#))
            for consumer in ["Foo", "Web", "Ops"] {
                #expect(bar.text.contains(#"data-consumer="\#(consumer)" data-provider="Bar""#), "\(consumer) → Bar drawn")
            }
            let missing = try await Self.page(broker, "/pacticipants/Nobody")
            #expect(missing.status == 404)

            let api = try await TestHTTP.send("GET", broker.url, "/pacticipants/Bar", headers: Self.hal)
            #expect(api.json?["name"]?.stringValue == "Bar")
            let matrixAPI = try await TestHTTP.send("GET", broker.url, "/matrix/provider/Bar/consumer/Foo", headers: Self.hal)
            #expect(matrixAPI.status == 404, "the matrix page has no API twin")
        }
    }

    @Test func namesAreEscapedOnServedPages() async throws {
        try await RunningBroker.with { broker in
            try await broker.publish("<img src=x onerror=alert(1)>", version: "1", providers: ["Bar": "x"])
            let index = try await Self.page(broker, "/")
            #expect(!index.text.contains("<img src=x"))
            #expect(index.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
    }
}
