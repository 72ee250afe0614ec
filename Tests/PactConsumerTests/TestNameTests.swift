import Foundation
import PactConsumer
import PactModel
import XCTest

/// The test name recorded with an interaction (V4 `comments.testname`, shown by verifiers as "Test: …") is the
/// running test's, also when the DSL is called from a helper function.
final class TestNameTests: XCTestCase {
    /// A builder made before the first test starts observing XCTest, so every test of this class knows its test case
    /// whichever runs first (the observer hears of test cases that start after it).
    override class func setUp() {
        super.setUp()
        _ = PactBuilder(consumer: "c", provider: "p", reporter: CollectingFailureReporter())
    }

    private func declareInAHelper(_ pact: PactBuilder) {
        pact.uponReceiving("a request from a helper").withRequest(.get, "/").willRespondWith(status: 200)
    }

    private func declareInAHelper(_ pact: MessagePactBuilder) {
        pact.expectsToReceive("a message from a helper").withContents(["a": 1])
    }

    func testInteractionDeclaredInAHelperRecordsTheRunningTest() throws {
        #if os(Linux)
        let pact = PactBuilder(consumer: "c", provider: "p", reporter: CollectingFailureReporter())
        declareInAHelper(pact)
        XCTAssertEqual(pact.interactions.first?.info.comments["testname"],
                       "testInteractionDeclaredInAHelperRecordsTheRunningTest()")
        pact.uponReceiving("named by the test").withRequest(.get, "/").willRespondWith(status: 200).testName("custom")
        XCTAssertEqual(pact.interactions.last?.info.comments["testname"], "custom", "testName(_:) still wins")
        #else
        throw XCTSkip("the running XCTest test case is observed on Linux only; elsewhere #function names the caller")
        #endif
    }

    func testMessageDeclaredInAHelperRecordsTheRunningTest() async throws {
        #if os(Linux)
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = MessagePactBuilder(consumer: "c", provider: "p", directory: directory, reporter: reporter)
        declareInAHelper(pact)
        try await pact.verifyMessages { _ in }
        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("c-p.json"))
        XCTAssertEqual(written.interactions.first?.info.comments["testname"],
                       "testMessageDeclaredInAHelperRecordsTheRunningTest()")
        XCTAssertEqual(reporter.failures, [])
        #else
        throw XCTSkip("the running XCTest test case is observed on Linux only; elsewhere #function names the caller")
        #endif
    }
}
