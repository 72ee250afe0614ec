import Foundation
@testable import PactConsumer
import PactModel
import XCTest

/// `run(timeout:)`: a closure that never finishes ends the run with one failure naming the interactions still
/// outstanding, at the run line; a closure that finishes is unaffected.
final class RunTimeoutTests: XCTestCase {
    private func makePact(_ directory: URL, _ reporter: CollectingFailureReporter) -> PactBuilder {
        PactBuilder(consumer: "orders-app", provider: "orders-api", directory: directory, reporter: reporter)
    }

    func testAClosureThatNeverFinishesEndsWithOneFailureNamingTheOutstandingInteractions() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        pact.uponReceiving("list orders").withRequest(.get, "/orders").willRespondWith(status: 200)
        pact.uponReceiving("read an order").withRequest(.get, "/orders/1").willRespondWith(status: 200)
        pact.uponReceiving("create an order").withRequest(.post, "/orders").willRespondWith(status: 201)
        let runLine = #line + 2
        do {
            try await pact.run(timeout: .milliseconds(200)) { mockServer in
                _ = try await TestClient(baseURL: mockServer.url).send("GET", "/orders")
                try await Task.sleep(for: .seconds(86_400))   // a client that waits forever, as cancellable as most
            }
            XCTFail("a run that times out must throw")
        } catch let error as PactRunError {
            XCTAssertEqual(error.failures, reporter.failures)
        }
        XCTAssertEqual(reporter.failures.map(\.kind), [.timedOut], "\(reporter.failures)")
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(runLine))
        XCTAssertEqual(reporter.failures.first?.message,
                       "Pact: the test closure did not finish within the run's timeout of 0.2 s; still outstanding "
                        + "(declared but never received by the mock provider): 'read an order' (GET /orders/1), "
                        + "'create an order' (POST /orders); the closure was cancelled; if the client is only slow, "
                        + "give run(timeout:) or PACT_RUN_TIMEOUT more time")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("orders-app-orders-api.json").path))
    }

    func testAMismatchBeforeTheTimeoutIsStillReportedAtItsLine() async throws {
        let reporter = CollectingFailureReporter()
        let pact = makePact(try temporaryDirectory(self), reporter)
        let createLine = #line + 1
        pact.uponReceiving("create an order").withRequest(.post, "/orders", body: ["quantity": .integer(1)])
            .willRespondWith(status: 201)
        do {
            try await pact.run(timeout: .milliseconds(200)) { mockServer in
                _ = try await TestClient(baseURL: mockServer.url).postJSON("/orders", ["quantity": "many"])
                try await Task.sleep(for: .seconds(86_400))
            }
            XCTFail("a run that times out must throw")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.kind), [.mismatch, .timedOut], "\(reporter.failures)")
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(createLine))
        XCTAssertTrue(reporter.failures.last?.message.contains("after every interaction was received") ?? false,
                      "the mismatched interaction was received, so none is outstanding: \(reporter.failures)")
    }

    func testARunThatFinishesIsUnaffected() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        pact.uponReceiving("list orders").withRequest(.get, "/orders").willRespondWith(status: 200, body: ["count": 2])
        let status = try await pact.run { mockServer in
            try await TestClient(baseURL: mockServer.url).send("GET", "/orders").status
        }
        XCTAssertEqual(status, 200)
        XCTAssertEqual(reporter.failures, [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("orders-app-orders-api.json").path))
    }

    func testTheTimeoutIsRunsThenPACT_RUN_TIMEOUTThenThirtySeconds() throws {
        XCTAssertEqual(try RunTimeout.resolve(nil, environment: [:]).get(), .seconds(30))
        XCTAssertEqual(try RunTimeout.resolve(nil, environment: ["PACT_RUN_TIMEOUT": "2.5"]).get(), .milliseconds(2500))
        XCTAssertEqual(try RunTimeout.resolve(.seconds(5), environment: ["PACT_RUN_TIMEOUT": "60"]).get(), .seconds(5))
        XCTAssertEqual(RunTimeout.text(.seconds(30)), "30 s")
        XCTAssertEqual(RunTimeout.text(.milliseconds(250)), "0.25 s")
    }

    func testABadTimeoutIsAUsageErrorAtTheRunLine() async throws {
        let cases: [(timeout: Duration?, environment: String?, reason: String)] = [
            (.zero, nil, "run(timeout:) is 0 s; give a timeout longer than zero"),
            (nil, "soon", "PACT_RUN_TIMEOUT is 'soon', not a number of seconds greater than zero (e.g. PACT_RUN_TIMEOUT=60)"),
            (nil, "-1", "PACT_RUN_TIMEOUT is '-1', not a number of seconds greater than zero (e.g. PACT_RUN_TIMEOUT=60)"),
        ]
        for (timeout, environment, reason) in cases {
            guard case .failure(let error) = RunTimeout.resolve(timeout, environment: environment.map { ["PACT_RUN_TIMEOUT": $0] } ?? [:]) else {
                XCTFail("\(String(describing: timeout)) / \(environment ?? "-") must be refused")
                continue
            }
            XCTAssertEqual(error.reason, reason)
        }
        let reporter = CollectingFailureReporter()
        let pact = makePact(try temporaryDirectory(self), reporter)
        pact.uponReceiving("list orders").withRequest(.get, "/orders").willRespondWith(status: 200)
        let runLine = #line + 2
        do {
            try await pact.run(timeout: .zero) { _ in XCTFail("the closure must not run with a bad timeout") }
            XCTFail("a bad timeout must fail the run")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.kind), [.usage])
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(runLine))
        XCTAssertTrue(reporter.failures.first?.message.contains("give a timeout longer than zero") ?? false, "\(reporter.failures)")
    }
}
