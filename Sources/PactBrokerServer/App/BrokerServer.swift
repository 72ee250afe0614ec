import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdCore
import HTTPTypes
import Logging
import NIOCore
import OutboundHTTP
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
    /// Who may read and write; none by default.
    public var auth: BrokerAuthConfiguration
    /// Which webhook requests may be saved and sent (pact_broker's `webhook_http_method_whitelist`,
    /// `webhook_scheme_whitelist`, `webhook_host_whitelist`); POST to https hosts by default.
    public var webhookPolicy: WebhookSecurityPolicy
    /// Retries, timeouts and scheduling of webhook executions; an empty `baseURL` takes `baseURL`.
    public var webhookSettings: WebhookExecutionSettings
    /// Test mode only: serve `POST /_pact_state` (provider states for verifying the Pact Broker clients' pacts, see
    /// `BrokerProviderStates`) and map their placeholder paths to the real resources.
    public var enableProviderStates = false

    /// The default body cap, 20 MiB.
    public static let defaultMaxBodyBytes = 20 * 1024 * 1024

    /// Defaults: 127.0.0.1, a free port, links from the request, 20 MiB bodies (a 5 MB pact publishes, base64 in a
    /// contract publication; a 50 MB one is refused), 60 s idle timeout, 1024 connections,
    /// no authentication.
    public init(host: String = "127.0.0.1", port: Int = 0, baseURL: String? = nil, maxBodyBytes: Int = BrokerServerConfiguration.defaultMaxBodyBytes,
                idleTimeout: Duration = .seconds(60), maxConnections: Int = 1024, logger: Logger? = nil,
                auth: BrokerAuthConfiguration = .none,
                webhookPolicy: WebhookSecurityPolicy = WebhookSecurityPolicy(),
                webhookSettings: WebhookExecutionSettings = WebhookExecutionSettings()) {
        self.host = host
        self.port = port
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.logger = logger
        self.auth = auth
        self.webhookPolicy = webhookPolicy
        self.webhookSettings = webhookSettings
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

    /// The server as swift-service-lifecycle `Service`s, for a process that runs them in its own `ServiceGroup`
    /// (`pactkit broker` on `ServerLifecycle`), in start order: the store when it is a service (PostgreSQL's pool),
    /// the closer of the webhooks' HTTP client, the webhook dispatcher and the HTTP server, so a graceful shutdown
    /// stops the server first (in-flight requests finish), then the dispatcher, the client and the store. The server binds when run and calls `onListening` with the bound port.
    /// Throws if a page template does not parse or the HTTP client cannot be made.
    public func services(onListening: @escaping @Sendable (Int) async -> Void) throws -> [any Service] {
        let logger = self.logger
        let client = try OutboundHTTPClient()
        var webhookSettings = configuration.webhookSettings
        if webhookSettings.baseURL.isEmpty { webhookSettings.baseURL = configuration.baseURL ?? "" }
        let webhooks = BrokerWebhookStore(store: store)
        let dispatcher = WebhookDispatcher(
            store: webhooks, client: client, policy: configuration.webhookPolicy, settings: webhookSettings)
        var api = BrokerAPI(store: store, now: { Date() })
        api.webhookDispatcher = dispatcher
        let testMode = configuration.enableProviderStates
            ? ProviderStateMode(states: BrokerProviderStates(store: store, webhooks: webhooks)) : nil
        let pages = BrokerPageRoutes(store: store, pages: try BrokerPages())
        let responder = BrokerResponder(api: api, pages: pages, configuration: configuration, testMode: testMode)
        let seconds = configuration.idleTimeout.components.seconds
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(idleTimeout: .seconds(max(seconds, 1)))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: nil, reuseAddress: true,
                                                    availableConnectionsDelegate: MaximumAvailableConnections(max(configuration.maxConnections, 1))),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
        // A store that is a service (PostgreSQL's connection pool) runs too, listed first so that graceful shutdown
        // stops it after the server has finished its requests.
        let storeServices: [any Service] = (store as? any Service).map { [$0] } ?? []
        return storeServices + [OutboundClientCloser(client: client), dispatcher, app]
    }

    /// Serves until `stop` returns (then in-flight requests finish; `stop` must return when its task is cancelled),
    /// the task is cancelled, or, with
    /// `handleSignals`, SIGTERM or SIGINT arrive (a graceful stop too). `onListening` gets the bound port once the
    /// server accepts connections. Throws when the port cannot be bound.
    public func run(
        handleSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void,
        until stop: @escaping @Sendable () async -> Void = { await BrokerServer.never() }
    ) async throws {
        let logger = self.logger
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: try services(onListening: onListening), gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [], logger: logger))
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

    /// The configured logger, else warnings and errors to standard error.
    private var logger: Logger {
        configuration.logger ?? {
            var logger = Logger(label: "pactkit.broker", factory: { StreamLogHandler.standardError(label: $0) })
            logger.logLevel = .warning
            return logger
        }()
    }

    /// Waits until the task is cancelled.
    public static func never() async {
        while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
    }
}

/// Turns Hummingbird requests into `APIRequest`s and `APIReply`s into responses.
struct BrokerResponder: HTTPResponder {
    typealias Context = BasicAuthRequestContext<BrokerRole>
    let api: BrokerAPI
    let pages: BrokerPageRoutes
    let configuration: BrokerServerConfiguration
    /// Provider states and placeholder paths, with `enableProviderStates` only.
    var testMode: ProviderStateMode? = nil

    /// With authentication configured, hummingbird-auth's authenticator attaches the caller's role and the access
    /// middleware refuses what that role may not do, before the request reaches a page or the API.
    func respond(to request: Request, context: Context) async throws -> Response {
        guard configuration.auth.isEnabled else { return try await serve(request) }
        let authenticator = BrokerAuthenticator<Context>(configuration: configuration.auth)
        let access = BrokerAccessMiddleware<Context>(configuration: configuration.auth) { request in
            let reply = APIReply(status: 403, body: ["error": .string("The read-only user may not \(request.method.rawValue) here: it may only read")])
            return Self.response(errorReply(reply, headers: Self.headers(request)))
        }
        return try await authenticator.handle(request, context: context) { request, context in
            try await access.handle(request, context: context) { request, _ in try await serve(request) }
        }
    }

    private static func headers(_ request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        // HTTP/1's Host header arrives as the request's authority.
        if headers["host"] == nil, let authority = request.head.authority { headers["host"] = authority }
        return headers
    }

    /// An error reply as the request asks: problem+json when its Accept header names it.
    private func errorReply(_ reply: APIReply, headers: [String: String]) -> APIReply {
        ProblemJSON.wanted(accept: headers["accept"]) ? ProblemJSON.convert(reply, base: baseURL(headers)) : reply
    }

    private func serve(_ request: Request) async throws -> Response {
        let headers = Self.headers(request)
        let uri = request.uri
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch {
            return Self.response(errorReply(APIReply(status: 413, body: ["errors": ["body": [.string("is larger than \(configuration.maxBodyBytes) bytes")]]]), headers: headers))
        }
        let path = testMode == nil ? uri.path : PlaceholderPaths.realPath(uri.path)
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { PercentDecodingBridge.decode($0) }
        let query = APIRequest.parseQuery(uri.query)
        if request.method == .get, BrokerPageNegotiation.wantsPage(accept: headers["accept"], contentType: headers["content-type"]) {
            do {
                if let page = try await pages.page(segments: segments, rawQuery: uri.query, base: baseURL(headers)) {
                    return Self.page(page.status, page.html)
                }
            } catch {
                let html = pages.pages.message(heading: "Server error", "The page cannot be shown: \(error)")
                return Self.page(500, html)
            }
        }
        let apiRequest = APIRequest(
            method: request.method.rawValue.uppercased(), segments: segments,
            query: testMode == nil ? query : PactQueryOrders.original(query),
            headers: headers, body: Array(buffer: body), base: baseURL(headers))
        if let testMode, let reply = await testMode.respond(to: apiRequest) { return Self.response(reply) }
        return Self.response(errorReply(await api.respond(to: apiRequest), headers: headers))
    }

    /// An HTML page with `BrokerPages.responseHeaders`.
    static func page(_ status: Int, _ html: String) -> Response {
        var fields = HTTPFields()
        for (name, value) in BrokerPages.responseHeaders {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let bytes = ByteBuffer(string: html)
        fields[.contentLength] = String(bytes.readableBytes)
        return Response(status: HTTPResponse.Status(code: status), headers: fields, body: ResponseBody(byteBuffer: bytes))
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
        } else if let text = reply.text {
            fields[.contentType] = reply.contentType
            bytes = ByteBuffer(string: text)
        }
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        fields[.contentLength] = String(bytes.readableBytes)
        return Response(status: HTTPResponse.Status(code: reply.status), headers: fields, body: ResponseBody(byteBuffer: bytes))
    }
}

/// Shuts the webhooks' HTTP client down when the service group stops (it is listed first, so it stops last).
struct OutboundClientCloser: Service {
    let client: OutboundHTTPClient

    func run() async throws {
        try? await gracefulShutdown()
        await client.shutdown()
    }
}
