import Foundation
import HTTPServerCore
import NIOCore
import NIOPosix
import XCTest

/// A one-shot signal an async handler can wait on.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if isOpen { lock.unlock(); continuation.resume() } else { waiters.append(continuation); lock.unlock() }
        }
    }

    func open() {
        lock.lock()
        isOpen = true
        let pending = waiters
        waiters.removeAll()
        lock.unlock()
        pending.forEach { $0.resume() }
    }
}

final class AsyncAndShutdownTests: XCTestCase {
    func testAsyncHandlerAnswersConcurrentRequests() async throws {
        actor Store {
            var items: [String] = []
            func add(_ item: String) -> Int { items.append(item); return items.count }
        }
        let store = Store()
        let server = try await HTTPServer.start(handler: .async { request in
            await Task.yield()
            _ = await store.add(request.path)
            return .json(Data("{\"path\":\"\(request.path)\"}".utf8), status: 201)
        })
        let port = server.port
        let responses = try await withThrowingTaskGroup(of: RawHTTPConnection.Response.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try await onThread {
                        let connection = try RawHTTPConnection(port: port)
                        try connection.send("POST /item/\(index) HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                        return try connection.readResponse()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(responses.map(\.status), Array(repeating: 201, count: 20))
        XCTAssertEqual(Set(responses.map(\.text)), Set((0..<20).map { "{\"path\":\"/item/\($0)\"}" }))
        XCTAssertEqual(responses.first?.header("Content-Type"), "application/json; charset=utf-8")
        let stored = await store.items.count
        XCTAssertEqual(stored, 20)
        try await server.shutdown()
    }

    func testAsyncOnEventLoopHandlerRunsOnItsConnectionsEventLoopAcrossAwaitsAndAsyncOnTheTaskPool() async throws {
        // Where the handler runs before and after an await that resumes from a timer on another thread.
        let whereItRuns: @Sendable (ServerRequest) async -> ServerResponse = { _ in
            let before = MultiThreadedEventLoopGroup.currentEventLoop
            try? await Task.sleep(for: .milliseconds(5))
            let after = MultiThreadedEventLoopGroup.currentEventLoop
            let sameLoop = before != nil && after != nil && before === after
            return .text("loop before: \(before != nil), after: \(after != nil), same: \(sameLoop)")
        }
        for (handler, expected) in [(RequestHandler.asyncOnEventLoop(whereItRuns), "loop before: true, after: true, same: true"),
                                    (RequestHandler.async(whereItRuns), "loop before: false, after: false, same: false")] {
            let server = try await HTTPServer.start(handler: handler)
            let port = server.port
            let response = try await onThread {
                let connection = try RawHTTPConnection(port: port)
                try connection.send("GET /where HTTP/1.1\r\nHost: x\r\n\r\n")
                return try connection.readResponse()
            }
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.text, expected)
            try await server.shutdown()
        }
    }

    func testAsyncOnEventLoopHandlerIsCancelledWhenTheClientAbortsTheConnection() async throws {
        try await assertHandlerIsCancelledWhenTheClientAborts(RequestHandler.asyncOnEventLoop)
    }

    func testAsyncHandlerIsCancelledWhenTheClientAbortsTheConnection() async throws {
        try await assertHandlerIsCancelledWhenTheClientAborts(RequestHandler.async)
    }

    /// A handler of the kind `makeHandler` makes, waiting for a request, is cancelled when its client resets the
    /// connection.
    private func assertHandlerIsCancelledWhenTheClientAborts(
        _ makeHandler: (@escaping @Sendable (ServerRequest) async -> ServerResponse) -> RequestHandler
    ) async throws {
        let started = expectation(description: "handler started")
        let cancelled = expectation(description: "handler cancelled")
        let gate = Gate()
        let server = try await HTTPServer.start(handler: makeHandler { _ in
            started.fulfill()
            await withTaskCancellationHandler {
                await gate.wait()
            } onCancel: {
                cancelled.fulfill()
                gate.open()
            }
            return .text("late")
        })
        let port = server.port
        let connection = try await onThread { () -> RawHTTPConnection in
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            return connection
        }
        await fulfillment(of: [started], timeout: 5)
        // A reset: a plain close is indistinguishable from a half-close (HalfCloseTests), which is still answered.
        connection.reset()
        await fulfillment(of: [cancelled], timeout: 5)
        try await server.shutdown()
    }

    func testShutdownClosesTheListeningSocketAndIdleConnections() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        let port = server.port
        let idle = try await onThread { () -> RawHTTPConnection in
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try connection.readResponse()
            return connection
        }
        try await server.shutdown()
        try await server.shutdown()
        let leftover = try await onThread { try idle.readToEnd() }
        XCTAssertTrue(leftover.isEmpty, "the idle keep-alive connection was closed")
        do {
            _ = try RawHTTPConnection(port: port)
            XCTFail("the port still accepts connections after shutdown")
        } catch let failure as RawHTTPConnection.Failure {
            XCTAssertTrue(failure.description.contains("connect() failed"), failure.description)
        }
    }

    func testShutdownLetsAnInFlightRequestFinish() async throws {
        let started = expectation(description: "handler started")
        let gate = Gate()
        let server = try await HTTPServer.start(handler: .async { _ in
            started.fulfill()
            await gate.wait()
            return .text("finished")
        })
        let port = server.port
        async let response = onThread { () -> (RawHTTPConnection.Response, Data) in
            let connection = try RawHTTPConnection(port: port)
            try connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            return (try connection.readResponse(), try connection.readToEnd())
        }
        await fulfillment(of: [started], timeout: 5)
        async let stopped: Void = server.shutdown()
        gate.open()
        let (finished, rest) = try await response
        try await stopped
        XCTAssertEqual(finished.text, "finished")
        XCTAssertTrue(rest.isEmpty, "the connection closed after the in-flight response")
    }

    func testConcurrentShutdownCallsAllReturn() async throws {
        let server = try await HTTPServer.start(handler: .immediate(echo))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { try await server.shutdown() } }
            try await group.waitForAll()
        }
    }
}
