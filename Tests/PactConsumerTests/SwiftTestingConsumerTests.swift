import Foundation
import PactConsumer
import PactModel
import Testing

/// The consumer DSL under Swift Testing: a passing test, the running test's name, and a mismatch at the declaring line.
@Suite struct SwiftTestingConsumerTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pact-swift-testing-\(UUID().uuidString)")

    @Test func passingTestWritesThePact() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory)
        pact.uponReceiving("a user by id")
            .given("user 1 exists", ["id": 1])
            .withRequest(.get, .regex(#"/users/\d+"#, example: "/users/1"), headers: ["Accept": "application/json"])
            .willRespondWith(status: 200, body: ["id": .integer(1), "name": .like("Ada")])
        let name = try await pact.run { mockServer in
            let response = try await TestClient(baseURL: mockServer.url)
                .send("GET", "/users/42", headers: ["Accept": "application/json"])
            return (response.json as? [String: Any])?["name"] as? String
        }
        #expect(name == "Ada")
        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("app-api.json"))
        #expect(written.interactions.map(\.description) == ["a user by id"])
        #expect(written.interactions.first?.info.comments["testname"] == "passingTestWritesThePact()")
    }

    @Test func interactionDeclaredInAHelperRecordsTheRunningTest() {
        func declare(_ pact: PactBuilder) {
            pact.uponReceiving("a user by id").withRequest(.get, "/users/1").willRespondWith(status: 200)
        }
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, reporter: CollectingFailureReporter())
        declare(pact)
        #expect(pact.interactions.first?.info.comments["testname"] == "interactionDeclaredInAHelperRecordsTheRunningTest()")
    }

    /// The mismatch is reported at the `uponReceiving` line and no pact is written. Collected here, so a passing run
    /// shows no expected failure; how Swift Testing itself records it (an issue at that line, the run ended by its
    /// own already-recorded error, no second issue) is checked in a child process by `OneReportPerProblemTests`.
    @Test func mismatchIsReportedAtTheUponReceivingLine() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "app", provider: "api", directory: directory, reporter: reporter)
        let line = #line + 1
        pact.uponReceiving("a user by id").withRequest(.get, "/users/1", query: ["full": "true"]).willRespondWith(status: 200)
        await #expect(throws: PactRunError.self) {
            try await pact.run { mockServer in
                _ = try await TestClient(baseURL: mockServer.url).send("GET", "/users/1", query: "full=false")
            }
        }
        #expect(reporter.failures.map(\.location.line) == [UInt(line)])
        #expect(reporter.failures.first?.message.contains("query full") == true)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("app-api.json").path))
    }
}
