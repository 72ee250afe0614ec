import Foundation
import HTTPServerCore
import XCTest

/// Clients that send their request and then shut their sending side (SHUT_WR), as HTTP/1.1 allows: they get the
/// whole answer, then the server closes.
final class HalfCloseTests: XCTestCase {
    func testAsyncHandlerAnswersAHalfClosedClient() async throws {
        let created = Counter()
        let server = try await HTTPServer.start(handler: .async { request in
            // Like the codes service's /v1/create: work that commits, then an answer that must reach the client.
            try? await Task.sleep(for: .milliseconds(50))
            created.increment()
            return .json(Data(#"{"code":"ABC123","body":"\#(String(decoding: request.body, as: UTF8.self))"}"#.utf8),
                         status: 201)
        })
        let port = server.port
        let (response, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("POST /v1/create HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
            try connection.shutdownWrite()
            return (try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(response.text, #"{"code":"ABC123","body":"{}"}"#)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(rest.isEmpty, "the server closed after the answer")
        XCTAssertEqual(created.value, 1)
        try await server.shutdown()
    }

    func testPipelinedRequestsBeforeTheHalfCloseAreAllAnswered() async throws {
        let server = try await HTTPServer.start(handler: .async { request in .text(request.path) })
        let port = server.port
        let (paths, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send((1...3).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            try connection.shutdownWrite()
            let paths = try (1...3).map { _ in try connection.readResponse().text }
            return (paths, try connection.readToEnd())
        }
        XCTAssertEqual(paths, ["/1", "/2", "/3"])
        XCTAssertTrue(rest.isEmpty)
        try await server.shutdown()
    }

    func testImmediateHandlerAnswersAHalfClosedClientAndCloses() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let (response, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /half HTTP/1.1\r\nHost: x\r\n\r\n")
            try connection.shutdownWrite()
            return (try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(response.text.echoed("path"), "/half")
        XCTAssertTrue(rest.isEmpty, "the server closed after the answer")
        try await server.shutdown()
    }

    func testHalfCloseInsideABodyClosesWithoutRunningTheHandler() async throws {
        let handled = Counter()
        let server = try await HTTPServer.start(handler: .immediate(countingEcho(handled)))
        let port = server.port
        let answer = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            try connection.shutdownWrite()
            return String(decoding: try connection.readToEnd(), as: UTF8.self)
        }
        XCTAssertTrue(answer.isEmpty || answer.hasPrefix("HTTP/1.1 400 "), answer)
        XCTAssertEqual(handled.value, 0)
        try await server.shutdown()
    }
}
