import XCTest
import PactBrokerServer

/// Pages for browsers, the API for everything else, as pact_broker decides.
final class BrokerPageNegotiationTests: XCTestCase {
    func testABrowsersAcceptGetsAPage() {
        XCTAssertTrue(BrokerPageNegotiation.wantsPage(
            accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"))
        XCTAssertTrue(BrokerPageNegotiation.wantsPage(accept: "text/html"))
    }

    func testAPIClientsGetTheAPI() {
        XCTAssertFalse(BrokerPageNegotiation.wantsPage(accept: nil), "no Accept: never a browser")
        XCTAssertFalse(BrokerPageNegotiation.wantsPage(accept: ""))
        XCTAssertFalse(BrokerPageNegotiation.wantsPage(accept: "*/*"), "curl's default")
        XCTAssertFalse(BrokerPageNegotiation.wantsPage(accept: "application/hal+json"))
        XCTAssertFalse(BrokerPageNegotiation.wantsPage(accept: "application/hal+json, application/json, */*; q=0.01"))
        XCTAssertFalse(BrokerPageNegotiation.wantsPage(accept: "Application/JSON"))
        XCTAssertFalse(BrokerPageNegotiation.wantsPage(accept: "text/html", contentType: "application/json"))
    }
}
