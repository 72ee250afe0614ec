import Foundation
import HTTPServerCore
import XCTest

/// Idle, header and body timeouts, with short configured limits (a few hundred milliseconds). Without them every
/// connection here stays open and the raw client's 5-second read timeout fails the test.
final class TimeoutTests: XCTestCase {
    private func start(
        idle: Duration = .seconds(5), header: Duration = .seconds(5), body: Duration = .seconds(5),
        handler: @escaping @Sendable (ServerRequest) -> ServerResponse = echo
    ) async throws -> HTTPServer {
        let limits = HTTPConnectionLimits(idleTimeout: idle, headerTimeout: header, bodyTimeout: body)
        return try await HTTPServer.start(configuration: .init(connectionLimits: limits), handler: .immediate(handler))
    }

    func testHalfSentHeadGets408AndTheConnectionClosesInTime() async throws {
        let server = try await start(header: .milliseconds(200))
        let port = server.port
        let (answer, elapsed) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            let sent = ContinuousClock.now
            try connection.send("GET /never-finished HTTP/1.1\r\nHost: x\r\nX-Half: ")
            let answer = String(decoding: try connection.readToEnd(), as: UTF8.self)
            return (answer, ContinuousClock.now - sent)
        }
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), answer)
        XCTAssertTrue(answer.contains("Connection: close\r\n"), answer)
        XCTAssertTrue(answer.hasSuffix("request head not received within 0.2 seconds\n"), answer)
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(150), "closed before the header timeout")
        XCTAssertLessThan(elapsed, .seconds(3))
        try await server.shutdown()
    }

    func testConnectionThatSendsNothingIsClosedWithoutAnAnswer() async throws {
        let server = try await start(header: .milliseconds(200))
        let port = server.port
        let (rest, elapsed) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            let opened = ContinuousClock.now
            return (try connection.readToEnd(), ContinuousClock.now - opened)
        }
        XCTAssertTrue(rest.isEmpty, String(decoding: rest, as: UTF8.self))
        XCTAssertLessThan(elapsed, .seconds(3))
        try await server.shutdown()
    }

    func testIdleKeepAliveConnectionIsClosedAndActivityKeepsItOpen() async throws {
        let idleTimeout = Duration.milliseconds(300)
        let server = try await start(idle: idleTimeout)
        let port = server.port
        let (paths, served, rest, idle) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            let opened = ContinuousClock.now
            var paths: [String] = []
            var lastSent = opened
            // A request as soon as the previous one is answered (after a 20 ms look at the socket, which a close ends
            // at once), until the connection has served for twice the idle timeout: it lasts that long only if every
            // request restarts the timer. No sleep sets the gaps, so a busy machine cannot stretch one past the timeout.
            while ContinuousClock.now - opened < idleTimeout * 2 {
                lastSent = ContinuousClock.now
                try connection.send("GET /\(paths.count) HTTP/1.1\r\nHost: x\r\n\r\n")
                paths.append(try connection.readResponse().text.echoed("path") ?? "")
                if try connection.isReadable(withinMilliseconds: 20) { break }
            }
            let served = ContinuousClock.now - opened
            // The server's idle timer starts after it answers the last request, so after `lastSent`.
            return (paths, served, try connection.readToEnd(), ContinuousClock.now - lastSent)
        }
        XCTAssertEqual(paths, (0..<paths.count).map { "/\($0)" })
        XCTAssertGreaterThanOrEqual(served, idleTimeout * 2, "closed while requests kept coming, after \(paths.count)")
        XCTAssertTrue(rest.isEmpty, "closed without an answer")
        XCTAssertGreaterThanOrEqual(idle, .milliseconds(250), "closed before the idle timeout")
        XCTAssertLessThan(idle, .seconds(3))
        try await server.shutdown()
    }

    func testSlowlorisHeadIsClosedWithinTheHeaderTimeoutDespiteASteadyTrickle() async throws {
        let server = try await start(header: .milliseconds(300))
        let port = server.port
        let (answer, elapsed, bytesSent) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            let started = ContinuousClock.now
            let head = Array("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + String(repeating: "a", count: 200))
            var sent = 0
            // One byte every 20 ms: each arrives well within any per-read timeout.
            while sent < head.count, try !connection.isReadable(withinMilliseconds: 20) {
                try connection.send(String(head[sent]))
                sent += 1
            }
            let answer = String(decoding: try connection.readToEnd(), as: UTF8.self)
            return (answer, ContinuousClock.now - started, sent)
        }
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408 "), answer)
        XCTAssertLessThan(bytesSent, 200, "the trickle outlasted the header timeout")
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(250))
        XCTAssertLessThan(elapsed, .seconds(2))
        try await server.shutdown()
    }

    func testTricklingBodyGets408WithinTheBodyTimeout() async throws {
        let handled = Counter()
        let server = try await start(body: .milliseconds(300), handler: countingEcho(handled))
        let port = server.port
        let (answer, elapsed) = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
            let started = ContinuousClock.now
            var sent = 0
            while sent < 1000, try !connection.isReadable(withinMilliseconds: 20) {
                try connection.send("b")
                sent += 1
            }
            let answer = String(decoding: try connection.readToEnd(), as: UTF8.self)
            return (answer, ContinuousClock.now - started)
        }
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408 "), answer)
        XCTAssertTrue(answer.hasSuffix("request body not received within 0.3 seconds\n"), answer)
        XCTAssertLessThan(elapsed, .seconds(2))
        XCTAssertEqual(handled.value, 0, "the incomplete request never reached the handler")
        try await server.shutdown()
    }

    func testSlowAsyncHandlerIsNotCutOffByTheTimeouts() async throws {
        let limits = HTTPConnectionLimits(idleTimeout: .milliseconds(100), headerTimeout: .milliseconds(100),
                                          bodyTimeout: .milliseconds(100))
        let server = try await HTTPServer.start(configuration: .init(connectionLimits: limits), handler: .async { _ in
            try? await Task.sleep(for: .milliseconds(400))
            return .text("slow but complete")
        })
        let port = server.port
        let response = try await onThread {
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            return try connection.readResponse()
        }
        XCTAssertEqual(response.text, "slow but complete")
        try await server.shutdown()
    }

    func testNonPositiveTimeoutsAndLimitsAreRejected() async throws {
        let cases: [(HTTPConnectionLimits, String)] = [
            (HTTPConnectionLimits(idleTimeout: .zero), "connectionLimits.idleTimeout"),
            (HTTPConnectionLimits(headerTimeout: .milliseconds(-1)), "connectionLimits.headerTimeout"),
            (HTTPConnectionLimits(bodyTimeout: .zero), "connectionLimits.bodyTimeout"),
            (HTTPConnectionLimits(maxConnections: 0), "connectionLimits.maxConnections"),
        ]
        for (limits, field) in cases {
            do {
                let server = try await HTTPServer.start(configuration: .init(connectionLimits: limits),
                                                        handler: .immediate(echo))
                try await server.shutdown()
                XCTFail("\(field) was accepted")
            } catch let HTTPServerError.invalidConfiguration(rejected, _) {
                XCTAssertEqual(rejected, field)
            }
        }
    }
}
