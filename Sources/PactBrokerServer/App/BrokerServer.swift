import Foundation
import Hummingbird
import HummingbirdCore
import HTTPTypes
import Logging
import NIOCore
import ServiceLifecycle

/// How `pactkit broker` serves: address, public base URL, limits.
public struct BrokerServerConfiguration: Sendable {
    /// The address to bind.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The URL clients reach the broker at (for absolute links); nil derives it from each request's Host or
    /// X-Forwarded-* headers.
    public var baseURL: String?
    /// Requests with a larger body get 413.
    public var maxBodyBytes: Int
    /// A connection idle this long is closed.
    public var idleTimeout: Duration
    /// Connections served at once; more wait to be accepted.
    public var maxConnections: Int
    /// Where the server logs; nil: warnings and errors to standard error.
    public var logger: Logger?

    /// Defaults: 127.0.0.1, a free port, links from the request, 50 MB bodies, 60 s idle timeout, 1024 connections.
    public init(host: String = "127.0.0.1", port: Int = 0, baseURL: String? = nil, maxBodyBytes: Int = 50 * 1024 * 1024,
                idleTimeout: Duration = .seconds(60), maxConnections: Int = 1024, logger: Logger? = nil) {
        self.host = host
        self.port = port
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.logger = logger
    }
}

/// The Pact Broker server: the HAL API over a `BrokerStore`, served by Hummingbird.
public struct BrokerServer: Sendable {
    let store: any BrokerStore
    let configuration: BrokerServerConfiguration

    /// A server over `store`; nothing is bound until `run`.
    public init(store: any BrokerStore, configuration: BrokerServerConfiguration) {
        self.store = store
        self.configuration = configuration
    }

    /// Serves until `stop` returns (then in-flight requests finish; `stop` must return when its task is cancelled),
    /// the task is cancelled, or, with
    /// `handleSignals`, SIGTERM or SIGINT arrive (a graceful stop too). `onListening` gets the bound port once the
    /// server accepts connections. Throws when the port cannot be bound.
    public func run(
        handleSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void,
        until stop: @escaping @Sendable () async -> Void = { await BrokerServer.never() }
    ) async throws {
        let logger = configuration.logger ?? {
            var logger = Logger(label: "pactkit.broker", factory: { StreamLogHandler.standardError(label: $0) })
            logger.logLevel = .warning
            return logger
        }()
        let responder = BrokerResponder(api: BrokerAPI(store: store, now: { Date() }), configuration: configuration)
        let seconds = configuration.idleTimeout.components.seconds
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(max(seconds, 1)))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: nil, reuseAddress: true,
                                                    availableConnectionsDelegate: MaximumAvailableConnections(max(configuration.maxConnections, 1))),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        // A store that is a service (PostgreSQL's connection pool) runs beside the server, listed first so that
        // graceful shutdown stops it after the server has finished its requests.
        let storeServices: [any Service] = (store as? any Service).map { [$0] } ?? []
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: storeServices + [app], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [], logger: logger))
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try await group.run()
                return true
            }
            tasks.addTask {
                await stop()
                await group.triggerGracefulShutdown()
                return false
            }
            // Wait for the server itself; once it ends (signal, error), stop waiting for `stop`.
            while let serverEnded = try await tasks.next() {
                if serverEnded {
                    tasks.cancelAll()
                    return
                }
            }
        }
    }

    /// Waits until the task is cancelled.
    public static func never() async {
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
    }
}

/// Turns Hummingbird requests into `APIRequest`s and `APIReply`s into responses.
struct BrokerResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let api: BrokerAPI
    let configuration: BrokerServerConfiguration

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        // HTTP/1's Host header arrives as the request's authority.
        if headers["host"] == nil, let authority = request.head.authority { headers["host"] = authority }
        let uri = request.uri
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch {
            return Self.response(APIReply(status: 413, body: ["errors": ["body": [.string("is larger than \(configuration.maxBodyBytes) bytes")]]]))
        }
        let segments = uri.path.split(separator: "/", omittingEmptySubsequences: true).map { PercentDecodingBridge.decode($0) }
        let apiRequest = APIRequest(
            method: request.method.rawValue.uppercased(), segments: segments, query: APIRequest.parseQuery(uri.query),
            headers: headers, body: Array(buffer: body), base: baseURL(headers))
        return Self.response(await api.respond(to: apiRequest))
    }

    /// The configured base URL, else the one the client used (X-Forwarded-* first, then Host).
    private func baseURL(_ headers: [String: String]) -> String {
        if let configured = configuration.baseURL { return configured }
        let scheme = headers["x-forwarded-proto"]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? (headers["x-forwarded-ssl"] == "on" ? "https" : "http")
        var host = headers["x-forwarded-host"]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? headers["host"] ?? "\(configuration.host):\(configuration.port)"
        if let port = headers["x-forwarded-port"], !host.contains(":"), !(scheme == "https" && port == "443"), !(scheme == "http" && port == "80") {
            host += ":\(port)"
        }
        var base = "\(scheme)://\(host)"
        if let prefix = headers["x-forwarded-prefix"], !prefix.isEmpty {
            base += prefix.hasPrefix("/") ? prefix : "/" + prefix
            if base.hasSuffix("/") { base.removeLast() }
        }
        return base
    }

    static func response(_ reply: APIReply) -> Response {
        var fields = HTTPFields()
        var bytes = ByteBuffer()
        if let body = reply.body {
            fields[.contentType] = reply.contentType
            bytes = ByteBuffer(string: JSONWriterBridge.compact(body))
        }
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        fields[.contentLength] = String(bytes.readableBytes)
        return Response(status: HTTPResponse.Status(code: reply.status), headers: fields, body: ResponseBody(byteBuffer: bytes))
    }
}
