import NIOCore

/// TLS for an `HTTPServer`, supplied by a layer that has a TLS library (the mock's, through swift-nio-ssl): this
/// module stays on SwiftNIO alone. The server's URL then says `https`, each connection gets the handlers `addHandlers`
/// adds nearest the socket, and a plain-HTTP request on the port is answered with 400 in plain text, naming the
/// `https` URL, and closed instead of failing the handshake without a word.
public struct HTTPServerTLS: Sendable {
    /// Adds the TLS handler(s) to a new connection's pipeline, on its event loop, before any HTTP handler.
    public var addHandlers: @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void

    /// TLS through the handlers `addHandlers` adds (e.g. `NIOSSLServerHandler`).
    public init(addHandlers: @escaping @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void) {
        self.addHandlers = addHandlers
    }
}
