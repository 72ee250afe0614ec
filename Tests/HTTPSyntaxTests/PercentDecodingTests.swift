import HTTPSyntax
import XCTest

/// The one percent-decoder of request paths and form text: lenient, so a client's bytes are never dropped.
final class PercentDecodingTests: XCTestCase {
    func testEscapesBecomeBytesAndUTF8IsDecoded() {
        XCTAssertEqual(PercentDecoding.decode("/a%20b/%C3%A9%2f"), "/a b/é/")
    }

    func testMalformedEscapesStayAsWritten() {
        XCTAssertEqual(PercentDecoding.decode("100%"), "100%")
        XCTAssertEqual(PercentDecoding.decode("%4"), "%4")
        XCTAssertEqual(PercentDecoding.decode("%zz%41"), "%zzA")
    }

    func testInvalidUTF8BecomesTheReplacementCharacter() {
        XCTAssertEqual(PercentDecoding.decode("a%FFb"), "a\u{FFFD}b")
    }

    func testPlusIsASpaceOnlyInFormText() {
        XCTAssertEqual(PercentDecoding.decode("a+b%2B"), "a+b+")
        XCTAssertEqual(PercentDecoding.decode("a+b%2B", plusAsSpace: true), "a b+")
    }

    func testSubstringsDecodeOnlyTheirOwnBytes() {
        let text = "x=%41%42&y"
        let value = text.dropFirst(2).prefix(6)
        XCTAssertEqual(PercentDecoding.decode(value), "AB")
    }
}
