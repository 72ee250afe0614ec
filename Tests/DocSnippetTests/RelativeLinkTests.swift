import Foundation
import TestSupport
import XCTest

/// Every relative link of the README and `docs/` leads to a file of the package, and a `#fragment` to a heading of
/// that page; links outside code blocks only, web addresses aside.
final class RelativeLinkTests: XCTestCase {
    private let root = PackageRoot.url

    func testEveryRelativeLinkResolves() throws {
        var checked = 0
        for page in try DocumentedSwiftBlocks.markdownPages(under: root) {
            let pageURL = root.appendingPathComponent(page)
            let text = try String(contentsOf: pageURL, encoding: .utf8)
            for link in MarkdownLinks.targets(in: text) where !MarkdownLinks.isExternal(link) {
                checked += 1
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? pageURL
                    : pageURL.deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(page): \(link) leads to no file")
                guard parts.count == 2, target.pathExtension == "md",
                      let linked = try? String(contentsOf: target, encoding: .utf8) else { continue }
                XCTAssertTrue(MarkdownLinks.headingAnchors(in: linked).contains(parts[1]),
                              "\(page): \(link): no heading of \(target.lastPathComponent) has the anchor #\(parts[1])")
            }
        }
        XCTAssertGreaterThan(checked, 10, "the README links to every page of docs/")
    }

    func testLinksAndAnchorsAreReadAsGitHubDoes() {
        let text = """
            See [the mock](docs/mock.md) and [CI](docs/broker.md#consumer-pipeline), [Pact](https://docs.pact.io).
            ```sh
            echo [not](a-link.md)
            ```
            ## `pactkit mock`: a standalone mock provider
            ## Reading, writing and matching pacts
            """
        XCTAssertEqual(MarkdownLinks.targets(in: text), ["docs/mock.md", "docs/broker.md#consumer-pipeline", "https://docs.pact.io"])
        XCTAssertEqual(MarkdownLinks.headingAnchors(in: text),
                       ["pactkit-mock-a-standalone-mock-provider", "reading-writing-and-matching-pacts"])
        XCTAssertTrue(MarkdownLinks.isExternal("https://docs.pact.io"))
        XCTAssertFalse(MarkdownLinks.isExternal("../README.md#installing"))
    }
}
