import Foundation
import PactMockServer
import PactStandaloneMock
import PactModel
import XCTest

/// `pactkit mock --file` serves a real pact whose regexes are written for Ruby (`http:\/\/.*{pacticipant}.*{branch}`).
final class BrokerClientPactServingTests: XCTestCase {
    private let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/broker-client/pact_broker_client-pact_broker.json").path

    func testTheIndexResourceIsServedForTheRequestedProviderState() throws {
        let library = try PactLibrary(sources: PactSources(files: [file]))
        XCTAssertEqual(library.pacts.first?.interactions.count, 64)
        let mock = try StandalonePacts.mock(library.pacts)
        let response = mock.handle(method: "GET", target: "/", headers: [
            ("Accept", "application/hal+json"),
            ("X-Pact-Provider-State", "the pb:pacticipant-branch relation exists in the index resource"),
        ])
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Content-Type"), "application/hal+json;charset=utf-8")
        XCTAssertEqual(response.json?["_links"]?["pb:pacticipant-branch"]?["href"],
                       "http://localhost:1234/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-BRANCH-{pacticipant}-{branch}")
    }
}
