import PactModel
import XCTest

/// Paths to actual nodes are written as pact-reference's `DocPath` writes them, so mismatch paths read the same in
/// both implementations.
final class PathTextTests: XCTestCase {
    func testIdentifiersAfterADotOtherKeysQuoted() {
        XCTAssertEqual(PathExpression.text(for: [.field("a"), .field("_b1")]), "$.a._b1")
        XCTAssertEqual(PathExpression.text(for: [.field("a b")]), "$['a b']")
        XCTAssertEqual(PathExpression.text(for: [.field("x-id")]), "$['x-id']")
        XCTAssertEqual(PathExpression.text(for: [.field("1a")]), "$['1a']")
        XCTAssertEqual(PathExpression.text(for: [.field("")]), "$['']")
    }

    func testAllDigitKeysAndIndicesInBrackets() {
        XCTAssertEqual(PathExpression.text(for: [.field("100")]), "$[100]")
        XCTAssertEqual(PathExpression.text(for: [.field("items"), .index(2), .field("id")]), "$.items[2].id")
    }

    func testQuotesAndBackslashesAreEscaped() {
        XCTAssertEqual(PathExpression.text(for: [.field("it's")]), #"$['it\'s']"#)
        XCTAssertEqual(PathExpression.text(for: [.field(#"a\b"#)]), #"$['a\\b']"#)
    }
}
