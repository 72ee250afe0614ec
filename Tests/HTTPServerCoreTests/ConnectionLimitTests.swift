import Foundation
import HTTPServerCore
import XCTest

/// Lines a server logs, collected for assertions.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

final class ConnectionLimitTests: XCTestCase {
    func testConnectionsOverTheLimitGet503AndOneLogLineAndOthersKeepWorking() async throws {
        let log = LogLines()
        let server = try await HTTPServer.start(
            configuration: .init(connectionLimits: HTTPConnectionLimits(maxConnections: 2), log: log.append),
            handler: .immediate(echo))
        let port = server.port
        let (first, second) = try await onThread {
            let first = try RawHTTPConnection(port: port), second = try RawHTTPConnection(port: port)
            // A response proves the server has accepted (and counted) each connection.
            for connection in [first, second] {
                try connection.send("GET /open HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try connection.readResponse()
            }
            return (first, second)
        }

        let refusals = try await onThread {
            try (0..<3).map { _ in
                let extra = try RawHTTPConnection(port: port)
                return (try extra.readResponse(), try extra.readToEnd())
            }
        }
        for (response, rest) in refusals {
            XCTAssertEqual(response.status, 503)
            XCTAssertEqual(response.header("Connection"), "close")
            XCTAssertEqual(response.text, "too many connections: the limit is 2, try again later\n")
            XCTAssertTrue(rest.isEmpty, "the refused connection was closed")
        }
        XCTAssertEqual(log.all, ["HTTP server on 127.0.0.1:\(port): connection limit of 2 reached:"
                                 + " new connections get 503 until open ones close"])

        let stillServed = try await onThread {
            try second.send("GET /still-served HTTP/1.1\r\nHost: x\r\n\r\n")
            return try second.readResponse()
        }
        XCTAssertEqual(stillServed.text.echoed("path"), "/still-served")

        first.close()
        let afterwards = try await onThread { () -> RawHTTPConnection.Response? in
            // The server learns of the close asynchronously: retry briefly until a new connection is served.
            // A refused attempt may also end in a reset, as its request reaches a closed socket.
            for _ in 0..<100 {
                let connection = try RawHTTPConnection(port: port)
                let response = try? { () throws -> RawHTTPConnection.Response in
                    try connection.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
                    return try connection.readResponse()
                }()
                if let response, response.status == 200 { return response }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return nil
        }
        XCTAssertEqual(afterwards?.text.echoed("path"), "/again", "a connection was accepted once another closed")
        XCTAssertEqual(log.all.count, 1, "one line, not one per refusal")
        second.close()
        try await server.shutdown()
    }
}
