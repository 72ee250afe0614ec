import CodesClient
import Foundation
import PactConsumer
import PactModel
import XCTest

/// The consumer test docs/consumer-dsl.md shows, declared in a helper (its pact goes to a temporary folder): it
/// passes and writes its pact, and a client that sends something else fails with the JSON path.
final class ReadmeExampleTests: XCTestCase {
    private func declare(_ pact: PactBuilder) {
        pact.uponReceiving("a request to validate a code")
            .given("the activation key exists", ["code": "YSR5GNXKXAU3"])
            .withRequest(.post, "/v1/validate",
                         headers: ["Content-Type": "application/json"],
                         body: ["lpa": .regex(#"7\d{11}"#, example: "700000000047"),
                                "dob": .date("yyyy-MM-dd", example: "1960-06-05"),
                                "code": "YSR5GNXKXAU3"])
            .willRespondWith(status: 200,
                             headers: ["Content-Type": "application/json"],
                             body: ["actor": .like("700000000054")])
    }

    func testTheReadmeExamplePassesAndWritesItsPact() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pact = PactBuilder(consumer: "use-an-lpa", provider: "data-lpa-codes", directory: directory)
        declare(pact)

        try await pact.run { mockServer in
            let client = CodesClient(baseURL: mockServer.url)
            let validation = try await client.validate(lpa: "700000000047", dob: "1960-06-05", code: "YSR5GNXKXAU3")
            XCTAssertEqual(validation.actor, "700000000054")
        }

        let written = try PactReader.read(contentsOf: directory.appendingPathComponent("use-an-lpa-data-lpa-codes.json"))
        XCTAssertEqual(written.interactions.map(\.description), ["a request to validate a code"])
    }

    func testAMisbehavingClientFailsNamingTheJSONPath() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let reporter = CollectingFailureReporter()
        let pact = PactBuilder(consumer: "use-an-lpa", provider: "data-lpa-codes", directory: directory,
                               reporter: reporter)
        declare(pact)

        do {
            try await pact.run { mockServer in
                _ = try? await CodesClient(baseURL: mockServer.url)
                    .validate(lpa: "7000", dob: "1960-06-05", code: "YSR5GNXKXAU3")
            }
            XCTFail("the run should fail")
        } catch {}

        let messages = reporter.failures.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("body $.lpa: Expected '7000' to match '7\\d{11}'") }, "\(messages)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path), "no pact is written for a failed run")
    }
}
