import Foundation
import HTTPServerCore
import PactBroker
import PactModel
import XCTest

/// What the client does when the broker is down, slow, failing or answers with something that is not HAL.
final class BrokerClientBadInputTests: XCTestCase {
    private func client(_ url: URL, retries: Int = 0, timeout: Duration = .seconds(5), downloads: Int = 4) throws -> PactBrokerClient {
        try PactBrokerClient(configuration: BrokerConfiguration(
            baseURL: url, retry: RetryPolicy(retries: retries, backoff: .milliseconds(5)), timeout: timeout,
            maxConcurrentDownloads: downloads))
    }

    func testABrokerThatIsDownIsUnreachableAfterTheRetries() async throws {
        let fake = try await FakeBroker { _, _ in FakeBroker.hal("{}") }
        let url = fake.url
        await fake.stop()
        let broker = try client(url, retries: 2)
        let error = await brokerError { try await broker.index() }
        await broker.shutdown()
        XCTAssertEqual(error?.kind, .unreachable)
        XCTAssertTrue(error?.description.hasPrefix("cannot reach the Pact Broker: connection refused") == true, String(describing: error))
    }

    func testASlowBrokerTimesOutWithTheLimitNamed() async throws {
        let fake = try await FakeBroker { _, _ in
            try? await Task.sleep(for: .seconds(3))
            return FakeBroker.hal("{}")
        }
        let broker = try client(fake.url, retries: 3, timeout: .milliseconds(200))
        let start = ContinuousClock.now
        let error = await brokerError { try await broker.index() }
        let elapsed = ContinuousClock.now - start
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(error?.kind, .timeout)
        XCTAssertTrue(error?.description.contains("no complete answer within 200 ms") == true, String(describing: error))
        XCTAssertLessThan(elapsed, .seconds(2), "a timeout is not retried")
        XCTAssertEqual(fake.requests.count, 1)
    }

    func testServerErrorsOnIdempotentCallsAreRetriedWithBackOff() async throws {
        let fake = try await FakeBroker { _, count in
            count < 3 ? FakeBroker.hal(#"{"error": {"message": "busy", "reference": "r1"}}"#, status: 503) : FakeBroker.hal(#"{"_links": {}}"#)
        }
        let broker = try client(fake.url, retries: 3)
        let index = try await broker.index()
        await broker.shutdown()
        await fake.stop()
        XCTAssertNotNil(index.json["_links"])
        XCTAssertEqual(fake.requests.count, 3)
    }

    func testPublishingResultsIsNotRetried() async throws {
        let fake = try await FakeBroker { _, _ in FakeBroker.hal(#"{"error": {"message": "busy"}}"#, status: 503) }
        let broker = try client(fake.url, retries: 3)
        let pact = BrokerPact(
            verifiable: VerifiablePact(url: fake.url), pactData: Data(),
            resource: HALResource(json: ["_links": ["pb:publish-verification-results": ["href": .string(fake.url.absoluteString + "/results")]]],
                                  url: fake.url))
        let error = await brokerError {
            try await broker.publish(VerificationResults(providerVersion: "1", testResults: []), for: pact)
        }
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(error?.kind, .serverError)
        XCTAssertEqual(error?.messages, ["busy"])
        XCTAssertEqual(fake.requests.count, 1)
    }

    func testMalformedHALIsReportedWithWhatIsWrong() async throws {
        let answers = [#"{"_links": "pb:publish-contracts"}"#, #"{"_links": {"#, #"["not", "an", "object"]"#]
        let expected = ["has '_links' that is not an object", "answered with a body that is not JSON", "is not a JSON object"]
        for (answer, reason) in zip(answers, expected) {
            let fake = try await FakeBroker { _, _ in FakeBroker.hal(answer) }
            let broker = try client(fake.url)
            let error = await brokerError { try await broker.index() }
            await broker.shutdown()
            await fake.stop()
            XCTAssertEqual(error?.kind, .malformedResponse, answer)
            XCTAssertTrue(error?.reason.contains(reason) == true, "\(answer): \(String(describing: error))")
        }
    }

    func testALinkTheClientCannotFillInIsNamed() async throws {
        let fake = try await FakeBroker { request, _ in
            FakeBroker.hal(#"{"_links": {"pb:pacticipant-version": {"href": "\#(request.header("Host").map { "http://\($0)" } ?? "")/pacticipants/{pacticipant}/versions/{number}"}}}"#)
        }
        let broker = try client(fake.url)
        let error = await brokerError { try await broker.recordDeployment(pacticipant: "a", version: "1", environment: "prod") }
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertTrue(error?.reason.contains("has a placeholder {number} this client cannot fill in") == true, String(describing: error))
    }

    func testAPactThatFailsToDownloadIsAnErrorForThatPactOnly() async throws {
        let fake = try await FakeBroker { request, _ in
            switch request.path {
            case "/broken": return ServerResponse(status: 200, headers: [("Content-Type", "text/html")], body: Data("<html>proxy</html>".utf8))
            case "/gone": return ServerResponse(status: 404)
            default: return FakeBroker.hal(#"{"consumer": {"name": "web"}, "provider": {"name": "api"}, "interactions": [], "_links": {}, "createdAt": "2026-01-01"}"#)
            }
        }
        let broker = try client(fake.url)
        let pacts = ["/ok", "/broken", "/gone"].map { VerifiablePact(url: fake.url.appendingPathComponent(String($0.dropFirst()))) }
        let downloads = await broker.download(pacts)
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(downloads.map(\.verifiable.url), pacts.map(\.url), "in the broker's order")
        let ok = try downloads[0].result.get()
        XCTAssertNil(try JSONParser.parse(ok.pactData)["_links"], "the broker's links are stripped")
        guard case .failure(let html) = downloads[1].result, case .failure(let gone) = downloads[2].result else {
            return XCTFail("expected two failed downloads: \(downloads)")
        }
        XCTAssertTrue(html.reason.contains("HTML page instead of HAL JSON"), html.description)
        XCTAssertEqual(gone.kind, .notFound)
    }

    func testPactDownloadsAreBounded() async throws {
        let fake = try await FakeBroker { _, _ in
            try? await Task.sleep(for: .milliseconds(100))
            return FakeBroker.hal(#"{"consumer": {"name": "web"}, "provider": {"name": "api"}, "interactions": []}"#)
        }
        let broker = try client(fake.url, downloads: 2)
        let pacts = (1...6).map { VerifiablePact(url: fake.url.appendingPathComponent("pact\($0)")) }
        let downloads = await broker.download(pacts)
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(downloads.filter { (try? $0.result.get()) != nil }.count, 6)
        XCTAssertEqual(fake.maxInFlight, 2, "at most two downloads at once, and two did run together")
    }

    func testAFileThatIsNotAPactIsRefusedWithItsNameAndReason() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-pact-\(UUID().uuidString).json")
        try Data(#"{"consumer": {"name": "web"}, "interactions": "none"}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try PactFileToPublish.read(path: file.path)) { error in
            let error = error as? BrokerError
            XCTAssertEqual(error?.kind, .invalidInput)
            XCTAssertEqual(error?.reason, "\(file.path) is not a pact: $: missing required field 'provider'")
        }
        XCTAssertThrowsError(try PactFileToPublish.read(path: "/nonexistent/pact.json")) { error in
            XCTAssertEqual((error as? BrokerError)?.reason, "/nonexistent/pact.json: no such file")
        }
    }

    func testBrokerErrorBodiesOfEveryShapeAreDecoded() async throws {
        let bodies = [
            #"{"errors": {"pacticipantVersionNumber": ["can't be blank"], "branch": "is invalid"}}"#,
            #"{"errors": ["Pacticipant Wiffle not found"]}"#,
            #"{"title": "Validation errors", "status": 400, "errors": [{"pointer": "/x", "detail": "this is some error text"}]}"#,
            #"{"error": "Cannot change the content of the pact"}"#,
        ]
        let expected = [["branch: is invalid", "pacticipantVersionNumber: can't be blank"], ["Pacticipant Wiffle not found"],
                        ["x: this is some error text"], ["Cannot change the content of the pact"]]
        for (body, messages) in zip(bodies, expected) {
            let fake = try await FakeBroker { _, _ in FakeBroker.hal(body, status: 400) }
            let broker = try client(fake.url)
            let error = await brokerError { try await broker.index() }
            await broker.shutdown()
            await fake.stop()
            XCTAssertEqual(error?.kind, .rejected)
            XCTAssertEqual(error?.status, 400)
            XCTAssertEqual(error?.messages, messages, body)
        }
    }
}
