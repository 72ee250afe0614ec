import NIOCore

/// The whole pipeline of a connection over the limit: answers 503 as soon as it is active and closes, so the client
/// learns at once why instead of waiting in a queue.
final class RefusedConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let answer: String

    init(limit: Int) {
        answer = CannedResponse.tooManyConnections(limit: limit)
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: answer)), promise: nil)
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
