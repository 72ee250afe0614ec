import Foundation
import TestSupport
import XCTest

/// Every ```swift block of the README, `docs/` and the doc comments of `Sources/` is compiled: it has a twin, the same
/// lines between `// doc-snippet: <document>` and `// doc-snippet-end` in a file of a test target, which
/// `swift build --build-tests` compiles. A block that is not whole Swift (a `Package.swift` excerpt) is listed in
/// `checkedElsewhere` with the test that checks it instead. Editing a block without its twin, or a twin without its
/// block, fails here.
final class DocSnippetTests: XCTestCase {
    private let root = PackageRoot.url

    /// Blocks the compiler cannot check, by document and first line, with the test that does.
    static let checkedElsewhere: [(document: String, firstLine: String, checkedBy: String)] = [
        ("README.md", "// Package.swift", "ReadmeSnippetTests.testThePackageSnippetIsTheOneThatNamesThisPackagesProduct"),
    ]

    private func isCheckedElsewhere(_ block: DocumentedSwiftBlock) -> Bool {
        Self.checkedElsewhere.contains { $0.document == block.document && block.lines.first == $0.firstLine }
    }

    func testEveryDocumentedSwiftBlockHasACompiledTwin() throws {
        let twins = try SnippetTwins.all(under: root)
        for block in try DocumentedSwiftBlocks.all(under: root) where !isCheckedElsewhere(block) {
            XCTAssertNotNil(SnippetTwins.twin(of: block, among: twins),
                            "\(block) has no compiled twin; \(SnippetTwins.firstDifference(of: block, among: twins))")
        }
    }

    func testEveryTwinIsADocumentedBlock() throws {
        let blocks = try DocumentedSwiftBlocks.all(under: root)
        for twin in try SnippetTwins.all(under: root) {
            let documented = blocks.filter { $0.document == twin.document }.map { SnippetTwins.dedented($0.lines) }
            XCTAssertTrue(documented.contains(twin.lines),
                          "\(twin) is not a ```swift block of \(twin.document) (\(documented.count) there): edit both together")
        }
    }

    func testTheBlocksCheckedElsewhereExist() throws {
        let blocks = try DocumentedSwiftBlocks.all(under: root)
        for entry in Self.checkedElsewhere {
            XCTAssertEqual(blocks.filter { $0.document == entry.document && $0.lines.first == entry.firstLine }.count, 1,
                           "\(entry.document) shows one block starting \(entry.firstLine), checked by \(entry.checkedBy)")
        }
    }

    /// A twin is compiled only if its file belongs to a target: `Tests/<folder>/…` with a target of that name.
    func testTwinsAreInTestTargets() throws {
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for twin in try SnippetTwins.all(under: root) {
            let folder = twin.file.split(separator: "/").dropFirst().first.map(String.init) ?? ""
            XCTAssertTrue(manifest.contains(".testTarget(name: \"\(folder)\"") || manifest.contains("name: \"\(folder)\""),
                          "\(twin): Tests/\(folder) is not a target in Package.swift")
        }
    }

    /// The search finds what is there, so the checks above cannot pass by finding nothing.
    func testTheBlocksAreFoundInTheReadmeTheDocsAndTheDocComments() throws {
        let blocks = try DocumentedSwiftBlocks.all(under: root)
        XCTAssertEqual(blocks.filter { $0.document == "README.md" }.count, 3,
                       "the quick start's Package.swift and test, and the root-list bodies with query:")
        XCTAssertGreaterThanOrEqual(blocks.filter { $0.document.hasPrefix("docs/") }.count, 5)
        XCTAssertGreaterThanOrEqual(blocks.filter { $0.document.hasPrefix("Sources/") }.count, 9)
        XCTAssertTrue(blocks.contains { $0.document == "Sources/PactConsumer/DSL/PactBuilder.swift" })
    }
}
