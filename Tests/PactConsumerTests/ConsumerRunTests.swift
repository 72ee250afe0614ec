import Foundation
@testable import PactConsumer
import PactMatching
import PactModel
import XCTest

/// Whole consumer tests: declare, run a real HTTP client against the mock provider, check failures and the pact file.
final class ConsumerRunTests: XCTestCase {
    private func makePact(_ directory: URL, _ reporter: CollectingFailureReporter, version: PactSpecVersion = .v4,
                          mode: PactWriteMode = .merge) -> PactBuilder {
        PactBuilder(consumer: "use-an-lpa", provider: "data-lpa-codes", directory: directory, specVersion: version,
                    writeMode: mode, reporter: reporter)
    }

    private func pactFile(_ directory: URL) -> URL { directory.appendingPathComponent("use-an-lpa-data-lpa-codes.json") }

    /// Declares the validate interaction and returns the line of its `uponReceiving`.
    @discardableResult
    private func declareValidate(_ pact: PactBuilder) -> Int {
        let line = #line + 1
        pact.uponReceiving("a request to validate a code")
            .given("the activation key exists", ["code": "YSR5GNXKXAU3"])
            .withRequest(.post, "/v1/validate", headers: ["Content-Type": "application/json"],
                         body: ["lpa": .regex(#"7\d{11}"#, example: "700000000047"),
                                "dob": .date("yyyy-MM-dd", example: "1960-06-05"), "code": "YSR5GNXKXAU3"])
            .willRespondWith(status: 200, headers: ["Content-Type": "application/json"],
                             body: ["actor": .like("700000000054"), "issued": .datetime("yyyy-MM-dd'T'HH:mm:ss", generate: true)])
        return line
    }

    func testPassingTestWritesAPactThatMatchesItsOwnExamples() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        declareValidate(pact)
        pact.uponReceiving("a search for codes")
            .withRequest(.get, .regex(#"/v1/codes/\d+"#, example: "/v1/codes/7"), query: ["status": ["active", "new"]],
                         headers: ["Authorization": .regex("Bearer .+", example: "Bearer token")])
            .willRespondWith(status: .status(.success, example: 200),
                             body: ["codes": .eachLike(["code": .string("ABC"), "id": .uuid()], min: 1)])

        let actor = try await pact.run { mockServer in
            let client = TestClient(baseURL: mockServer.url)
            let search = try await client.send("GET", "/v1/codes/123", query: "status=active&status=new",
                                               headers: ["Authorization": "Bearer other"])
            XCTAssertEqual(search.status, 200)
            let codes = (search.json as? [String: Any])?["codes"] as? [[String: Any]]
            XCTAssertEqual(codes?.first?["code"] as? String, "ABC")
            XCTAssertNotEqual(codes?.first?["id"] as? String, "e2490de5-5bd3-43d5-b7c4-526e33f71304", "the UUID is generated")
            let validate = try await client.postJSON("/v1/validate", ["lpa": "700000000999", "dob": "1970-01-31", "code": "YSR5GNXKXAU3"])
            XCTAssertEqual(validate.status, 200)
            return (validate.json as? [String: Any])?["actor"] as? String
        }
        XCTAssertEqual(actor, "700000000054")
        XCTAssertEqual(reporter.failures, [])

        let written = try PactReader.read(contentsOf: pactFile(directory))
        XCTAssertEqual(written.specVersion, .v4)
        XCTAssertEqual(written.httpInteractions.map(\.info.description), ["a request to validate a code", "a search for codes"])
        for interaction in written.httpInteractions {
            XCTAssertEqual(RequestMatching.match(expected: interaction.request, actual: interaction.request, version: .v4), [])
            XCTAssertEqual(ResponseMatching.match(expected: interaction.response, actual: interaction.response, version: .v4), [])
        }
        XCTAssertEqual(written.httpInteractions.last?.info.comments["testname"],
                       "testPassingTestWritesAPactThatMatchesItsOwnExamples()", "the test name defaults to the running test")
        let validate = try XCTUnwrap(written.httpInteractions.first)
        XCTAssertEqual(validate.info.providerStates, [ProviderState(name: "the activation key exists", params: ["code": "YSR5GNXKXAU3"])])
        XCTAssertEqual(validate.request.matchingRules[.body]["$.lpa"]?.rules, [.regex(#"7\d{11}"#)])
        // A request the provider might really send matches the written rules too.
        var other = validate.request
        other.body = .json(["lpa": "712345678901", "dob": "2001-12-31", "code": "YSR5GNXKXAU3"], contentType: .json)
        XCTAssertEqual(RequestMatching.match(expected: validate.request, actual: other, version: .v4), [])
    }

    func testWrongBodyFailsNamingTheJSONPathAndWritesNoPact() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let line = declareValidate(pact)
        do {
            try await pact.run { mockServer in
                let response = try await TestClient(baseURL: mockServer.url)
                    .postJSON("/v1/validate", ["lpa": "ABC", "dob": "1960-06-05", "code": "YSR5GNXKXAU3"])
                XCTAssertEqual(response.status, 500)
                XCTAssertEqual(response.headers["x-pact"], "Request-Mismatch")
            }
            XCTFail("run must throw")
        } catch let error as PactRunError {
            XCTAssertEqual(error.failures, reporter.failures)
        }
        let failure = try XCTUnwrap(reporter.failures.first)
        XCTAssertEqual(reporter.failures.count, 1, "\(reporter.failures)")
        XCTAssertEqual(failure.kind, .mismatch)
        XCTAssertEqual(failure.mismatch?.path, "$.lpa")
        XCTAssertEqual(failure.interaction, "a request to validate a code")
        XCTAssertEqual(failure.request, "POST /v1/validate")
        XCTAssertTrue(failure.message.contains("body $.lpa"), failure.message)
        XCTAssertTrue(failure.message.contains("actual:   \"ABC\"") || failure.message.contains("actual:   ABC"), failure.message)
        XCTAssertTrue(failure.message.contains("700000000047"), "shows the expected example: \(failure.message)")
        XCTAssertEqual(failure.location.line, UInt(line), "reported at the uponReceiving call")
        XCTAssertFalse(FileManager.default.fileExists(atPath: pactFile(directory).path))
    }

    func testNeverCalledInteractionFailsAndWritesNoPact() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        let line = declareValidate(pact)
        pact.uponReceiving("a health check").withRequest(.get, "/health").willRespondWith(status: 204)
        do {
            try await pact.run { mockServer in
                _ = try await TestClient(baseURL: mockServer.url).send("GET", "/health")
            }
            XCTFail("run must throw")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.kind), [.missingRequest])
        XCTAssertEqual(reporter.failures.first?.interaction, "a request to validate a code")
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(line))
        XCTAssertTrue(reporter.failures.first?.message.contains("expected POST /v1/validate but it was never received") ?? false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pactFile(directory).path))
    }

    func testUnexpectedRequestAndThrowingClosureFail() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let pact = makePact(directory, reporter)
        pact.uponReceiving("a health check").withRequest(.get, "/health").willRespondWith(status: 204)
        struct ClientBroke: Error {}
        let runLine = #line + 2
        do {
            try await pact.run { mockServer in
                let client = TestClient(baseURL: mockServer.url)
                _ = try await client.send("GET", "/health")
                let response = try await client.send("DELETE", "/everything")
                XCTAssertEqual(response.headers["x-pact"], "Unexpected-Request")
                throw ClientBroke()
            }
            XCTFail("run must throw")
        } catch let error as PactRunError {
            XCTAssertEqual(error.failures.count, 2)
        }
        XCTAssertEqual(reporter.failures.map(\.kind), [.unexpectedRequest, .testError], "what the mock saw comes first")
        XCTAssertEqual(reporter.failures.map(\.location.line), [UInt(runLine), UInt(runLine)])
        XCTAssertTrue(reporter.failures.last?.message.contains("ClientBroke") ?? false)
        XCTAssertTrue(reporter.failures.first?.message.contains("DELETE /everything") ?? false)
        XCTAssertTrue(reporter.failures.first?.message.contains("'a health check' (GET /health)") ?? false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: pactFile(directory).path))
    }

    func testUsageErrorsFailTheRunBeforeTheClosureRuns() async throws {
        let reporter = CollectingFailureReporter()
        let pact = makePact(try temporaryDirectory(self), reporter)
        let line = #line + 1
        pact.uponReceiving("x").withRequest(.get, "/", query: ["n": .eachLike("1", min: 2, max: 1)]).willRespondWith(status: 200)
        let missingRequestLine = #line + 1
        pact.uponReceiving("no request").willRespondWith(status: 200)
        do {
            try await pact.run { _ in XCTFail("the closure must not run") }
            XCTFail("run must throw")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.kind), [.usage, .usage])
        XCTAssertEqual(reporter.failures.map(\.location.line), [UInt(line), UInt(missingRequestLine)])
        XCTAssertTrue(reporter.failures.first?.message.contains("min 2 is greater than max 1") ?? false)
        XCTAssertTrue(reporter.failures.last?.message.contains("has no request") ?? false)
    }

    func testTwoDifferentInteractionsWithTheSameDescriptionAndStatesInOneRun() async throws {
        let reporter = CollectingFailureReporter()
        let pact = makePact(try temporaryDirectory(self), reporter)
        let firstLine = #line + 1
        pact.uponReceiving("get a code").given("a code").withRequest(.get, "/codes/1").willRespondWith(status: 200)
        let secondLine = #line + 1
        pact.uponReceiving("get a code").given("a code").withRequest(.get, "/codes/2").willRespondWith(status: 200)
        pact.uponReceiving("get a code").given("another code").withRequest(.get, "/codes/3").willRespondWith(status: 200)
        do {
            try await pact.run { _ in }
            XCTFail("run must throw")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.count, 1, "\(reporter.failures)")
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(secondLine))
        XCTAssertTrue(reporter.failures.first?.message.contains("already declared differently at ConsumerRunTests.swift:\(firstLine)") ?? false,
                      reporter.failures.first?.message ?? "")
    }

    func testRunsAcrossTestsMergeAndConflictingDeclarationsAreAnError() async throws {
        let directory = try temporaryDirectory(self)
        let reporter = CollectingFailureReporter()
        let first = makePact(directory, reporter)
        first.uponReceiving("health").withRequest(.get, "/health").willRespondWith(status: 200)
        try await first.run { _ = try await TestClient(baseURL: $0.url).send("GET", "/health") }
        // The builder is reusable: the next run serves only what is declared after the first.
        first.uponReceiving("version").withRequest(.get, "/version").willRespondWith(status: 200)
        try await first.run { _ = try await TestClient(baseURL: $0.url).send("GET", "/version") }
        XCTAssertEqual(try PactReader.read(contentsOf: pactFile(directory)).interactions.map(\.description), ["health", "version"])

        let second = makePact(directory, reporter)
        let runLine = #line + 3
        second.uponReceiving("health").withRequest(.get, "/health").willRespondWith(status: 204)
        do {
            try await second.run { _ = try await TestClient(baseURL: $0.url).send("GET", "/health") }
            XCTFail("run must throw")
        } catch is PactRunError {}
        XCTAssertEqual(reporter.failures.map(\.kind), [.pactFile])
        XCTAssertEqual(reporter.failures.first?.location.line, UInt(runLine))
        XCTAssertTrue(reporter.failures.first?.message.contains("is declared differently") ?? false)
    }

    func testEarlierRunsAreReplacedOrDroppedByWriteMode() async throws {
        for mode in [PactWriteMode.merge, .overwrite] {
            let directory = try temporaryDirectory(self)
            let stale = HTTPInteraction(info: InteractionInfo(description: "stale"), request: PactRequest(path: "/gone"),
                                        response: PactResponse())
            let replaced = HTTPInteraction(info: InteractionInfo(description: "health"), request: PactRequest(path: "/old"),
                                           response: PactResponse())
            try PactWriter.write(Pact(consumer: "use-an-lpa", provider: "data-lpa-codes", interactions: [.http(stale), .http(replaced)]),
                                 version: .v4, to: pactFile(directory))
            try pretendAnEarlierRunWrote(directory.appendingPathComponent("use-an-lpa-data-lpa-codes.json"))
            let pact = makePact(directory, CollectingFailureReporter(), mode: mode)
            pact.uponReceiving("health").withRequest(.get, "/health").willRespondWith(status: 200)
            try await pact.run { _ = try await TestClient(baseURL: $0.url).send("GET", "/health") }
            let written = try PactReader.read(contentsOf: pactFile(directory)).httpInteractions
            XCTAssertEqual(written.map(\.request.path), mode == .merge ? ["/health", "/gone"] : ["/health"], "\(mode)")
        }
    }

    func testV3Output() async throws {
        let directory = try temporaryDirectory(self)
        let pact = makePact(directory, CollectingFailureReporter(), version: .v3)
        pact.uponReceiving("list codes")
            .withRequest(.get, "/codes", query: ["page": .regex(#"\d+"#, example: "1")])
            .willRespondWith(body: ["codes": .eachLike(["id": .integer(1)])])
        try await pact.run { mockServer in
            let response = try await TestClient(baseURL: mockServer.url).send("GET", "/codes", query: "page=7")
            XCTAssertEqual(response.status, 200)
        }
        let json = try JSONParser.parse(Data(contentsOf: pactFile(directory)))
        XCTAssertEqual(json["metadata"]?["pactSpecification"]?["version"], "3.0.0")
        let interaction = try XCTUnwrap(json["interactions"]?.arrayValue?.first)
        XCTAssertEqual(interaction["request"]?["query"], ["page": ["1"]])
        XCTAssertEqual(interaction["request"]?["matchingRules"]?["query"]?["page"]?["matchers"], [["match": "regex", "regex": #"\d+"#]])
        XCTAssertEqual(interaction["response"]?["matchingRules"]?["body"]?["$.codes[*].id"]?["matchers"], [["match": "integer"]])
        XCTAssertEqual(interaction["response"]?["body"], ["codes": [["id": 1]]])
    }
}
