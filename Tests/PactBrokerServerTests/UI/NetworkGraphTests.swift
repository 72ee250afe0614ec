import Foundation
import XCTest
@testable import PactBrokerServer

/// The pacticipant page's network graph: the layout's columns and arrows, and the SVG's nodes, edges and escaping.
final class NetworkGraphTests: XCTestCase {
    private func column(_ layout: NetworkGraphLayout, _ name: String) -> Int? {
        layout.nodes.first { $0.name == name }?.column
    }

    func testConsumersLeftProvidersRightFocusBetween() {
        let layout = NetworkGraphLayout(focus: UISeed.network.name, dependencies: UISeed.network.dependencies)
        let focus = column(layout, "orders-api")
        XCTAssertEqual(focus, 1)
        XCTAssertEqual(column(layout, "web-app"), 0)
        XCTAssertEqual(column(layout, "mobile-app"), 0)
        XCTAssertEqual(column(layout, UISeed.hostileName), 0)
        XCTAssertEqual(column(layout, "inventory"), 2)
        XCTAssertEqual(column(layout, "payments"), 2)
        XCTAssertEqual(column(layout, "warehouse"), 3)
        XCTAssertEqual(layout.nodes.count, 7)
        XCTAssertEqual(layout.edges.count, 7)
        XCTAssertEqual(layout.omitted, 0)
        // Sorted within a column, the focus alone in its own.
        XCTAssertEqual(layout.nodes.filter { $0.column == 0 }.map(\.name), [UISeed.hostileName, "mobile-app", "web-app"])
        // Every arrow from a consumer to a provider points rightwards here, ending just left of the provider's box.
        for edge in layout.edges {
            let from = layout.nodes.first { $0.name == edge.consumer }!
            let to = layout.nodes.first { $0.name == edge.provider }!
            XCTAssertLessThan(from.column, to.column, "\(edge.consumer) → \(edge.provider)")
            let startX = Double(edge.path.dropFirst().prefix { $0 != "," })
            XCTAssertEqual(try XCTUnwrap(startX), from.x + from.width, accuracy: 0.1, edge.path)
            XCTAssertTrue(edge.path.hasSuffix(",\(Int(to.y + to.height / 2))"), edge.path)
        }
        // Boxes never overlap.
        for a in layout.nodes { for b in layout.nodes where a != b {
            let apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
            XCTAssertTrue(apart, "\(a.name) overlaps \(b.name)")
        } }
        XCTAssertTrue(layout.nodes.allSatisfy { $0.x + $0.width <= layout.width && $0.y + $0.height <= layout.height })
    }

    func testAnArrowSkippingColumnsRunsThroughTheGapsNotTheBoxes() throws {
        // w → a → {b, c, d}, b → e, and w → e straight across the middle of a's and c's columns.
        let layout = NetworkGraphLayout(focus: "a", dependencies: [
            .init(consumer: "w", provider: "a"), .init(consumer: "a", provider: "b"), .init(consumer: "a", provider: "c"),
            .init(consumer: "a", provider: "d"), .init(consumer: "b", provider: "e"), .init(consumer: "w", provider: "e"),
        ])
        XCTAssertEqual(["w", "a", "b", "c", "d", "e"].map { column(layout, $0) }, [0, 1, 2, 2, 2, 3])
        let long = try XCTUnwrap(layout.edges.first { $0.consumer == "w" && $0.provider == "e" })
        // Its straight runs, one per column crossed: "L x,y" after each entry point.
        let runs = long.path.components(separatedBy: " L").dropFirst().map { $0.split(separator: " ")[0] }
        XCTAssertEqual(runs.count, 2, long.path)
        for (offset, run) in runs.enumerated() {
            let parts = run.split(separator: ",").compactMap { Double($0) }
            let y = try XCTUnwrap(parts.last)
            let boxes = layout.nodes.filter { $0.column == offset + 1 }
            XCTAssertFalse(boxes.isEmpty)
            for box in boxes {
                XCTAssertFalse(y >= box.y && y <= box.y + box.height, "\(long.path) runs through \(box.name)")
            }
        }
        // An arrow to the next column is one curve.
        let short = try XCTUnwrap(layout.edges.first { $0.consumer == "w" && $0.provider == "a" })
        XCTAssertFalse(short.path.contains(" L"))
        XCTAssertEqual(short.path.components(separatedBy: " C").count, 2)
    }

    func testTheLayoutIsDeterministicWhateverTheInputOrder() {
        let deps = UISeed.network.dependencies
        let a = NetworkGraphLayout(focus: "orders-api", dependencies: deps)
        let b = NetworkGraphLayout(focus: "orders-api", dependencies: deps.reversed() + deps)
        XCTAssertEqual(a, b)
    }

    func testCyclesSelfPactsAndStrangersAreHandled() {
        let layout = NetworkGraphLayout(focus: "a", dependencies: [
            .init(consumer: "a", provider: "b"), .init(consumer: "b", provider: "a"),
            .init(consumer: "a", provider: "a"), .init(consumer: "x", provider: "y"),
        ])
        XCTAssertEqual(layout.nodes.map(\.name).sorted(), ["a", "b"], "x and y are not connected to a")
        XCTAssertEqual(layout.edges.map { "\($0.consumer)>\($0.provider)" }, ["a>a", "a>b", "b>a"])
        XCTAssertEqual(column(layout, "a"), 0)
        XCTAssertEqual(column(layout, "b"), 1)
    }

    func testALonePacticipantAndTheNodeCap() {
        let alone = NetworkGraphLayout(focus: "solo", dependencies: [])
        XCTAssertEqual(alone.nodes.map(\.name), ["solo"])
        XCTAssertTrue(alone.edges.isEmpty)
        let many = (0..<30).map { NetworkDependency(consumer: "c\($0)", provider: "hub") }
        let capped = NetworkGraphLayout(focus: "hub", dependencies: many, maxNodes: 10)
        XCTAssertEqual(capped.nodes.count, 10)
        XCTAssertEqual(capped.omitted, 21)
        XCTAssertEqual(capped.edges.count, 9)
    }

    func testTheSVGHasAnEscapedLinkedNodePerPacticipantAndAnArrowPerIntegration() throws {
        let html = try UISeed.pages().pacticipant(UISeed.network)
        XCTAssertTrue(html.contains(#"<h1 id="pacticipant-name">orders-api</h1>"#))
        XCTAssertTrue(html.contains("Network of orders-api: 7 pacticipants, 7 integrations"))
        XCTAssertEqual(html.components(separatedBy: "<g class=\"node").count - 1, 7)
        XCTAssertEqual(html.components(separatedBy: "<path class=\"edge\"").count - 1, 7)
        XCTAssertTrue(html.contains(#"<a href="/pacticipants/warehouse"><g class="node" data-name="warehouse"><title>warehouse</title>"#))
        XCTAssertTrue(html.contains(#"<g class="node focus" data-name="orders-api">"#))
        XCTAssertTrue(html.contains(#"<path class="edge" data-consumer="inventory" data-provider="warehouse" d="M"#))
        XCTAssertTrue(html.contains(#"marker-end="url(#arrow)""#))
        XCTAssertFalse(html.contains("<img"), "the hostile name became markup")
        XCTAssertTrue(html.contains(#"data-name="&lt;img src=x onerror=&quot;console.error(&#39;xss&#39;)&quot;&gt;""#))
        // The lists beside the graph.
        XCTAssertTrue(html.contains(#"<h2>Consumers of orders-api</h2>"#))
        XCTAssertTrue(html.contains(#"<a href="/pacts/provider/orders-api/consumer/mobile-app/latest">View pact</a>"#))
        XCTAssertTrue(html.contains(#"<a href="/matrix/provider/payments/consumer/orders-api">Matrix</a>"#))
    }

    func testLongNamesAreShortenedInTheBoxWithTheFullNameAsTooltip() throws {
        let long = String(repeating: "n", count: 50)
        let html = try UISeed.pages().pacticipant(PacticipantPageModel(name: long, dependencies: []))
        XCTAssertTrue(html.contains("<title>\(long)</title>"))
        XCTAssertTrue(html.contains(">\(String(repeating: "n", count: 31))…</text>"))
        XCTAssertTrue(html.contains("No consumer has published a pact with \(long)."))
    }

    func testDetailsShowAndOnlyWebRepositoryURLsLink() throws {
        let pages = try UISeed.pages()
        let html = pages.pacticipant(PacticipantPageModel(
            name: "a", dependencies: [], mainBranch: "main", latestVersion: "1.2.3",
            repositoryURL: "https://git.example.com/a?x=1&y=2"))
        XCTAssertTrue(html.contains("<tr><th>Main branch</th><td><code>main</code></td></tr>"))
        XCTAssertTrue(html.contains("<tr><th>Latest version</th><td><code>1.2.3</code></td></tr>"))
        XCTAssertTrue(html.contains(#"<a href="https://git.example.com/a?x=1&amp;y=2" rel="noopener noreferrer">"#), html)

        let hostile = pages.pacticipant(PacticipantPageModel(
            name: "a", dependencies: [], repositoryURL: "javascript:alert(1)"))
        XCTAssertFalse(hostile.contains("href=\"javascript"), hostile)
        XCTAssertTrue(hostile.contains("<tr><th>Repository</th><td>javascript:alert(1)</td></tr>"))

        XCTAssertFalse(pages.pacticipant(PacticipantPageModel(name: "a", dependencies: [])).contains("pacticipant-details"))
    }
}
