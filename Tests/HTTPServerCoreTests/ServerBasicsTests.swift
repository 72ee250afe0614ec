import Foundation
import HTTPServerCore
import XCTest

final class ServerBasicsTests: XCTestCase {
    func testBindsLoopbackOnAPortTheOSPicks() async throws {
        let first = try await HTTPServer.start(handler: .immediate(echo))
        let second = try await HTTPServer.start(handler: .immediate(echo))
        XCTAssertGreaterThan(first.port, 0)
        XCTAssertNotEqual(first.port, second.port)
        XCTAssertEqual(first.url.absoluteString, "http://127.0.0.1:\(first.port)")
        let port = first.port
        let response = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            return try connection.readResponse()
        }
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text.echoed("path"), "/hello")
        try await first.shutdown()
        try await second.shutdown()
    }

    func testHandlerSeesDecodedPathRawQueryHeadersAndBody() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let response = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("POST /a%20b/c%2Fd+e?x=1&y=%20z HTTP/1.1\r\nHost: x\r\nX-One: 1\r\nx-one: 2\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
            return try connection.readResponse()
        }
        let text = response.text
        XCTAssertEqual(text.echoed("method"), "POST")
        XCTAssertEqual(text.echoed("target"), "/a%20b/c%2Fd+e?x=1&y=%20z")
        XCTAssertEqual(text.echoed("path"), "/a b/c/d+e")
        XCTAssertEqual(text.echoed("query"), "x=1&y=%20z")
        XCTAssertEqual(text.echoed("body"), "hello")
        XCTAssertEqual(text.echoed("header X-One"), "1")
        XCTAssertEqual(text.echoed("header x-one"), "2")
        XCTAssertEqual(response.header("Content-Length"), String(response.body.count))
        XCTAssertEqual(response.header("X-Echo"), "yes")
        XCTAssertEqual(response.header("Content-Type"), "text/plain; charset=utf-8")
        try await server.shutdown()
    }

    func testRequestWithoutBodyIsMarkedAsSuch() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let (bare, empty) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let bare = try connection.readResponse()
            try connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            return (bare, try connection.readResponse())
        }
        XCTAssertEqual(bare.text.echoed("hasBody"), "false")
        XCTAssertEqual(empty.text.echoed("hasBody"), "true")
        try await server.shutdown()
    }

    func testFramingHeadersFromTheHandlerAreReplaced() async throws {
        let server = try await HTTPServer.start(handler: .immediate { _ in
            ServerResponse(status: 201, headers: [("Content-Length", "999"), ("Transfer-Encoding", "chunked")],
                           body: Data("abc".utf8))
        })
        let port = server.port
        let (first, second) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
            return (try connection.readResponse(), try connection.readResponse())
        }
        XCTAssertEqual(first.status, 201)
        XCTAssertEqual(first.header("Content-Length"), "3")
        XCTAssertNil(first.header("Transfer-Encoding"))
        XCTAssertEqual(first.text, "abc")
        XCTAssertEqual(second.text, "abc")
        try await server.shutdown()
    }

    func testPipelinedRequestsAreAnsweredInOrder() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let paths = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send((1...5).map { "GET /\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
            return try (1...5).map { _ in try connection.readResponse().text.echoed("path") ?? "" }
        }
        XCTAssertEqual(paths, ["/1", "/2", "/3", "/4", "/5"])
        try await server.shutdown()
    }

    func testHeadResponseHasLengthButNoBody() async throws {
        let server = try await HTTPServer.start(handler: .immediate { _ in .text("twelve bytes") })
        let port = server.port
        let (head, get) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
            // The client reads a HEAD response's head only; the next response must follow directly.
            let headResponse = try connection.readResponseHead()
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            return (headResponse, try connection.readResponse())
        }
        XCTAssertEqual(head.header("Content-Length"), "12")
        XCTAssertEqual(get.text, "twelve bytes")
        try await server.shutdown()
    }

    func testExpectContinueGetsAnInterimResponse() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let (interim, final) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("PUT /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try connection.readResponseHead()
            try connection.send("data")
            return (interim, try connection.readResponse())
        }
        XCTAssertEqual(interim.status, 100)
        XCTAssertEqual(final.status, 200)
        XCTAssertEqual(final.text.echoed("body"), "data")
        try await server.shutdown()
    }

    func testInvalidConfigurationAndBusyPortAreTypedErrors() async throws {
        do {
            _ = try await HTTPServer.start(configuration: .init(port: 70000), handler: .immediate(echo))
            XCTFail("port 70000 was accepted")
        } catch let error as HTTPServerError {
            XCTAssertEqual(error, .invalidConfiguration(field: "port", reason: "must be in 0...65535, got 70000"))
        }
        let server = try await HTTPServer.start(handler: .immediate(echo))
        do {
            _ = try await HTTPServer.start(configuration: .init(port: server.port), handler: .immediate(echo))
            XCTFail("a port in use was bound twice")
        } catch let HTTPServerError.bindFailed(host, port, _) {
            XCTAssertEqual(host, "127.0.0.1")
            XCTAssertEqual(port, server.port)
        }
        try await server.shutdown()
    }
}

final class BodylessStatusTests: XCTestCase {
    func testNoContentResponsesCarryNoLengthOrBody() async throws {
        let server = try await HTTPServer.start(handler: .immediate { request in
            ServerResponse(status: request.path == "/204" ? 204 : 304, body: Data("ignored".utf8))
        })
        let port = server.port
        let (noContent, notModified, next) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /204 HTTP/1.1\r\nHost: x\r\n\r\n")
            let noContent = try connection.readResponseHead()
            try connection.send("GET /304 HTTP/1.1\r\nHost: x\r\n\r\n")
            let notModified = try connection.readResponseHead()
            try connection.send("GET /204 HTTP/1.1\r\nHost: x\r\n\r\n")
            return (noContent, notModified, try connection.readResponseHead())
        }
        XCTAssertEqual([noContent.status, notModified.status, next.status], [204, 304, 204],
                       "no stray body bytes between the responses")
        XCTAssertNil(noContent.header("Content-Length"))
        XCTAssertNil(notModified.header("Content-Length"))
        XCTAssertNil(noContent.header("Transfer-Encoding"))
        try await server.shutdown()
    }
}
