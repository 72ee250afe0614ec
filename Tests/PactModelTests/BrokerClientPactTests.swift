import XCTest

@testable import PactModel

/// A real pact written by a Ruby consumer: its regexes use Ruby's dialect (`{pacticipant}` is a literal).
final class BrokerClientPactTests: XCTestCase {
    func testThePactIsRead() throws {
        let pact = try PactReader.read(contentsOf: FixturePaths.brokerClientPact)
        XCTAssertEqual(pact.consumer, "Pact Broker Client")
        XCTAssertEqual(pact.provider, "Pact Broker")
        XCTAssertEqual(pact.specVersion, .v2)
        XCTAssertEqual(pact.interactions.count, 64)
    }

    func testItsRubyRegexesMatchTheirExamples() {
        XCTAssertTrue(PactRegex.matchesWhole(#"http:\/\/.*{pacticipant}.*{branch}"#,
                                             "http://localhost:1234/HAL-REL-PLACEHOLDER-PB-PACTICIPANT-BRANCH-{pacticipant}-{branch}"))
        XCTAssertTrue(PactRegex.matchesWhole(#"http:\/\/.*\/webhooks\/{uuid}"#, "http://localhost:1234/webhooks/{uuid}"))
    }
}
