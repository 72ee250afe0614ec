import XCTest

@testable import PactModel

final class FormURLEncodingTests: XCTestCase {
    func testQueryKeepsOrderOfFirstAppearanceAndRepeatedValues() {
        let parameters = FormURLEncoding.parseQuery("b=2&a=1&b=3&flag&")
        XCTAssertEqual(parameters, [
            QueryParameter(name: "b", values: ["2", "3"]),
            QueryParameter(name: "a", values: ["1"]),
            QueryParameter(name: "flag", values: [nil]),
        ])
    }

    func testDecodingHandlesPlusPercentAndMalformedEscapes() {
        XCTAssertEqual(FormURLEncoding.decode("a+b%3Dc%C3%A9"), "a b=cé")
        XCTAssertEqual(FormURLEncoding.decode("100%"), "100%")
        XCTAssertEqual(FormURLEncoding.decode("%zz%4"), "%zz%4")
    }

    func testEncodingRoundTripsThroughDecoding() {
        let text = "a b&c=d/é~_-."
        XCTAssertEqual(FormURLEncoding.encode(text), "a+b%26c%3Dd%2F%C3%A9~_-.")
        XCTAssertEqual(FormURLEncoding.decode(FormURLEncoding.encode(text)), text)
    }
}
