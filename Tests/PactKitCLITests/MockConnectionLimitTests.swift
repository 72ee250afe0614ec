import Foundation
import TestSupport
import XCTest

/// `pactkit mock --header-timeout/--max-connections` (and the other connection limits) reach the server.
final class MockConnectionLimitTests: XCTestCase {
    func testHeaderTimeoutAndConnectionLimitOptions() throws {
        let mock = try MockCLIProcess(["--file", "Fixtures/codes-service/sirius-data-lpa-codes.json",
                                       "--header-timeout", "300", "--max-connections", "1"])
        let port = try XCTUnwrap(try mock.url().port)
        let halfSent = try RawHTTPConnection(port: port)
        // An answer first proves the server counts this connection before the next one arrives.
        XCTAssertEqual(try halfSent.get("/__pactkit/health").status, 200)
        try halfSent.send("GET /__pactkit/health HTTP/1.1\r\nHost: x\r\n")

        let refused = try RawHTTPConnection(port: port)
        XCTAssertEqual(try refused.readResponse().status, 503, "the half-sent connection holds the only place")
        XCTAssertTrue(refused.isClosedByPeer())
        try mock.waitForStderr(containing: "connection limit of 1 reached")

        let started = Date()
        XCTAssertEqual(try halfSent.readResponse().status, 408)
        XCTAssertTrue(halfSent.isClosedByPeer())
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(mock.stop(signal: SIGINT), 0)
    }

    func testNonPositiveLimitsAreUsageErrors() throws {
        for option in ["--idle-timeout", "--header-timeout", "--body-timeout", "--max-connections"] {
            let result = try MockCLI.run(["mock", "--file", "x.json", option, "0"])
            XCTAssertEqual(result.status, 64, option)
            XCTAssertTrue(result.stderr.contains("\(option) must be at least 1, got 0"), result.stderr)
        }
    }
}
