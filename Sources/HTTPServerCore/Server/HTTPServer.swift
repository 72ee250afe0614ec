import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on SwiftNIO: keep-alive, pipelining, half-closed clients, a body size limit, timeouts and a
/// connection limit (`HTTPConnectionLimits`), 400 for malformed requests, 405 for `CONNECT`, and a clean shutdown. It
/// runs on NIO's shared event loop group, so starting one costs a socket bind, not a thread pool.
public final class HTTPServer: Sendable {
    /// The base URL, `http://<host>:<port>` (`https` with TLS) with the port actually bound.
    public let url: URL
    /// The port actually bound (the OS's choice when the configuration asked for 0).
    public let port: Int

    private let serverChannel: any Channel
    private let connections: ConnectionRegistry
    private let gracePeriod: TimeAmount
    private let shutdownState = NIOLockedValueBox<EventLoopPromise<Void>?>(nil)

    private init(serverChannel: any Channel, connections: ConnectionRegistry, url: URL, port: Int, gracePeriod: TimeAmount) {
        self.serverChannel = serverChannel
        self.connections = connections
        self.url = url
        self.port = port
        self.gracePeriod = gracePeriod
    }

    /// Binds and starts serving. Throws `HTTPServerError` when the configuration is invalid or the address cannot be
    /// bound.
    public static func start(
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(), handler: RequestHandler
    ) async throws -> HTTPServer {
        try validate(configuration)
        let limits = configuration.connectionLimits
        let connections = ConnectionRegistry(limit: limits.maxConnections)
        let maxBodyBytes = configuration.maxBodyBytes
        let oversizedBodyResponse = configuration.oversizedBodyResponse
        let log = configuration.log
        let tls = configuration.tls
        // TLS sits next to the socket, so the connection guard's timeouts and canned answers see plain bytes.
        @Sendable func addTLS(_ channel: any Channel) throws {
            guard let tls else { return }
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(PlainHTTPOnTLSPortHandler())
            try tls.addHandlers(pipeline)
        }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: Int32(clamping: configuration.backlog))
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            // A client may send its request and then shut its sending side (SHUT_WR); it still gets the answer,
            // after which the connection closes (HTTPConnectionHandler sees the half-close).
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                switch connections.admit(channel) {
                case .accepted:
                    return channel.eventLoop.makeCompletedFuture {
                        try addTLS(channel)
                        let pipeline = channel.pipeline.syncOperations
                        let connectionGuard = ConnectionGuard(limits: limits)
                        try pipeline.addHandler(connectionGuard)
                        try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                        try pipeline.addHandler(HTTPConnectionHandler(
                            handler: handler, maxBodyBytes: maxBodyBytes, oversizedBodyResponse: oversizedBodyResponse,
                            connectionGuard: connectionGuard))
                    }
                case .refused(let report):
                    if let report { log("HTTP server on \(describe(channel.localAddress)): \(report)") }
                    return channel.eventLoop.makeCompletedFuture {
                        try addTLS(channel)
                        let refusal = RefusedConnectionHandler(limit: limits.maxConnections)
                        try channel.pipeline.syncOperations.addHandler(refusal)
                    }
                case .closing:
                    return channel.close()
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        } catch {
            throw HTTPServerError.bindFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        guard let port = channel.localAddress?.port,
              let url = URL(string: "\(tls == nil ? "http" : "https")://\(urlHost(configuration.host)):\(port)")
        else {
            try? await channel.close()
            throw HTTPServerError.bindFailed(host: configuration.host, port: configuration.port,
                                             reason: "the bound address has no port or makes no valid URL")
        }
        let grace = TimeAmount(configuration.shutdownGracePeriod)
        return HTTPServer(serverChannel: channel, connections: connections, url: url, port: port, gracePeriod: grace)
    }

    /// Stops listening, lets in-flight requests finish (up to the grace period), then closes every connection. Safe
    /// to call more than once and from several tasks; all return once the server is down.
    public func shutdown() async throws {
        let eventLoop = serverChannel.eventLoop
        let (promise, isFirst): (EventLoopPromise<Void>, Bool) = shutdownState.withLockedValue { state in
            if let existing = state { return (existing, false) }
            let promise = eventLoop.makePromise(of: Void.self)
            state = promise
            return (promise, true)
        }
        if isFirst {
            await closeEverything()
            promise.succeed(())
        }
        try await promise.futureResult.get()
    }

    private func closeEverything() async {
        try? await serverChannel.close()
        let open = connections.beginClosing()
        var deadlines: [Scheduled<Void>] = []
        for channel in open {
            // HTTPServerPipelineHandler closes idle connections at once and busy ones after their current response.
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
            deadlines.append(channel.eventLoop.scheduleTask(in: gracePeriod) { channel.close(promise: nil) })
        }
        for channel in open {
            try? await channel.closeFuture.get()
        }
        for deadline in deadlines { deadline.cancel() }
    }

    deinit {
        // A server dropped without shutdown() must not keep its port.
        serverChannel.close(promise: nil)
    }

    private static func validate(_ configuration: HTTPServerConfiguration) throws {
        if !(0...65535).contains(configuration.port) {
            throw HTTPServerError.invalidConfiguration(field: "port", reason: "must be in 0...65535, got \(configuration.port)")
        }
        if configuration.maxBodyBytes < 0 {
            throw HTTPServerError.invalidConfiguration(field: "maxBodyBytes", reason: "must not be negative")
        }
        if configuration.backlog < 1 {
            throw HTTPServerError.invalidConfiguration(field: "backlog", reason: "must be at least 1")
        }
        if configuration.shutdownGracePeriod < .zero {
            throw HTTPServerError.invalidConfiguration(field: "shutdownGracePeriod", reason: "must not be negative")
        }
        let limits = configuration.connectionLimits
        for (field, timeout) in [("idleTimeout", limits.idleTimeout), ("headerTimeout", limits.headerTimeout),
                                 ("bodyTimeout", limits.bodyTimeout)] where timeout <= .zero {
            throw HTTPServerError.invalidConfiguration(field: "connectionLimits.\(field)", reason: "must be positive")
        }
        if limits.maxConnections < 1 {
            throw HTTPServerError.invalidConfiguration(field: "connectionLimits.maxConnections",
                                                       reason: "must be at least 1")
        }
    }

    /// IPv6 literals go in brackets in URLs.
    private static func urlHost(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    private static func describe(_ address: SocketAddress?) -> String {
        guard let address else { return "an unknown address" }
        guard let ip = address.ipAddress, let port = address.port else { return "\(address)" }
        return "\(urlHost(ip)):\(port)"
    }
}
