import Foundation
import PactConsumer

/// Consumer tests written wrongly on purpose, shared by the XCTest and Swift Testing fixtures that
/// `OneReportPerProblemTests` runs in a child process and whose reports it counts. Each prints, before failing,
/// `expect <scenario>: <lines>`: the lines where its failures must be reported, in order.
enum BrokenConsumer {
    /// Set in the child process only: the fixtures fail by design and are skipped everywhere else.
    static let variable = "PACTKIT_BROKEN_FIXTURES"
    static var enabled: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    struct ClientFailed: Error, CustomStringConvertible {
        var body: String
        var description: String { "the orders API answered 500: \(body)" }
    }

    static func expect(_ scenario: String, _ lines: [Int]) {
        print("expect \(scenario): \(lines.map(String.init).joined(separator: " "))")
    }

    /// Prints, as the test ends, `ended <scenario>: <what ended it>, pact <written|not written>`: whether the error
    /// that ended it is the framework's own (not a `PactRunError`) and whether a pact file was left behind.
    static func ended(_ scenario: String, by error: any Error, pactIn directory: URL, file: String) {
        let ender = error is PactRunError ? "a PactRunError" : "the framework's error"
        let written = FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path)
        print("ended \(scenario): \(ender), pact \(written ? "written" : "not written")")
    }

    static func directory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pact-broken-\(UUID().uuidString)")
    }

    /// Two interactions each get a wrong request, and the client then throws on the mock's 500 answer: two
    /// mismatches at their `uponReceiving` lines, then the closure's error at the `run` line.
    static func mismatchesThenClosureError() async throws {
        let directory = directory()
        let pact = PactBuilder(consumer: "orders-app", provider: "orders-api", directory: directory)
        let createLine = #line + 1
        pact.uponReceiving("create an order")
            .withRequest(.post, "/orders", body: ["quantity": .integer(1)])
            .willRespondWith(status: 201)
        let readLine = #line + 1
        pact.uponReceiving("read an order")
            .withRequest(.get, "/orders/1", query: ["full": "true"])
            .willRespondWith(status: 200, body: ["id": .integer(1)])
        expect("mismatches", [createLine, readLine, #line + 2])
        do {
            try await pact.run { mockServer in
                let client = TestClient(baseURL: mockServer.url)
                _ = try await client.postJSON("/orders", ["quantity": "many"])
                let read = try await client.send("GET", "/orders/1", query: "full=false")
                throw ClientFailed(body: String(decoding: read.body, as: UTF8.self))
            }
        } catch {
            ended("mismatches", by: error, pactIn: directory, file: "orders-app-orders-api.json")
            throw error
        }
    }

    /// An interaction without a response and with a path matcher whose example does not match: two usage errors,
    /// reported in line order, and nothing about the path's type.
    static func usageErrorsInLineOrder() async throws {
        let pact = PactBuilder(consumer: "orders-app", provider: "orders-api", directory: directory())
        let line = #line + 1
        pact.uponReceiving("read an order")
            .withRequest(.get, .regex(#"/orders/\d+"#, example: "/orders/abc"))
        expect("usage", [line, line + 1])
        try await pact.run { _ in }
    }

    /// A builder that declares an interaction and is never run.
    static func neverRun() {
        let pact = PactBuilder(consumer: "orders-app", provider: "orders-api", directory: directory())
        let line = #line + 1
        pact.uponReceiving("read an order")
            .withRequest(.get, "/orders/1")
            .willRespondWith(status: 200)
        expect("never run", [line])
    }

    /// A message builder that declares a message and is never verified.
    static func neverVerified() {
        let pact = MessagePactBuilder(consumer: "audit-log", provider: "orders-api", directory: directory())
        let line = #line + 1
        pact.expectsToReceive("an order created event")
            .withContents(["id": 1])
        expect("never verified", [line])
    }

    /// A message handler that throws: one failure at the `expectsToReceive` line, the thrown error not reported again.
    static func messageHandlerFails() async throws {
        let pact = MessagePactBuilder(consumer: "audit-log", provider: "orders-api", directory: directory())
        let line = #line + 1
        pact.expectsToReceive("an order created event")
            .withContents(["id": 1])
        expect("message handler", [line])
        try await pact.verifyMessages { _ in throw ClientFailed(body: "unknown event") }
    }
}
