import Synchronization
import Foundation
import HTTPServerCore
import OutboundHTTP
import XCTest

final class OutboundHTTPClientTests: XCTestCase {
    private func withServer(
        _ handler: RequestHandler, _ body: (URL, OutboundHTTPClient) async throws -> Void,
        settings: OutboundHTTPClient.Settings = .init()
    ) async throws {
        let server = try await HTTPServer.start(handler: handler)
        let client = try OutboundHTTPClient(settings: settings)
        do {
            try await body(server.url, client)
        } catch {
            await client.shutdown()
            try await server.shutdown()
            throw error
        }
        await client.shutdown()
        try await server.shutdown()
    }

    func testRepeatedResponseHeadersStaySeparateValues() async throws {
        try await withServer(.immediate { _ in
            ServerResponse(status: 200, headers: [("X-TEST", "1"), ("X-TEST", "1000")])
        }) { url, client in
            let response = try await client.send(OutboundRequest(method: "GET", url: url.appendingPathComponent("x")))
            XCTAssertEqual(response.values(forHeader: "x-test"), ["1", "1000"])
        }
    }

    func testGetWithBodySendsTheBody() async throws {
        try await withServer(.immediate { request in
            .text("\(request.method) \(String(decoding: request.body, as: UTF8.self))")
        }) { url, client in
            let response = try await client.send(OutboundRequest(method: "GET", url: url, body: Array("hello".utf8)))
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "GET hello")
        }
    }

    func testRedirectIsReturnedNotFollowed() async throws {
        try await withServer(.immediate { request in
            request.path == "/start" ? ServerResponse(status: 302, headers: [("Location", "/elsewhere")]) : .text("followed")
        }) { url, client in
            let response = try await client.send(OutboundRequest(method: "GET", url: url.appendingPathComponent("start")))
            XCTAssertEqual(response.status, 302)
            XCTAssertEqual(response.values(forHeader: "Location"), ["/elsewhere"])
        }
    }

    func testMethodThatIsNotATokenIsNeverSent() async throws {
        let received = RequestCounter()
        try await withServer(.immediate { _ in received.increment(); return .text("ok") }) { url, client in
            do {
                _ = try await client.send(OutboundRequest(method: "GET /evil HTTP/1.1\r\nX: ", url: url))
                XCTFail("a forged method was sent")
            } catch let error as OutboundHTTPError {
                XCTAssertEqual(error.kind, .invalidRequest)
                XCTAssertTrue(error.reason.contains("is not an HTTP token"), error.description)
                XCTAssertTrue(error.description.contains("\\r\\n"), "control characters are shown: \(error)")
            }
            XCTAssertEqual(received.value, 0)
        }
    }

    func testHeaderValueWithLineBreakIsNeverSent() async throws {
        let received = RequestCounter()
        try await withServer(.immediate { _ in received.increment(); return .text("ok") }) { url, client in
            do {
                _ = try await client.send(OutboundRequest(
                    method: "GET", url: url, headers: [HTTPField(name: "X-Test", value: "a\r\nInjected: yes")]))
                XCTFail("a header with CR/LF was sent")
            } catch let error as OutboundHTTPError {
                XCTAssertEqual(error.kind, .invalidRequest)
                XCTAssertTrue(error.reason.contains("X-Test"), error.description)
            }
            XCTAssertEqual(received.value, 0)
        }
    }

    func testSlowAnswerTimesOutAtTheRequestTimeout() async throws {
        try await withServer(.async { _ in
            try? await Task.sleep(for: .seconds(3))
            return .text("late")
        }) { url, client in
            let started = ContinuousClock.now
            do {
                _ = try await client.send(OutboundRequest(method: "GET", url: url), timeout: .milliseconds(200))
                XCTFail("expected a timeout")
            } catch let error as OutboundHTTPError {
                XCTAssertEqual(error.kind, .timeout)
                XCTAssertTrue(error.reason.contains("200 ms"), error.description)
            }
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(2), "the timeout ends the request, not the server")
        }
    }

    func testBodyOverTheCapFailsWithBodyTooLarge() async throws {
        try await withServer(.immediate { _ in .text(String(repeating: "x", count: 10_000)) }) { url, client in
            do {
                _ = try await client.send(OutboundRequest(method: "GET", url: url), maxBodyBytes: 1024)
                XCTFail("expected the cap to apply")
            } catch let error as OutboundHTTPError {
                XCTAssertEqual(error.kind, .bodyTooLarge)
                XCTAssertTrue(error.reason.contains("1 KiB"), error.description)
            }
            let small = try await client.send(OutboundRequest(method: "GET", url: url), maxBodyBytes: 10_000)
            XCTAssertEqual(small.body.count, 10_000)
        }
    }

    func testRefusedConnectionIsReportedAtOnceAsUnreachable() async throws {
        let server = try await HTTPServer.start(handler: .immediate { _ in .text("ok") })
        let url = server.url
        try await server.shutdown()
        let client = try OutboundHTTPClient(settings: .init(timeout: .seconds(5)))
        let started = ContinuousClock.now
        do {
            _ = try await client.send(OutboundRequest(method: "GET", url: url))
            XCTFail("expected connection refused")
        } catch {
            XCTAssertEqual(error.kind, .unreachable, error.description)
            XCTAssertTrue(error.reason.contains("connection refused"), error.description)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(4), "no silent retries until the timeout")
        await client.shutdown()
    }

    func testUnreadableCAFileIsAClearError() {
        XCTAssertThrowsError(try OutboundHTTPClient(settings: .init(tls: TLSOptions(caCertificateFile: "/nonexistent/ca.pem")))) { error in
            let error = error as? OutboundHTTPError
            XCTAssertEqual(error?.kind, .tls)
            XCTAssertTrue(error?.description.contains("/nonexistent/ca.pem") ?? false)
        }
    }
}

/// Counts requests a test server received.
final class RequestCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
