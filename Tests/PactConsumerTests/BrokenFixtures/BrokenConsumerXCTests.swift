import Foundation
import PactConsumer
import XCTest

/// The broken consumer tests under XCTest; run by `OneReportPerProblemTests` in a child process, skipped otherwise.
final class BrokenConsumerXCTests: XCTestCase {
    /// Lives as long as XCTest keeps this test case (the whole run): checked when the test ends, not at `deinit`.
    let pact = PactBuilder(consumer: "orders-app", provider: "orders-api", directory: BrokenConsumer.directory())

    override func setUpWithError() throws {
        try XCTSkipUnless(BrokenConsumer.enabled, "fails on purpose; run by OneReportPerProblemTests")
    }

    func testMismatchesThenClosureError() async throws {
        try await BrokenConsumer.mismatchesThenClosureError()
    }

    func testUsageErrorsInLineOrder() async throws {
        try await BrokenConsumer.usageErrorsInLineOrder()
    }

    func testNeverRunLocalBuilder() {
        BrokenConsumer.neverRun()
    }

    func testNeverVerifiedMessages() {
        BrokenConsumer.neverVerified()
    }

    func testMessageHandlerFails() async throws {
        try await BrokenConsumer.messageHandlerFails()
    }

    func testNeverRunBuilderProperty() {
        let line = #line + 1
        pact.uponReceiving("read an order")
            .withRequest(.get, "/orders/1")
            .willRespondWith(status: 200)
        BrokenConsumer.expect("never run property", [line])
    }
}
