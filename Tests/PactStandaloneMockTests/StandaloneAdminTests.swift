import Foundation
import PactMockServer
import PactStandaloneMock
import PactModel
import XCTest

/// The admin API under /__pactkit/, and reloads as the engine sees them.
final class StandaloneAdminTests: XCTestCase {
    private func mock(lines: LineCollector? = nil, options: StandaloneOptions = StandaloneOptions()) throws -> StandaloneMock {
        let body = #", "headers": {"Content-Type": ["application/json"]}, "body": {"content": {"n": 1}, "contentType": "application/json"}, "matchingRules": {"body": {"$.n": {"combine": "AND", "matchers": [{"match": "integer"}]}}}"#
        let app = try StandalonePacts.pact("""
        [\(StandalonePacts.interaction("list things", path: "/things", responseBody: "[1, 2]")),
         \(StandalonePacts.interaction("add a thing", states: ["room for things"], method: "POST", path: "/things",
                                       requestExtra: body, status: 201))]
        """)
        let web = try StandalonePacts.pact("[\(StandalonePacts.interaction("health", path: "/health"))]",
                                           file: "pacts/web-api.json", consumer: "web")
        return try StandalonePacts.mock([app, web], options: options, lines: lines)
    }

    func testHealthListsThePacts() throws {
        let response = try mock().handle(method: "GET", target: "/__pactkit/health")
        XCTAssertEqual(response.status, 200)
        let json = try XCTUnwrap(response.json)
        XCTAssertEqual(json["status"], "ok")
        XCTAssertEqual(json["interactions"], 3)
        XCTAssertEqual(json["pacts"]?.arrayValue?.compactMap { $0["file"]?.stringValue },
                       ["pacts/app-api.json", "pacts/web-api.json"])
        XCTAssertEqual(json["reloads"], 0)
    }

    func testInteractionsAreListedWithTheirRequestsAndHowOftenTheyAnswered() throws {
        let mock = try mock()
        _ = mock.handle(method: "GET", target: "/things")
        _ = mock.handle(method: "GET", target: "/things")
        let list = try XCTUnwrap(mock.handle(method: "GET", target: "/__pactkit/interactions").json)
        XCTAssertEqual(list["count"], 3)
        let items = try XCTUnwrap(list["interactions"]?.arrayValue)
        XCTAssertEqual(items.map { $0["description"] }, ["list things", "add a thing", "health"])
        XCTAssertEqual(items.map { $0["received"] }, [2, 0, 0])
        XCTAssertEqual(items[1]["providerStates"], ["room for things"])
        XCTAssertEqual(items[1]["request"]?["method"], "POST")
        XCTAssertEqual(items[1]["responseStatus"], 201)
        XCTAssertEqual(items[2]["consumer"], "web")
    }

    func testTheLogRecordsEachOutcomeAndCanBeCleared() throws {
        let lines = LineCollector()
        let mock = try mock(lines: lines)
        _ = mock.handle(method: "GET", target: "/things?page=2")
        _ = mock.handle(method: "POST", target: "/things", headers: [("Content-Type", "application/json")],
                        body: Data(#"{"n": "one"}"#.utf8))
        _ = mock.handle(method: "GET", target: "/nothing")
        let log = try XCTUnwrap(mock.handle(method: "GET", target: "/__pactkit/log").json)
        let entries = try XCTUnwrap(log["entries"]?.arrayValue)
        XCTAssertEqual(entries.map { $0["outcome"] }, ["mismatched", "mismatched", "unexpected"])
        XCTAssertEqual(entries[0]["query"], "page=2")
        XCTAssertEqual(entries[0]["closestInteraction"]?["description"], "list things")
        XCTAssertEqual(entries[1]["mismatches"]?.arrayValue?.first?["path"], "$.n")
        XCTAssertEqual(entries.map { $0["status"] }, [500, 500, 500])
        // Admin calls are printed but not logged as traffic.
        XCTAssertEqual(lines.lines.last, "GET /__pactkit/log -> 200 admin API")

        XCTAssertEqual(mock.handle(method: "DELETE", target: "/__pactkit/log").status, 200)
        XCTAssertEqual(mock.handle(method: "GET", target: "/__pactkit/log").json?["entries"], [])
        _ = mock.handle(method: "GET", target: "/health")
        let after = try XCTUnwrap(mock.handle(method: "GET", target: "/__pactkit/log").json?["entries"]?.arrayValue)
        XCTAssertEqual(after.map { $0["outcome"] }, ["matched"])
        XCTAssertEqual(after.first?["interaction"]?["description"], "health")
        XCTAssertEqual(after.first?["sequence"], 4)
    }

    func testVerificationReportsInteractionsNeverReceivedAndFailedRequests() throws {
        let mock = try mock()
        _ = mock.handle(method: "GET", target: "/things")
        var result = mock.handle(method: "GET", target: "/__pactkit/verification")
        XCTAssertEqual(result.status, 500)
        XCTAssertEqual(result.json?["ok"], false)
        XCTAssertEqual(result.json?["missing"]?.arrayValue?.map { $0["description"] }, ["add a thing", "health"])
        // Only the web consumer's interactions.
        result = mock.handle(method: "GET", target: "/__pactkit/verification?consumer=web")
        XCTAssertEqual(result.json?["missing"]?.arrayValue?.map { $0["description"] }, ["health"])

        _ = mock.handle(method: "GET", target: "/health")
        _ = mock.handle(method: "POST", target: "/things", headers: [("Content-Type", "application/json")],
                        body: Data(#"{"n": 5}"#.utf8))
        result = mock.handle(method: "GET", target: "/__pactkit/verification")
        XCTAssertEqual(result.status, 200, result.json?["report"]?.stringValue ?? "")
        XCTAssertEqual(result.json?["ok"], true)

        _ = mock.handle(method: "GET", target: "/unknown")
        result = mock.handle(method: "POST", target: "/__pactkit/verification")
        XCTAssertEqual(result.status, 500)
        XCTAssertEqual(result.header("X-Pact"), "Verification-Failed")
        XCTAssertEqual(result.json?["failureCount"], 1)
        XCTAssertEqual(result.json?["missing"], [])
        let report = result.json?["report"]?.stringValue ?? ""
        XCTAssertTrue(report.contains("Unexpected request GET /unknown"), report)

        _ = mock.handle(method: "DELETE", target: "/__pactkit/log")
        XCTAssertEqual(mock.handle(method: "GET", target: "/__pactkit/verification").json?["missing"]?.arrayValue?.count, 3)
    }

    func testVerificationForAConsumerOrProviderNotServedIsA404NamingThoseServed() throws {
        let mock = try mock()
        let consumer = mock.handle(method: "GET", target: "/__pactkit/verification?consumer=mobile")
        XCTAssertEqual(consumer.status, 404)
        XCTAssertEqual(consumer.json?["consumers"], ["app", "web"])
        XCTAssertEqual(consumer.json?["error"], "no pact served for consumer 'mobile' (consumers served: 'app', 'web')")
        let provider = mock.handle(method: "GET", target: "/__pactkit/verification?consumer=web&provider=billing")
        XCTAssertEqual(provider.status, 404)
        XCTAssertEqual(provider.json?["providers"], ["api"])
        // A consumer served still verifies, green once its interactions arrived.
        _ = mock.handle(method: "GET", target: "/health")
        XCTAssertEqual(mock.handle(method: "GET", target: "/__pactkit/verification?consumer=web").status, 200)
    }

    func testUnknownEndpointsAndMethods() throws {
        let mock = try mock()
        let unknown = mock.handle(method: "GET", target: "/__pactkit/nope")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertTrue(unknown.json?["endpoints"]?.arrayValue?.contains("GET|DELETE /__pactkit/log") ?? false)
        let wrongMethod = mock.handle(method: "PUT", target: "/__pactkit/health")
        XCTAssertEqual(wrongMethod.status, 405)
        XCTAssertEqual(wrongMethod.header("Allow"), "GET")
    }

    func testAReplacedCatalogueKeepsCountsForInteractionsStillThere() throws {
        let first = try StandalonePacts.pact("""
        [\(StandalonePacts.interaction("stays", path: "/a", status: 200)),
         \(StandalonePacts.interaction("goes", path: "/b", status: 200))]
        """)
        let mock = StandaloneMock(catalogue: try PactCatalogue.build([first]))
        _ = mock.handle(method: "GET", target: "/a")
        _ = mock.handle(method: "GET", target: "/b")
        let second = try StandalonePacts.pact("""
        [\(StandalonePacts.interaction("new", path: "/b", status: 202)),
         \(StandalonePacts.interaction("stays", path: "/a", status: 201))]
        """)
        mock.replace(with: try PactCatalogue.build([second]))
        XCTAssertEqual(mock.receivedCounts(), [0, 1])
        XCTAssertEqual(mock.handle(method: "GET", target: "/a").status, 201, "the new version answers")
        XCTAssertEqual(mock.handle(method: "GET", target: "/b").status, 202)
        XCTAssertEqual(mock.handle(method: "GET", target: "/__pactkit/health").json?["reloads"], 1)
        XCTAssertEqual(mock.logEntries().count, 4, "the log survives a reload")
    }
}
