import HTTPSyntax
import XCTest

/// RFC 9110 tokens: what a method or header name may be.
final class HTTPTokenTests: XCTestCase {
    func testTokenCharactersOnly() {
        XCTAssertTrue(HTTPToken.isToken("X-Custom_Header.1!#$%&'*+^`|~"))
        XCTAssertFalse(HTTPToken.isToken(""))
        XCTAssertFalse(HTTPToken.isToken("GET /"))
        XCTAssertFalse(HTTPToken.isToken("X-A\r\nX-B"))
        XCTAssertFalse(HTTPToken.isToken("Naïve"))
    }
}
