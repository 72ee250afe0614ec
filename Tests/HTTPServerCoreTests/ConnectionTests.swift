import Foundation
import HTTPServerCore
import XCTest

final class ConnectionTests: XCTestCase {
    func testManyKeepAliveConnectionsConcurrently() async throws {
        let handled = Counter()
        let server = try await HTTPServer.start(handler: .immediate { request in
            handled.increment()
            return .text("\(request.path)|\(request.header("X-Client") ?? "")")
        })
        let port = server.port
        let connections = 16, requestsEach = 50
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<connections {
                group.addTask {
                    try await onThread {
                        // One socket per client: a server that closed it would fail the later reads.
                        let connection = try RawHTTPConnection(port: port)
                        var wrong = 0
                        for index in 0..<requestsEach {
                            try connection.send("GET /r/\(index) HTTP/1.1\r\nHost: x\r\nX-Client: \(client)\r\n\r\n")
                            let response = try connection.readResponse()
                            if response.text != "/r/\(index)|\(client)" || response.header("Connection") != nil { wrong += 1 }
                        }
                        return wrong
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        XCTAssertEqual(mismatches, 0)
        XCTAssertEqual(handled.value, connections * requestsEach)
        try await server.shutdown()
    }

    func testHTTP10ClosesUnlessKeepAliveIsAsked() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let (closing, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /once HTTP/1.0\r\n\r\n")
            return (try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(closing.status, 200)
        XCTAssertEqual(closing.header("Connection"), "close")
        XCTAssertTrue(rest.isEmpty, "the connection closed after the response")

        let kept = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let first = try connection.readResponse()
            try connection.send("GET /2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            return [first, try connection.readResponse()]
        }
        XCTAssertEqual(kept.map { $0.header("Connection") }, ["keep-alive", "keep-alive"])
        XCTAssertEqual(kept.map { $0.text.echoed("path") }, ["/1", "/2"])
        try await server.shutdown()
    }

    func testConnectionCloseFromTheClientIsHonoured() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let (response, rest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return (try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(rest.isEmpty)
        try await server.shutdown()
    }

    func testOversizedBodyGets413AndTheConnectionCloses() async throws {
        let server = try await HTTPServer.start(configuration: .init(maxBodyBytes: 1024), handler: .immediate(echo))
        let port = server.port
        let body = String(repeating: "x", count: 5000)
        let (declared, declaredRest) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + body)
            return (try connection.readResponse(), try connection.readToEnd())
        }
        XCTAssertEqual(declared.status, 413)
        XCTAssertEqual(declared.header("Connection"), "close")
        XCTAssertTrue(declaredRest.isEmpty)

        let chunked = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            let chunk = String(repeating: "y", count: 600)
            try connection.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "258\r\n\(chunk)\r\n258\r\n\(chunk)\r\n0\r\n\r\n")
            return try connection.readResponse()
        }
        XCTAssertEqual(chunked.status, 413)

        let atLimit = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1024\r\n\r\n" + String(repeating: "z", count: 1024))
            return try connection.readResponse()
        }
        XCTAssertEqual(atLimit.status, 200)
        XCTAssertEqual(atLimit.text.echoed("body")?.count, 1024)
        try await server.shutdown()
    }

    func testMalformedRequestGets400AndTheServerKeepsServing() async throws {
        let handled = Counter()
        let server = try await HTTPServer.start(handler: .immediate { request in
            handled.increment()
            return echo(request)
        })
        let port = server.port
        let garbage = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("THIS IS NOT HTTP\u{01}\u{02}\r\n\r\n")
            return String(decoding: try connection.readToEnd(), as: UTF8.self)
        }
        XCTAssertTrue(garbage.hasPrefix("HTTP/1.1 400 Bad Request"), garbage)
        XCTAssertTrue(garbage.contains("Connection: close"))
        XCTAssertEqual(handled.value, 0)

        let afterwards = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /still-here HTTP/1.1\r\nHost: x\r\n\r\n")
            return try connection.readResponse()
        }
        XCTAssertEqual(afterwards.status, 200)
        XCTAssertEqual(afterwards.text.echoed("path"), "/still-here")
        try await server.shutdown()
    }
}
