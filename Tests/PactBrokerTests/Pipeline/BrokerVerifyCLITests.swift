import Foundation
import HTTPServerCore
import PactModel
import XCTest

/// `pactkit verify --broker-url`, with a broker in process that serves a passing pact, a failing one (pending or not)
/// and one that cannot be downloaded, and records the results it is sent.
final class BrokerVerifyCLITests: XCTestCase {
    /// Which pacts the broker lists, per provider name.
    static let listings: [String: [(path: String, pending: Bool)]] = [
        "api": [("/pacts/ok", false), ("/pacts/failing", true)],
        "api-strict": [("/pacts/ok", false), ("/pacts/failing", false)],
        "api-broken": [("/pacts/ok", false), ("/pacts/broken", false)],
    ]

    static func pact(expectedID: Int) -> String {
        """
        {"consumer": {"name": "web"}, "provider": {"name": "api"}, "metadata": {"pactSpecification": {"version": "4.0"}},
         "interactions": [{"type": "Synchronous/HTTP", "key": "k\(expectedID)", "description": "a request for thing \(expectedID)",
           "request": {"method": "GET", "path": "/thing"},
           "response": {"status": 200, "body": {"contentType": "application/json", "content": {"id": \(expectedID)}}}}]}
        """
    }

    static func broker() async throws -> FakeBroker {
        try await FakeBroker { request, _ in
            let base = "http://\(request.header("Host") ?? "")"
            func withLinks(_ text: String, results: String) -> ServerResponse {
                var json = (try? JSONParser.parse(text))?.objectValue ?? [:]
                json["_links"] = ["pb:publish-verification-results": ["href": .string(base + results)]]
                json["createdAt"] = "2026-11-30T09:00:00+00:00"
                return FakeBroker.hal(JSONWriter.compact(.object(json)))
            }
            switch (request.method, request.path) {
            case ("GET", "/"):
                return FakeBroker.hal(#"{"_links": {"pb:provider-pacts-for-verification": {"href": "\#(base)/pacts/provider/{provider}/for-verification"}}}"#)
            case ("POST", let path) where path.hasSuffix("/for-verification"):
                let provider = path.split(separator: "/")[2]
                let pacts = (listings[String(provider)] ?? []).map { item in
                    #"{"verificationProperties": {"pending": \#(item.pending), "notices": [{"when": "before_verification", "text": "selected \#(item.path)"}]}, "_links": {"self": {"href": "\#(base)\#(item.path)", "name": "\#(item.path)"}}}"#
                }
                return FakeBroker.hal(#"{"_embedded": {"pacts": [\#(pacts.joined(separator: ","))]}}"#)
            case ("GET", "/pacts/ok"): return withLinks(pact(expectedID: 1), results: "/results/ok")
            case ("GET", "/pacts/failing"): return withLinks(pact(expectedID: 2), results: "/results/failing")
            case ("GET", "/pacts/broken"): return ServerResponse(status: 200, headers: [("Content-Type", "text/html")], body: Data("<html>proxy</html>".utf8))
            case ("POST", let path) where path.hasPrefix("/results/"):
                return FakeBroker.hal(#"{"success": true}"#, status: 201)
            default:
                return FakeBroker.hal(#"{"error": "not found"}"#, status: 404)
            }
        }
    }

    private func verify(_ provider: String, broker: FakeBroker, providerURL: URL) async throws -> Pactkit.Result {
        try await Pactkit.run(["verify", "--broker-url", broker.url.absoluteString, "--provider", provider,
                               "--provider-base-url", providerURL.absoluteString, "--provider-app-version", "1.2.3",
                               "--publish-verification-results", "--no-colour"])
    }

    private func results(_ broker: FakeBroker) throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for request in broker.requests where request.path.hasPrefix("/results/") {
            out[String(request.path.dropFirst("/results/".count))] = try JSONParser.parse(request.body)
        }
        return out
    }

    func testAPendingPactsFailureIsPublishedButDoesNotFailTheRun() async throws {
        let broker = try await Self.broker()
        let provider = try await FakeBroker { _, _ in .json(Data(#"{"id": 1}"#.utf8)) }
        let result = try await verify("api", broker: broker, providerURL: provider.url)
        await provider.stop()
        await broker.stop()
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("/pacts/failing [pending]\n  selected /pacts/failing"), result.stdout)
        XCTAssertTrue(result.stdout.contains("PENDING (pending interaction: this does not fail the run)"), result.stdout)
        let published = try results(broker)
        XCTAssertEqual(published["ok"]?["success"], true)
        XCTAssertEqual(published["ok"]?["testResults"], [["interactionId": "k1", "interactionDescription": "a request for thing 1", "success": true]])
        XCTAssertEqual(published["ok"]?["verifiedBy"], ["implementation": "PactKit", "version": .string(PactWriter.pactKitVersion)])
        XCTAssertEqual(published["ok"]?["providerApplicationVersion"], "1.2.3")
        let failing = published["failing"]
        XCTAssertEqual(failing?["success"], false)
        let entry = failing?["testResults"]?.arrayValue?.first
        XCTAssertEqual(entry?["interactionId"], "k2")
        XCTAssertEqual(entry?["success"], false)
        XCTAssertEqual(entry?["mismatches"]?.arrayValue?.first?["attribute"], "body")
        XCTAssertEqual(entry?["mismatches"]?.arrayValue?.first?["identifier"], "$.id")
    }

    func testAFailingPactThatIsNotPendingFailsTheRun() async throws {
        let broker = try await Self.broker()
        let provider = try await FakeBroker { _, _ in .json(Data(#"{"id": 1}"#.utf8)) }
        let result = try await verify("api-strict", broker: broker, providerURL: provider.url)
        await provider.stop()
        await broker.stop()
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertEqual(try results(broker).keys.sorted(), ["failing", "ok"])
    }

    func testAPactThatCannotBeDownloadedIsAnErrorForThatPactOnly() async throws {
        let broker = try await Self.broker()
        let provider = try await FakeBroker { _, _ in .json(Data(#"{"id": 1}"#.utf8)) }
        let result = try await verify("api-broken", broker: broker, providerURL: provider.url)
        await provider.stop()
        await broker.stop()
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("Pacts that could not be read:"), result.stdout)
        XCTAssertTrue(result.stdout.contains("/pacts/broken: cannot be downloaded from the broker: the pact /pacts/broken answered with an HTML page instead of HAL JSON"),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("a request for thing 1 (GET /thing)\n    PASSED"), result.stdout)
        XCTAssertEqual(try results(broker).keys.sorted(), ["ok"], "the pact that downloaded is still verified and its results published")
    }
}
