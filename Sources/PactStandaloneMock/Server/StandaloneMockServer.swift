import Foundation
import HTTPServerCore
import PactMockServer

/// A `StandaloneMock` on a port.
public final class StandaloneMockServer: Sendable {
    /// The mock answering the requests, for its log, verification and reloads.
    public let mock: StandaloneMock
    private let server: HTTPServer
    /// With `tls`, the certificate presented; nil for plain HTTP.
    public let certificate: MockServerCertificate?

    private init(mock: StandaloneMock, server: HTTPServer, certificate: MockServerCertificate?) {
        self.mock = mock
        self.server = server
        self.certificate = certificate
    }

    /// Binds and starts answering, over https with `tls`. Throws `MockServerTLSError` when the certificate or key is
    /// unusable, `HTTPServerError` when the address cannot be bound.
    public static func start(
        mock: StandaloneMock, host: String = "127.0.0.1", port: Int = 0, maxBodyBytes: Int = 8 * 1024 * 1024,
        connectionLimits: HTTPConnectionLimits = HTTPConnectionLimits(), tls: MockServerTLS? = nil
    ) async throws -> StandaloneMockServer {
        let identity = try tls?.identity()
        let configuration = HTTPServerConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes,
                                                    connectionLimits: connectionLimits, tls: identity?.serverTLS)
        let server = try await HTTPServer.start(configuration: configuration, handler: .immediate { request in
            mock.handle(request)
        })
        mock.setServerURL(server.url.absoluteString)
        return StandaloneMockServer(mock: mock, server: server, certificate: identity?.certificate)
    }

    /// `http://HOST:PORT` (`https` with TLS) with the port actually bound.
    public var url: URL { server.url }
    /// The port actually bound (the OS's choice when 0 was asked for).
    public var port: Int { server.port }

    /// Stops listening, lets in-flight requests finish, closes connections.
    public func shutdown() async throws { try await server.shutdown() }
}
