import Foundation
import PactConsumer
import XCTest

/// A contract test never passes while checking nothing: an interaction needs a response, and a path filled in from
/// provider state still has its shape checked by the mock.
final class SilentPassTests: XCTestCase {
    func testInteractionWithoutAResponseIsAUsageErrorAndWritesNoPact() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, reporter: reporter)
        let line = #line + 1
        pact.uponReceiving("delete an order")
            .withRequest(.delete, "/orders/1")
        var closureRan = false
        do {
            try await pact.run { _ in closureRan = true }
            XCTFail("run must throw")
        } catch is PactRunError {}
        XCTAssertFalse(closureRan)
        XCTAssertEqual(reporter.failures.map(\.kind), [.usage])
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(line))
        XCTAssertTrue(reporter.failures.first?.message.contains("has no response") ?? false, "\(reporter.failures)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "no pact is written")
    }

    func testInteractionWithoutARequestIsAUsageError() async throws {
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: try temporaryDirectory(self), reporter: reporter)
        let line = #line + 1
        pact.uponReceiving("an answer to nothing").willRespondWith(status: 200)
        do {
            try await pact.run { _ in }
            XCTFail("run must throw")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.location.line), [UInt(line)])
        XCTAssertTrue(reporter.failures.first?.message.contains("has no request") ?? false, "\(reporter.failures)")
    }

    func testProviderStatePathKeepsItsShapeInTheMock() async throws {
        let directory = try temporaryDirectory(self)
        func declare(_ pact: PactBuilder) {
            pact.uponReceiving("read an order")
                .given("an order exists", ["id": 42])
                .withRequest(.get, .fromProviderState("/orders/${id}/lines", example: "/orders/42/lines"))
                .willRespondWith(status: 200)
        }
        let reporter = CollectingFailureReporter()
        let wrong = PactBuilder(consumer: "app", provider: "api", directory: directory, reporter: reporter)
        declare(wrong)
        do {
            try await wrong.run { _ = try await TestClient(baseURL: $0.url).send("GET", "/ordres/42/lines") }
            XCTFail("a path of another shape must not match")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.kind), [.unexpectedRequest], "one problem, one report: \(reporter.failures)")
        XCTAssertTrue(reporter.failures.first?.message.contains("'read an order' was never received") ?? false)

        let right = PactBuilder(consumer: "app", provider: "api", directory: directory, reporter: reporter)
        declare(right)
        try await right.run { _ = try await TestClient(baseURL: $0.url).send("GET", "/orders/7/lines") }
        let written = try XCTUnwrap(PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json")).httpInteractions.first)
        XCTAssertEqual(written.request.matchingRules[.path][""]?.rules, [.regex("/orders/[^/]+/lines")])
        XCTAssertEqual(written.request.generators[.path][""], .providerState(expression: "/orders/${id}/lines", dataType: "STRING"))
    }

    func testProviderStatePathWiderThanOneSegmentKeepsTheExamplesSegmentCount() {
        let (request, errors) = declaredRequest(.get, .fromProviderState("${path}", example: "/orders/42"))
        XCTAssertEqual(errors, [])
        XCTAssertEqual(request?.matchingRules[.path][""]?.rules, [.regex("/[^/]+/[^/]+")])
    }
}
