import Foundation
import HTTPServerCore
import XCTest

/// Requests NIO's parser follows with a tunnel (`CONNECT`) or a protocol switch (`Upgrade`): each gets a complete
/// answer and the connection closes, so no client waits for ever.
final class UnsupportedMethodTests: XCTestCase {
    func testConnectGets405WithAllowAndTheConnectionCloses() async throws {
        let handled = Counter()
        let server = try await HTTPServer.start(handler: .immediate(countingEcho(handled)))
        let port = server.port
        let (response, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
            return (try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("Allow"), "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(response.header("Content-Length"), String(response.body.count))
        XCTAssertEqual(response.text, "CONNECT is not supported: this server is not a proxy\n")
        XCTAssertTrue(rest.isEmpty, "the connection closed after the answer")
        XCTAssertEqual(handled.value, 0)
        try await server.shutdown()
    }

    func testConnectAfterAnAnsweredRequestOnTheSameConnection() async throws {
        let server = try await HTTPServer.start(handler: .async { request in .text(request.path) })
        let port = server.port
        let (first, second, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\nCONNECT x:1 HTTP/1.1\r\nHost: x:1\r\n\r\n")
            return (try connection.readResponse(), try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(first.text, "/first")
        XCTAssertEqual(second.status, 405)
        XCTAssertTrue(rest.isEmpty)
        try await server.shutdown()
    }

    func testUpgradeRequestIsAnsweredAndTheConnectionCloses() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let (response, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            // The second request would never be parsed: NIO's decoder stops after an upgrade request.
            try connection.send("GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n"
                + "GET /next HTTP/1.1\r\nHost: x\r\n\r\n")
            return (try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text.echoed("path"), "/ws")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(rest.isEmpty, "closed instead of leaving /next unanswered")
        try await server.shutdown()
    }
}
