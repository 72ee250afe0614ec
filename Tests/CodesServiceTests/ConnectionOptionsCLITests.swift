import Foundation
import TestSupport
import XCTest

/// `codes-service --idle-timeout/--header-timeout/--body-timeout/--max-connections` reach its HTTP server.
final class ConnectionOptionsCLITests: XCTestCase {
    func testAHeaderTimeoutGiven() async throws {
        let service = try CodesServiceProcess(["--port", "0", "--db", ":memory:", "--header-timeout", "300"])
        let url = try await service.url()
        let port = try XCTUnwrap(url.port)
        let halfSent = try RawHTTPConnection(port: port, timeoutSeconds: 10)
        try halfSent.send("GET /v1/healthcheck HTTP/1.1\r\nHost: x\r\n")
        let started = Date()
        XCTAssertEqual(try halfSent.readResponse().status, 408, "the 300 ms header timeout applies, not the 10 s default")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        let status = try await service.stop()
        XCTAssertEqual(status, 0)
    }

    func testNonPositiveLimitsAreUsageErrors() async throws {
        for option in ["--idle-timeout", "--header-timeout", "--body-timeout", "--max-connections"] {
            let service = try CodesServiceProcess(["--port", "0", "--db", ":memory:", option, "0"])
            let status = try await service.exitStatus()
            XCTAssertEqual(status, 64, option)
            XCTAssertTrue(service.stderr.contains("\(option) must be at least 1, got 0"), service.stderr)
        }
    }
}
