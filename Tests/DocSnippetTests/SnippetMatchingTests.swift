import XCTest

/// How blocks and twins are read and compared, on small texts.
final class SnippetMatchingTests: XCTestCase {
    private let page = """
        # A page

        ```swift
        let pact = PactBuilder(consumer: "a", provider: "b")
            .given("x")
        ```

        ```sh
        swift test
        ```
        """

    /// The markers are interpolated, so that this file holds no twin itself.
    private let testFile = """
        func example() {  // repo only
            \(SnippetTwins.startMarker) docs/page.md
            try XCTSkipUnless(false)  // repo only
            let pact = PactBuilder(consumer: "a", provider: "b")
                .given("x")
            \(SnippetTwins.endMarker)
        }
        """

    func testATwinMatchesItsBlockWithoutTheOmittedLinesAndTheIndentation() throws {
        let blocks = try DocumentedSwiftBlocks.markdownBlocks(in: page, document: "docs/page.md")
        XCTAssertEqual(blocks.map(\.lines), [[#"let pact = PactBuilder(consumer: "a", provider: "b")"#, #"    .given("x")"#]])
        XCTAssertEqual(blocks.first?.line, 3)
        let twins = try SnippetTwins.twins(in: testFile, file: "Tests/X/Example.swift")
        XCTAssertNotNil(SnippetTwins.twin(of: try XCTUnwrap(blocks.first), among: twins))
    }

    func testAnEditedBlockNoLongerMatches() throws {
        let edited = page.replacingOccurrences(of: #"consumer: "a""#, with: #"consumer: "c""#)
        let block = try XCTUnwrap(try DocumentedSwiftBlocks.markdownBlocks(in: edited, document: "docs/page.md").first)
        let twins = try SnippetTwins.twins(in: testFile, file: "Tests/X/Example.swift")
        XCTAssertNil(SnippetTwins.twin(of: block, among: twins))
        XCTAssertTrue(SnippetTwins.firstDifference(of: block, among: twins).contains("differs at snippet line 1"))
    }

    func testATwinOfAnotherDocumentDoesNotCount() throws {
        let block = try XCTUnwrap(try DocumentedSwiftBlocks.markdownBlocks(in: page, document: "docs/other.md").first)
        let twins = try SnippetTwins.twins(in: testFile, file: "Tests/X/Example.swift")
        XCTAssertNil(SnippetTwins.twin(of: block, among: twins))
    }

    func testDocCommentBlocksAreRead() throws {
        let source = """
            /// Does things.
            ///
            /// ```swift
            /// let x = 1
            ///     + 2
            /// ```
            public let y = 3
            """
        let blocks = try DocumentedSwiftBlocks.docCommentBlocks(in: source, document: "Sources/A/B.swift")
        XCTAssertEqual(blocks.map(\.lines), [["let x = 1", "    + 2"]])
    }

    func testAnIndentedOrUnclosedFenceIsAnError() {
        XCTAssertThrowsError(try DocumentedSwiftBlocks.markdownBlocks(in: "- item\n  ```swift\n  x\n  ```\n", document: "a.md"))
        XCTAssertThrowsError(try DocumentedSwiftBlocks.markdownBlocks(in: "```swift\nx\n", document: "a.md"))
        XCTAssertThrowsError(try SnippetTwins.twins(in: "\(SnippetTwins.startMarker) a.md\nx\n", file: "Tests/X/A.swift"))
    }
}
