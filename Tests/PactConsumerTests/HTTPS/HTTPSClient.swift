import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// An AsyncHTTPClient for the https mock's tests: trusting the given PEM certificates only, or (nil) the system's
/// roots, which do not hold the mock's self-signed certificate.
struct HTTPSClient {
    let client: HTTPClient

    /// Runs `body` with a client trusting `pem` (nil: the system's roots), then shuts the client down, thrown or not.
    static func with<T>(trusting pem: String?, _ body: (HTTPSClient) async throws -> T) async throws -> T {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let pem { tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))) }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        // A refused handshake fails the request at once instead of being retried until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPSClient(client: HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration))
        let result: Result<T, any Error>
        do { result = .success(try await body(client)) } catch { result = .failure(error) }
        try await client.client.shutdown()
        return try result.get()
    }

    /// GETs `url` and returns the status and the body as text.
    func get(_ url: String) async throws -> (status: Int, body: String) {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: body))
    }
}
