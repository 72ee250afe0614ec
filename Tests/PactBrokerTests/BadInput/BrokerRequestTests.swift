import Foundation
import HTTPServerCore
import PactBroker
import PactModel
import XCTest

/// What the client sends for options the contract does not exercise (tags, build URL, the legacy tag calls), and
/// redirects, which it does not follow.
final class BrokerRequestTests: XCTestCase {
    private func client(_ url: URL) throws -> PactBrokerClient {
        try PactBrokerClient(configuration: BrokerConfiguration(baseURL: url, authentication: .bearer(token: "t0k"),
                                                                retry: RetryPolicy(retries: 0)))
    }

    private func pactFile() throws -> PactFileToPublish {
        try BrokerTestClients.pactFile(BrokerPactDocuments.sirius, name: "sirius-data-lpa-codes.json")
    }

    func testPublishContractsSendsTagsAndTheBuildURL() async throws {
        let fake = try await FakeBroker { request, _ in
            request.path == "/" ? FakeBroker.hal(#"{"_links": {"pb:publish-contracts": {"href": "http://\#(request.header("Host")!)/contracts/publish"}}}"#)
                : FakeBroker.hal(#"{"logs": [{"level": "info", "message": "Published (legacy log)"}]}"#)
        }
        let broker = try client(fake.url)
        let outcomes = try await broker.publish(PactPublication(pacts: [try pactFile()], consumerVersion: "abc", branch: "feat/x",
                                                                 tags: ["dev", "qa"], buildURL: "https://ci.example.com/1"))
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(outcomes.first?.notices.map(\.text), ["Published (legacy log)"], "old brokers' logs stand in for notices")
        let post = try XCTUnwrap(fake.requests.last)
        XCTAssertEqual(post.header("Authorization"), "Bearer t0k")
        XCTAssertEqual(post.header("Content-Type"), "application/json")
        let body = try JSONParser.parse(post.body)
        XCTAssertEqual(body["tags"], ["dev", "qa"])
        XCTAssertEqual(body["branch"], "feat/x")
        XCTAssertEqual(body["buildUrl"], "https://ci.example.com/1")
        let content = try XCTUnwrap(body["contracts"]?.arrayValue?.first?["content"]?.stringValue)
        let decoded = try JSONParser.parse(try XCTUnwrap(Data(base64Encoded: content)))
        XCTAssertEqual(decoded["consumer"]?["name"], "sirius", "the file's bytes, base64-encoded")
    }

    func testLegacyPublishingTagsBeforeThePactAndEncodesNames() async throws {
        let fake = try await FakeBroker { request, _ in
            let base = "http://\(request.header("Host")!)"
            return request.path == "/" ? FakeBroker.hal(#"""
                {"_links": {"pb:publish-pact": {"href": "\#(base)/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}"},
                            "pb:pacticipant-version-tag": {"href": "\#(base)/pacticipants/{pacticipant}/versions/{version}/tags/{tag}"}}}
                """#) : FakeBroker.hal("{}", status: 201)
        }
        let broker = try client(fake.url)
        _ = try await broker.publish(PactPublication(pacts: [try pactFile()], consumerVersion: "1.0 rc", tags: ["feat/x"]))
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(fake.requests.map { "\($0.method) \($0.target)" }, [
            "GET /", "PUT /pacticipants/sirius/versions/1.0%20rc/tags/feat%2Fx",
            "PUT /pacts/provider/data-lpa-codes/consumer/sirius/version/1.0%20rc",
        ])
    }

    func testARedirectIsNotFollowedAndSaysWhereItPoints() async throws {
        let fake = try await FakeBroker { _, _ in ServerResponse(status: 301, headers: [("Location", "https://broker.example.com/")]) }
        let broker = try client(fake.url)
        let error = await brokerError { try await broker.index() }
        await broker.shutdown()
        await fake.stop()
        XCTAssertEqual(error?.reason, "the Pact Broker answered 301 with a redirect to https://broker.example.com/, which is not followed: give the URL it points to as the broker's URL")
        XCTAssertEqual(fake.requests.count, 1)
    }
}
