import Foundation
import HTTPServerCore

/// A misbehaving broker in process: answers with whatever `respond` gives, counting requests and how many were in
/// flight at once.
final class FakeBroker: @unchecked Sendable {
    let server: HTTPServer
    private let lock = NSLock()
    private var received: [ServerRequest] = []
    private var inFlight = 0
    private var maxInFlightValue = 0

    var url: URL { server.url }
    var requests: [ServerRequest] { lock.withLock { received } }
    var maxInFlight: Int { lock.withLock { maxInFlightValue } }

    init(_ respond: @escaping @Sendable (ServerRequest, _ count: Int) async -> ServerResponse) async throws {
        let box = Box()
        server = try await HTTPServer.start(
            configuration: HTTPServerConfiguration(shutdownGracePeriod: .milliseconds(100)),
            handler: .async { request in
                let count = box.owner?.begin(request) ?? 0
                defer { box.owner?.end() }
                return await respond(request, count)
            })
        box.owner = self
    }

    private func begin(_ request: ServerRequest) -> Int {
        lock.withLock {
            received.append(request)
            inFlight += 1
            maxInFlightValue = max(maxInFlightValue, inFlight)
            return received.count
        }
    }

    private func end() { lock.withLock { inFlight -= 1 } }

    func stop() async { try? await server.shutdown() }

    private final class Box: @unchecked Sendable {
        weak var owner: FakeBroker?
    }

    static func hal(_ text: String, status: Int = 200) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", "application/hal+json;charset=utf-8")], body: Data(text.utf8))
    }
}
