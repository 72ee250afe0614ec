import NIOCore

/// The first handler of a TLS connection: looks at the first byte the client sends. A TLS handshake starts with a
/// record of type 22; a plain-HTTP request starts with its method's letters. Plain HTTP is answered with a plain-text
/// 400 that names the https URL, then closed (the client would otherwise see the connection drop without a reason);
/// anything else goes on to the TLS handler, and this handler leaves the pipeline.
final class PlainHTTPOnTLSPortHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private var decided = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !decided else { return context.fireChannelRead(data) }
        let buffer = unwrapInboundIn(data)
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return }
        decided = true
        if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) {
            let port = context.channel.localAddress?.port.map { ":\($0)" } ?? ""
            let answer = CannedResponse.plainHTTPOnTLSPort(port: port)
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: answer)), promise: nil)
            context.close(promise: nil)
            return
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
