import Foundation
import HTTPServerCore
import PactModel

/// An in-process mock provider: serves a set of HTTP interactions on a local port and records every request.
///
/// ```swift
/// let server = try await MockServer.start(interactions: pact.httpInteractions)
/// // … point the client under test at server.url …
/// let result = server.verification()
/// try await server.shutdown()
/// if !result.isSuccess { print(result.report) }
/// ```
public final class MockServer: Sendable {
    private let server: HTTPServer
    private let engine: MockEngine
    /// With `MockServerConfiguration.tls`, the certificate the mock presents, for the client under test to trust;
    /// nil for plain HTTP.
    public let certificate: MockServerCertificate?

    private init(server: HTTPServer, engine: MockEngine, certificate: MockServerCertificate?) {
        self.server = server
        self.engine = engine
        self.certificate = certificate
    }

    /// Starts serving `interactions` (a few milliseconds: a socket bind on a shared event loop group). Throws
    /// `HTTPServerError` when the address cannot be bound, `MockServerTLSError` when https was asked for and its
    /// certificate or key is unusable.
    public static func start(
        interactions: [HTTPInteraction], configuration: MockServerConfiguration = MockServerConfiguration()
    ) async throws -> MockServer {
        let engine = MockEngine(interactions: interactions, specVersion: configuration.specVersion,
                                corsPreflight: configuration.corsPreflight,
                                maxRecordedMatches: configuration.maxRecordedMatches)
        let identity = try configuration.tls?.identity()
        var serverConfiguration = HTTPServerConfiguration(host: configuration.host, port: configuration.port,
                                                          maxBodyBytes: configuration.maxBodyBytes)
        serverConfiguration.tls = identity?.serverTLS
        let maxHeaderCount = configuration.maxHeaderCount
        let server = try await HTTPServer.start(configuration: serverConfiguration, handler: .immediate { request in
            if request.headers.count > maxHeaderCount {
                let refusal = ErrorResponses.tooManyHeaders(count: request.headers.count, limit: maxHeaderCount)
                return ServerResponse(status: refusal.status, headers: refusal.headers, body: refusal.body)
            }
            let actual = ActualRequest.make(method: request.method, path: request.path, rawQuery: request.rawQuery,
                                            headers: request.headers, body: request.body, hasBody: request.hasBody)
            let response = engine.respond(to: actual)
            return ServerResponse(status: response.status, headers: response.headers, body: response.body)
        })
        engine.setServerURL(server.url.absoluteString)
        return MockServer(server: server, engine: engine, certificate: identity?.certificate)
    }

    /// The base URL, `http://127.0.0.1:<port>` (`https://` with TLS).
    public var url: URL { server.url }

    /// The port actually bound.
    public var port: Int { server.port }

    /// The interactions being served.
    public var interactions: [HTTPInteraction] { engine.interactions }

    /// A snapshot of what happened so far: matched, mismatched and unexpected requests, and the interactions not
    /// yet received. Every request whose response the client has read is included.
    public func verification() -> MockServerVerification {
        engine.verification()
    }

    /// Stops listening and closes connections; safe to call more than once.
    public func shutdown() async throws {
        try await server.shutdown()
    }
}
