import Foundation
import PostgresNIO  // re-exports NIO
import Synchronization

/// A TCP proxy on a loopback port in front of another address, which a test can silence: while silent it keeps every
/// connection open but forwards nothing, as a server or network that has hung does (no FIN, no RST, no answer).
final class SilenceableProxy: Sendable {
    /// The loopback port clients connect to.
    let port: Int
    private let server: any Channel
    private let silent: Flag

    private init(port: Int, server: any Channel, silent: Flag) {
        self.port = port
        self.server = server
        self.silent = silent
    }

    /// Starts forwarding `127.0.0.1:port` to `host:targetPort`.
    static func start(to host: String, port targetPort: Int) async throws -> SilenceableProxy {
        let silent = Flag()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { inbound in
                // What the client sends before the server side is connected waits in `toServer`.
                let toServer = Relay(silent: silent)
                do {
                    try inbound.pipeline.syncOperations.addHandler(toServer)
                } catch {
                    return inbound.eventLoop.makeFailedFuture(error)
                }
                let bound = NIOLoopBound(toServer, eventLoop: inbound.eventLoop)
                ClientBootstrap(group: inbound.eventLoop)
                    .channelInitializer { outbound in
                        outbound.eventLoop.makeCompletedFuture {
                            try outbound.pipeline.syncOperations.addHandler(Relay(silent: silent))
                        }
                    }
                    .connect(host: host, port: targetPort)
                    .whenComplete { result in
                        switch result {
                        case .success(let outbound):
                            if let toClient = try? outbound.pipeline.syncOperations.handler(type: Relay.self) {
                                bound.value.link(toClient)
                            }
                        case .failure:
                            inbound.close(promise: nil)
                        }
                    }
                return inbound.eventLoop.makeSucceededVoidFuture()
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = server.localAddress?.port else { throw TestFailure("the proxy has no port") }
        return SilenceableProxy(port: port, server: server, silent: silent)
    }

    /// Stops (or resumes) forwarding; connections stay open either way.
    func setSilent(_ value: Bool) { silent.value.store(value, ordering: .sequentiallyConsistent) }

    /// Stops listening (open connections end with their peers).
    func stop() async { try? await server.close() }

    final class Flag: Sendable {
        let value = Atomic(false)
    }

    /// Forwards what one side reads to the other side's channel, unless silenced; holds it until the other side is
    /// linked.
    private final class Relay: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let silent: Flag
        var partner: Relay?
        var context: ChannelHandlerContext?
        var pending: [NIOAny] = []

        init(silent: Flag) { self.silent = silent }

        func link(_ other: Relay) {
            partner = other
            other.partner = self
            flushPending()
        }

        func handlerAdded(context: ChannelHandlerContext) { self.context = context }

        func handlerRemoved(context: ChannelHandlerContext) {
            self.context = nil
            partner = nil
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !silent.value.load(ordering: .sequentiallyConsistent) else { return }
            pending.append(data)
            flushPending()
        }

        func channelInactive(context: ChannelHandlerContext) {
            partner?.context?.close(promise: nil)
            context.fireChannelInactive()
        }

        private func flushPending() {
            guard let target = partner?.context, !pending.isEmpty else { return }
            for data in pending { target.write(data, promise: nil) }
            target.flush()
            pending = []
        }
    }
}
