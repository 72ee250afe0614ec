import Foundation
import HTTPServerCore
import PactBroker
import PactModel
import XCTest

/// The whole pacts-for-verification exchange (index, POST for-verification, each pact) run many times against a
/// plain broker stub: every selected pact comes back downloaded, once, in the broker's order. Release builds once
/// crashed here (issue 18) and dropped pacts, so CI runs this suite against a release build too.
final class PactsForVerificationExchangeTests: XCTestCase {
    private static func broker(pacts count: Int) async throws -> FakeBroker {
        try await FakeBroker { request, _ in
            let base = "http://\(request.header("Host") ?? "")"
            switch (request.method, request.path) {
            case ("GET", "/"):
                return FakeBroker.hal(#"{"_links": {"pb:provider-pacts-for-verification": {"href": "\#(base)/pacts/provider/{provider}/for-verification"}}}"#)
            case ("POST", "/pacts/provider/api/for-verification"):
                let items = (0..<count).map { #"{"verificationProperties": {"pending": false}, "_links": {"self": {"href": "\#(base)/pacts/\#($0)", "name": "pact \#($0)"}}}"# }
                return FakeBroker.hal(#"{"_embedded": {"pacts": [\#(items.joined(separator: ","))]}}"#)
            case ("GET", let path) where path.hasPrefix("/pacts/"):
                let number = path.dropFirst("/pacts/".count)
                return FakeBroker.hal(#"{"consumer": {"name": "web\#(number)"}, "provider": {"name": "api"}, "interactions": [], "_links": {}}"#)
            default:
                return FakeBroker.hal(#"{"error": "not found"}"#, status: 404)
            }
        }
    }

    func testEverySelectedPactIsDownloadedInOrderOnEveryRun() async throws {
        for (pacts, downloads) in [(1, 4), (2, 4), (2, 1), (5, 2), (9, 4)] {
            let fake = try await Self.broker(pacts: pacts)
            let client = try PactBrokerClient(configuration: BrokerConfiguration(
                baseURL: fake.url, retry: RetryPolicy(retries: 0), maxConcurrentDownloads: downloads))
            for run in 0..<40 {
                let selected = try await client.pactsForVerification(PactsForVerificationRequest(provider: "api"))
                let downloaded = await client.download(selected)
                let consumers = downloaded.map { download in
                    (try? download.result.get()).flatMap { try? JSONParser.parse($0.pactData)["consumer"]?["name"]?.stringValue }
                }
                XCTAssertEqual(consumers, (0..<pacts).map { "web\($0)" }, "\(pacts) pacts, \(downloads) at once, run \(run)")
                XCTAssertEqual(downloaded.map(\.verifiable), selected)
            }
            await client.shutdown()
            await fake.stop()
        }
    }

    func testTheRequestAlwaysCarriesConsumerVersionSelectorsAsTheReferenceSendsThem() async throws {
        let fake = try await Self.broker(pacts: 1)
        let client = try PactBrokerClient(configuration: BrokerConfiguration(baseURL: fake.url, retry: RetryPolicy(retries: 0)))
        _ = try await client.pactsForVerification(PactsForVerificationRequest(provider: "api"))
        _ = try await client.pactsForVerification(PactsForVerificationRequest(provider: "api", selectors: [["mainBranch": true]]))
        await client.shutdown()
        await fake.stop()
        let bodies = try fake.requests.filter { $0.method == "POST" }.map { try JSONParser.parse($0.body) }
        XCTAssertEqual(bodies.map { $0["consumerVersionSelectors"] }, [[], [["mainBranch": true]]])
    }
}
