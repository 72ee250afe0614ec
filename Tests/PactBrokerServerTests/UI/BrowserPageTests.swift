import Foundation
import HTTPServerCore
import PactBrokerServer
import XCTest

/// The rendered pages served over HTTP and opened in headless Chromium: each loads without console errors, its DOM
/// holds what was rendered (names as text, no injected elements), and a screenshot is a real picture.
///
/// With `PACTKIT_UI_SCREENSHOTS=DIR` the screenshots of the seeded index and pact pages are also written to DIR
/// (docs/images holds the committed ones).
final class BrowserPageTests: XCTestCase {
    /// The seeded pages by path, as the broker's routes will serve them. `forDocs` leaves out the hostile name,
    /// which the screenshots in docs/images do not need to show.
    private func routes(forDocs: Bool = false) throws -> [String: String] {
        let pages = try UISeed.pages()
        let links = pages.links
        let pact = try UISeed.pact()
        let rows = forDocs ? UISeed.indexRows.filter { $0.consumer != UISeed.hostileName } : UISeed.indexRows
        var network = UISeed.network
        if forDocs { network.dependencies.removeAll { $0.consumer == UISeed.hostileName } }
        let matrixRows = forDocs
            ? [MatrixPageRow(consumerVersion: "7c9d0e2", consumerVersionBranch: "main", pactPublishedAt: UISeed.ago(hours: 3))]
                + UISeed.matrixRows.filter { $0.consumerVersion != "<b>bold</b>" }
            : UISeed.matrixRows
        return [
            links.index: pages.index(rows),
            links.latestPact(consumer: "web-app", provider: "orders-api"): pages.pact(pact, info: UISeed.pactInfo),
            links.matrix(consumer: "web-app", provider: "orders-api"):
                pages.matrix(consumer: "web-app", provider: "orders-api", rows: matrixRows),
            links.pacticipant("orders-api"): pages.pacticipant(network),
            "/empty": pages.index([]),
            "/search": pages.index(rows, query: IndexPageQuery(search: "payments")),
            "/missing": pages.message(heading: "Not found", "No pacticipant named <b>x</b>"),
        ]
    }

    /// Every request target the server saw, in order.
    private final class RequestLog: @unchecked Sendable {
        private let lock = NSLock()
        private var targets: [String] = []
        func append(_ target: String) { lock.withLock { targets.append(target) } }
        var all: [String] { lock.withLock { targets } }
    }

    /// Serves the seeded pages while `body` runs; afterwards checks that the browser asked for the pages and
    /// nothing else (no stylesheet, script, image or favicon: the pages are self-contained).
    private func withServer(forDocs: Bool = false, _ body: (URL, HeadlessChromium) throws -> [String]) async throws {
        let chromium = try HeadlessChromium.locate()
        let routes = try routes(forDocs: forDocs)
        let log = RequestLog()
        let server = try await HTTPServer.start(handler: .immediate { request in
            log.append(request.target)
            guard request.method == "GET", let html = routes[request.target] else {
                return .text("not found: \(request.target)\n", status: 404)
            }
            // The headers the broker sends: under its Content-Security-Policy a page that needed anything else
            // would log a violation to the console.
            return ServerResponse(status: 200, headers: BrokerPages.responseHeaders, body: Data(html.utf8))
        })
        let opened: [String]
        do {
            opened = try body(server.url, chromium)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
        XCTAssertEqual(log.all, opened, "the browser asked for more than the pages")
    }

    private func url(_ base: URL, _ path: String) -> URL { URL(string: path, relativeTo: base)!.absoluteURL }

    private func assertClean(_ load: HeadlessChromium.Load, _ page: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(load.consoleMessages.isEmpty, "\(page): console messages:\n\(load.consoleMessages.joined(separator: "\n"))",
                      file: file, line: line)
        XCTAssertFalse(load.dom.contains("<img"), "\(page): a name became an element", file: file, line: line)
        XCTAssertFalse(load.dom.contains("<script"), "\(page): a script element", file: file, line: line)
    }

    /// No page loads anything: no stylesheet, script, image or font, local or remote (a failed load does not show on
    /// the browser's console, so this is checked on the HTML; the browser test checks what was requested).
    func testEveryPageIsSelfContained() throws {
        for (path, html) in try routes() {
            let withoutNamespace = html.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
            XCTAssertFalse(withoutNamespace.contains("http://") || withoutNamespace.contains("https://"), path)
            XCTAssertFalse(html.contains(" src=\""), path)
            XCTAssertFalse(html.contains("<script"), path)
            XCTAssertFalse(html.contains("<link rel=\"stylesheet\""), path)
            XCTAssertFalse(html.contains("@import") || html.contains("url(http"), path)
            XCTAssertTrue(html.contains(#"<link rel="icon" href="data:,">"#), "\(path): the browser would ask for /favicon.ico")
        }
        XCTAssertTrue(BrokerPages.responseHeaders.contains { $0.name == "Content-Security-Policy" && $0.value.hasPrefix("default-src 'none';") })
    }

    func testEachPageLoadsCleanAndItsDOMHoldsWhatWasRendered() async throws {
        try await withServer { base, chromium in
            let index = try chromium.load(url(base, "/"))
            assertClean(index, "index")
            XCTAssertTrue(index.dom.contains("<title>Pacts · PactKit Broker</title>"), index.dom)
            XCTAssertEqual(index.dom.components(separatedBy: "<tr class=\"pact-row\"").count - 1, 6)
            XCTAssertTrue(index.dom.contains(#"class="last-verified status-stale""#))
            XCTAssertTrue(index.dom.contains("(pact pending)"))
            // The hostile consumer's name is text in the browser too.
            XCTAssertTrue(index.dom.contains(#">&lt;img src=x onerror="console.error('xss')"&gt;</a>"#), index.dom)

            let pact = try chromium.load(url(base, "/pacts/provider/orders-api/consumer/web-app/latest"))
            assertClean(pact, "pact")
            XCTAssertEqual(pact.dom.components(separatedBy: "<section class=\"interaction\"").count - 1, 3)
            XCTAssertTrue(pact.dom.contains("<code>GET /orders/42?currency=EUR&amp;expand=items</code>"))
            XCTAssertTrue(pact.dom.contains("\"note\": \"&lt;script&gt;alert(1)&lt;/script&gt;\""), pact.dom)

            let matrix = try chromium.load(url(base, "/matrix/provider/orders-api/consumer/web-app"))
            assertClean(matrix, "matrix")
            XCTAssertEqual(matrix.dom.components(separatedBy: "<tr class=\"matrix-row\"").count - 1, 3)
            XCTAssertTrue(matrix.dom.contains("<code>&lt;b&gt;bold&lt;/b&gt;</code>"))

            let pacticipant = try chromium.load(url(base, "/pacticipants/orders-api"))
            assertClean(pacticipant, "pacticipant")
            // The SVG was parsed as SVG: its nodes and edges are in the DOM.
            XCTAssertTrue(pacticipant.dom.contains("<svg"), pacticipant.dom)
            XCTAssertEqual(pacticipant.dom.components(separatedBy: "<g class=\"node").count - 1, 7)
            XCTAssertEqual(pacticipant.dom.components(separatedBy: "<path class=\"edge\"").count - 1, 7)
            XCTAssertTrue(pacticipant.dom.contains(#"<a href="/pacticipants/warehouse">"#))

            let empty = try chromium.load(url(base, "/empty"))
            assertClean(empty, "empty index")
            XCTAssertTrue(empty.dom.contains("id=\"getting-started\""))

            let search = try chromium.load(url(base, "/search"))
            assertClean(search, "searched index")
            XCTAssertEqual(search.dom.components(separatedBy: "<tr class=\"pact-row\"").count - 1, 2)
            XCTAssertTrue(search.dom.contains(#"<input id="search" name="search" type="search" value="payments""#), search.dom)

            let missing = try chromium.load(url(base, "/missing"))
            assertClean(missing, "message page")
            XCTAssertTrue(missing.dom.contains("No pacticipant named &lt;b&gt;x&lt;/b&gt;"))
            return ["/", "/pacts/provider/orders-api/consumer/web-app/latest", "/matrix/provider/orders-api/consumer/web-app",
                    "/pacticipants/orders-api", "/empty", "/search", "/missing"]
        }
    }

    /// The pages the broker serves from its own store, as Chromium asks for them (its Accept header picks the pages).
    func testTheBrokersServedPagesLoadCleanInTheBrowser() async throws {
        let chromium = try HeadlessChromium.locate()
        let paths = ["/", "/pacts/provider/Bar/consumer/Foo/latest", "/matrix/provider/Bar/consumer/Foo", "/pacticipants/Bar"]
        let loads = try await RunningBroker.with { broker in
            try await PageRoutingTests.seed(broker)
            return try paths.map { try chromium.load(broker.url($0)) }
        }
        for (path, load) in zip(paths, loads) { assertClean(load, path) }
        XCTAssertTrue(loads[0].dom.contains(#"data-consumer-name="Foo""#) && loads[0].dom.contains(#"data-status="stale""#), loads[0].dom)
        XCTAssertTrue(loads[1].dom.contains("a request for second"), loads[1].dom)
        XCTAssertEqual(loads[2].dom.components(separatedBy: "<tr class=\"matrix-row\"").count - 1, 2)
        XCTAssertTrue(loads[3].dom.contains("<svg"), loads[3].dom)
    }

    func testScreenshotsArePictures() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pactkit-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shots = [
            ("broker-index.png", "/", 1280, 640),
            ("broker-pact.png", "/pacts/provider/orders-api/consumer/web-app/latest", 1280, 2400),
            ("broker-pacticipant.png", "/pacticipants/orders-api", 1280, 720),
            ("broker-matrix.png", "/matrix/provider/orders-api/consumer/web-app", 1280, 420),
        ]
        try await withServer(forDocs: true) { base, chromium in
            for (name, path, width, height) in shots {
                let file = folder.appendingPathComponent(name)
                try chromium.screenshot(url(base, path), to: file, width: width, height: height)
                let data = try Data(contentsOf: file)
                let size = try XCTUnwrap(pngSize(data), "\(name) is not a PNG")
                XCTAssertEqual(size.width, width, name)
                XCTAssertEqual(size.height, height, name)
                // A blank page compresses to almost nothing; a rendered table does not.
                XCTAssertGreaterThan(data.count, 20_000, "\(name) looks blank (\(data.count) bytes)")
            }
            return shots.map(\.1)
        }
        if let target = ProcessInfo.processInfo.environment["PACTKIT_UI_SCREENSHOTS"] {
            let targetURL = URL(fileURLWithPath: target)
            try FileManager.default.createDirectory(at: targetURL, withIntermediateDirectories: true)
            for (name, _, _, _) in shots {
                let destination = targetURL.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: destination)
            }
        }
    }
}
