import Foundation
import TestSupport
import PactModel
@testable import PactMockServer
import XCTest

/// Header fields of arriving requests: grouped by name in one pass, and capped (issue 14, item 4).
final class HeaderLimitTests: XCTestCase {
    func testFieldsAreGroupedCaseInsensitivelyKeepingTheFirstSpelling() {
        let grouped = ActualRequest.group([
            (name: "Accept", value: "a"), (name: "X-Id", value: "1"), (name: "ACCEPT", value: "b"),
            (name: "accept", value: "c"), (name: "x-id", value: "2"),
        ])
        XCTAssertEqual(grouped, ["Accept": ["a", "b", "c"], "X-Id": ["1", "2"]])
    }

    func testManyDistinctFieldsAreAllKept() {
        let fields = (0..<5_000).map { (name: "X-Field-\($0)", value: "\($0)") }
        let grouped = ActualRequest.group(fields + [(name: "x-field-7", value: "again")])
        XCTAssertEqual(grouped.count, 5_000)
        XCTAssertEqual(grouped["X-Field-7"], ["7", "again"])
    }

    func testTheInProcessMockAnswers431PastTheHeaderCap() async throws {
        let server = try await MockServer.start(interactions: [interaction("list items", "GET", "/items")],
                                                configuration: MockServerConfiguration(maxHeaderCount: 20))
        let headers = Dictionary(uniqueKeysWithValues: (0..<30).map { ("X-Field-\($0)", "v") })
        let refused = try await TestHTTP.send("GET", server.url, "/items", headers: headers)
        XCTAssertEqual(refused.status, 431)
        XCTAssertEqual(refused.json?["type"], "too-many-headers")
        let accepted = try await TestHTTP.send("GET", server.url, "/items", headers: ["X-Field": "v"])
        XCTAssertEqual(accepted.status, 200)
        try await server.shutdown()
    }
}
