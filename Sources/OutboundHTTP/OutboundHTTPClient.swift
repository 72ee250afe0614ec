import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOSSL

/// The one HTTP client for everything PactKit sends out: provider requests, state-change calls, pact downloads and
/// Pact Broker calls. Built on AsyncHTTPClient with HTTP/1.1 only, redirects returned rather than followed, no
/// cookies, no decompression, a timeout over the whole exchange and a cap on every response body.
public final class OutboundHTTPClient: Sendable {
    /// Limits and trust settings shared by every request of one client.
    public struct Settings: Sendable, Equatable {
        /// The time one request may take from connecting to the last body byte.
        public var timeout: Duration
        /// The largest response body kept; a longer one fails the request with `.bodyTooLarge`.
        public var maxResponseBodyBytes: Int
        /// How HTTPS peers are trusted.
        public var tls: TLSOptions

        /// Five seconds, 50 MiB, system trust roots by default.
        public init(timeout: Duration = .seconds(5), maxResponseBodyBytes: Int = 50 * 1024 * 1024, tls: TLSOptions = TLSOptions()) {
            self.timeout = timeout
            self.maxResponseBodyBytes = maxResponseBodyBytes
            self.tls = tls
        }
    }

    /// The settings this client was made with.
    public let settings: Settings
    private let client: HTTPClient
    private let shutDown = NIOLockedValueBox(false)

    /// A client; fails when the CA file named in `settings.tls` cannot be read.
    public init(settings: Settings = Settings()) throws(OutboundHTTPError) {
        self.settings = settings
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: try Self.tlsConfiguration(settings.tls),
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: Self.timeAmount(settings.timeout)),
            decompression: .disabled
        )
        // A refused connection is an answer the user needs now, not after the timeout of silent retries.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .http1Only
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Owners shut their client down with `shutdown()` (PactBrokerClient's, the verifier's, each run's message client).
    /// This is only a safety net for a client whose owner never does, such as a `Verifier` value a test drops:
    /// AsyncHTTPClient asserts on a client freed without shutdown, which would crash the test run.
    deinit {
        if !shutDown.withLockedValue({ $0 }) {
            client.shutdown { _ in }
        }
    }

    /// Closes pooled connections; the owner calls it once, when done. Requests after this fail.
    public func shutdown() async {
        let first = shutDown.withLockedValue { done in
            defer { done = true }
            return !done
        }
        if first { try? await client.shutdown() }
    }

    /// Sends `request` and reads the whole response within `timeout` (the settings' by default), keeping at most
    /// `maxBodyBytes` (the settings' by default) of body.
    public func send(
        _ request: OutboundRequest, timeout: Duration? = nil, maxBodyBytes: Int? = nil
    ) async throws(OutboundHTTPError) -> OutboundResponse {
        let target = request.target
        if let problem = RequestValidation.problem(in: request) {
            throw OutboundHTTPError(kind: .invalidRequest, target: target, reason: "not sent: \(problem)")
        }
        let timeout = timeout ?? settings.timeout
        let limit = maxBodyBytes ?? settings.maxResponseBodyBytes
        let prepared = Self.prepare(request)
        let outcome: Result<OutboundResponse, OutboundHTTPError> = await withTaskGroup(
            of: Result<OutboundResponse, OutboundHTTPError>?.self
        ) { [client] group in
            group.addTask {
                do {
                    let response = try await client.execute(prepared, deadline: .now() + Self.timeAmount(timeout))
                    let body = try await Self.collect(response.body, limit: limit, target: target)
                    let headers = response.headers.map { HTTPField(name: $0.name, value: $0.value) }
                    return .success(OutboundResponse(status: Int(response.status.code), headers: headers, body: body))
                } catch let error as OutboundHTTPError {
                    return .failure(error)
                } catch {
                    return .failure(OutboundErrorClassifier.classify(error, target: target, timeout: timeout))
                }
            }
            // AsyncHTTPClient's deadline ends when the response head arrives; this guard also bounds the body.
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                    return .failure(OutboundErrorClassifier.timedOut(target: target, timeout: timeout))
                } catch {
                    return nil
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(OutboundHTTPError(kind: .cancelled, target: target, reason: "the request was cancelled"))
        }
        return try outcome.get()
    }

    private static func prepare(_ request: OutboundRequest) -> HTTPClientRequest {
        var prepared = HTTPClientRequest(url: request.url.absoluteString)
        prepared.method = HTTPMethod(rawValue: request.method)
        for field in request.headers {
            prepared.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            prepared.body = .bytes(ByteBuffer(bytes: body))
        }
        return prepared
    }

    private static func collect(_ body: HTTPClientResponse.Body, limit: Int, target: String) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            if bytes.count + chunk.readableBytes > limit {
                throw OutboundHTTPError(
                    kind: .bodyTooLarge, target: target,
                    reason: "the response body is larger than the limit of \(ByteCountText.text(limit)); reading stopped there")
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }

    private static func tlsConfiguration(_ options: TLSOptions) throws(OutboundHTTPError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if options.skipVerification {
            configuration.certificateVerification = .none
        }
        if let file = options.caCertificateFile {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(file))
            } catch {
                throw OutboundHTTPError(
                    kind: .tls, target: file,
                    reason: "cannot read the CA certificates (a PEM file is expected): \(error)")
            }
        }
        return configuration
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
