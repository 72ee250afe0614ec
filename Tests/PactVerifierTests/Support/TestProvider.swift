import Foundation
import HTTPServerCore
import PactModel

/// A provider for tests: an in-process HTTP server on port 0 whose answers the test decides, recording every
/// request it receives.
final class TestProvider: Sendable {
    let server: HTTPServer
    private let received: Locked<[ServerRequest]>

    var url: URL { server.url }
    var requests: [ServerRequest] { received.withLock { $0 } }

    private init(server: HTTPServer, received: Locked<[ServerRequest]>) {
        self.server = server
        self.received = received
    }

    /// A provider answering on the event loop.
    static func start(_ respond: @escaping @Sendable (ServerRequest) -> ServerResponse) async throws -> TestProvider {
        let received = Locked<[ServerRequest]>([])
        let server = try await HTTPServer.start(configuration: configuration, handler: .immediate { request in
            received.withLock { $0.append(request) }
            return respond(request)
        })
        return TestProvider(server: server, received: received)
    }

    /// A provider whose answers may wait (a task per request, cancelled when the client goes away).
    static func startAsync(_ respond: @escaping @Sendable (ServerRequest) async -> ServerResponse) async throws -> TestProvider {
        let received = Locked<[ServerRequest]>([])
        let server = try await HTTPServer.start(configuration: configuration, handler: .async { request in
            received.withLock { $0.append(request) }
            return await respond(request)
        })
        return TestProvider(server: server, received: received)
    }

    func stop() async {
        try? await server.shutdown()
    }

    private static let configuration = HTTPServerConfiguration(shutdownGracePeriod: .milliseconds(100))
}

extension ServerResponse {
    /// A JSON response from JSON text.
    static func json(_ text: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> ServerResponse {
        .json(Data(text.utf8), status: status, headers: headers)
    }
}

extension ServerRequest {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
