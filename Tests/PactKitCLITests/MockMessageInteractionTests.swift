import Foundation
import TestSupport
import PactModel
import XCTest

/// `pactkit mock` with a pact holding message interactions: a warning names them, the HTTP ones are still served.
final class MockMessageInteractionTests: XCTestCase {
    func testAMessageInteractionIsNamedInAWarningAndHTTPIsStillServed() async throws {
        let directory = try MockCLI.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let message = """
            {"type": "Asynchronous/Messages", "description": "a code revoked event",
             "contents": {"contentType": "application/json", "content": {"code": "ABC"}}}
            """
        let file = directory.appendingPathComponent("app-api.json")
        try Data(MockCLI.pact("[\(MockCLI.interaction("a code", path: "/codes/1", body: #"{"code": "ABC"}"#)), \(message)]").utf8)
            .write(to: file)
        let mock = try MockCLIProcess(["--file", file.path])
        let url = try mock.url()
        try mock.waitForStderr(containing: "1 message interaction(s) skipped ('a code revoked event')")
        let response = try await TestHTTP.send("GET", url, "/codes/1")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.json, ["code": "ABC"])
        XCTAssertEqual(mock.stop(), 0)
    }
}
