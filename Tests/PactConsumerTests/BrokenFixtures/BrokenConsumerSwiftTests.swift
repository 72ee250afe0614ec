import Foundation
import PactConsumer
import Testing

/// The broken consumer tests under Swift Testing; run by `OneReportPerProblemTests` in a child process, disabled
/// otherwise.
@Suite(.enabled(if: BrokenConsumer.enabled, "fails on purpose; run by OneReportPerProblemTests"))
struct BrokenConsumerSwiftTests {
    /// Swift Testing makes a fresh suite value per test and drops it at the test's end, with this builder.
    let pact = PactBuilder(consumer: "orders-app", provider: "orders-api", directory: BrokenConsumer.directory())

    @Test func mismatchesThenClosureError() async throws {
        try await BrokenConsumer.mismatchesThenClosureError()
    }

    @Test func usageErrorsInLineOrder() async throws {
        try await BrokenConsumer.usageErrorsInLineOrder()
    }

    @Test func neverRunLocalBuilder() {
        BrokenConsumer.neverRun()
    }

    @Test func neverVerifiedMessages() {
        BrokenConsumer.neverVerified()
    }

    @Test func messageHandlerFails() async throws {
        try await BrokenConsumer.messageHandlerFails()
    }

    @Test func neverRunBuilderProperty() {
        let line = #line + 1
        pact.uponReceiving("read an order")
            .withRequest(.get, "/orders/1")
            .willRespondWith(status: 200)
        BrokenConsumer.expect("never run property", [line])
    }
}
