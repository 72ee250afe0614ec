import Foundation
import NIOCore
import NIOHTTP1

/// The last handler of a connection's pipeline: gathers a request's head and body, runs the request handler and
/// writes its response. NIO's `HTTPServerPipelineHandler` (in front) delivers one request at a time even when the
/// client pipelines, and closes the connection after the current response when the server quiesces.
final class HTTPConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum Phase {
        /// Between requests.
        case idle
        /// Head seen; body parts are gathered until the end.
        case receiving
        /// The body was too large and 413 was sent: parts are dropped until the end, then the connection closes.
        case discarding(remaining: Int)
        /// Waiting for an async handler.
        case responding
    }

    /// The most an oversized body is drained before the connection is closed anyway.
    private static let maxDiscardedBytes = 64 * 1024 * 1024

    private let handler: RequestHandler
    private let maxBodyBytes: Int
    private var phase: Phase = .idle
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var isActive = true
    private var asyncTask: Task<Void, Never>?

    private let oversizedBodyResponse: @Sendable (Int) -> ServerResponse

    init(handler: RequestHandler, maxBodyBytes: Int, oversizedBodyResponse: @escaping @Sendable (Int) -> ServerResponse) {
        self.oversizedBodyResponse = oversizedBodyResponse
        self.handler = handler
        self.maxBodyBytes = maxBodyBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            receiveHead(head, context: context)
        case .body(var part):
            switch phase {
            case .receiving:
                let size = (body?.readableBytes ?? 0) + part.readableBytes
                if size > maxBodyBytes {
                    rejectOversizedBody(context: context)
                } else if body == nil {
                    body = part
                } else {
                    body?.writeBuffer(&part)
                }
            case .discarding(let remaining):
                let left = remaining - part.readableBytes
                if left < 0 { context.close(promise: nil) } else { phase = .discarding(remaining: left) }
            case .idle, .responding:
                break
            }
        case .end:
            switch phase {
            case .receiving:
                finishRequest(context: context)
            case .discarding:
                context.close(promise: nil)
            case .idle, .responding:
                break
            }
        }
    }

    private func receiveHead(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        self.head = head
        self.body = nil
        self.phase = .receiving
        if let declared = head.headers.first(name: "content-length").flatMap({ Int($0) }), declared > maxBodyBytes {
            rejectOversizedBody(context: context, declaredLength: declared)
            return
        }
        if head.headers[canonicalForm: "expect"].contains(where: { $0.lowercased() == "100-continue" }) {
            let interim = HTTPResponseHead(version: head.version, status: .continue)
            context.writeAndFlush(wrapOutboundOut(.head(interim)), promise: nil)
        }
    }

    /// Closing with unread input makes the kernel send a reset, which can destroy the 413 before the client reads
    /// it; so the rest of the body is read and dropped, up to a bound.
    private func rejectOversizedBody(context: ChannelHandlerContext, declaredLength: Int? = nil) {
        guard let head else { return }
        self.body = nil
        self.phase = .discarding(remaining: min(declaredLength ?? maxBodyBytes, Self.maxDiscardedBytes))
        var response = oversizedBodyResponse(maxBodyBytes)
        response.status = 413
        write(response, for: head, close: true, context: context, closeAfterWrite: false)
    }

    private func finishRequest(context: ChannelHandlerContext) {
        guard let head else { return }
        let bodyBuffer = body
        self.head = nil
        self.body = nil
        let request = ServerRequest(head: head, body: bodyBuffer)
        switch handler {
        case .immediate(let respond):
            phase = .idle
            write(respond(request), for: head, close: false, context: context)
        case .async(let respond):
            phase = .responding
            let promise = context.eventLoop.makePromise(of: ServerResponse.self)
            asyncTask = Task { promise.succeed(await respond(request)) }
            promise.futureResult.assumeIsolated().whenSuccess { response in
                self.asyncTask = nil
                guard self.isActive, case .responding = self.phase else { return }
                self.phase = .idle
                self.write(response, for: head, close: false, context: context)
            }
        }
    }

    /// Writes a whole response with exact framing. `closeAfterWrite` false leaves closing to a later event (used
    /// while an oversized body is still being drained).
    private func write(
        _ response: ServerResponse, for request: HTTPRequestHead, close: Bool, context: ChannelHandlerContext,
        closeAfterWrite: Bool = true
    ) {
        guard isActive else { return }
        var keepAlive = request.isKeepAlive && !close
        var headers = HTTPHeaders()
        headers.reserveCapacity(response.headers.count + 2)
        for field in response.headers {
            if field.name.caseInsensitiveEquals("content-length") || field.name.caseInsensitiveEquals("transfer-encoding") {
                continue
            }
            if field.name.caseInsensitiveEquals("connection") {
                if field.value.lowercased() == "close" { keepAlive = false }
                continue
            }
            headers.add(name: field.name, value: field.value)
        }
        // RFC 9110 §8.6: no Content-Length (and no content) on 1xx, 204 and 304 responses.
        let bodyless = response.status < 200 || response.status == 204 || response.status == 304
        if !bodyless { headers.add(name: "Content-Length", value: String(response.body.count)) }
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if request.version.major == 1, request.version.minor == 0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))),
                      promise: nil)
        if !bodyless, !response.body.isEmpty, request.method != .HEAD {
            var buffer = context.channel.allocator.buffer(capacity: response.body.count)
            buffer.writeBytes(response.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        if keepAlive || !closeAfterWrite {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isActive = false
        asyncTask?.cancel()
        asyncTask = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // HTTPServerProtocolErrorHandler has already answered parser errors with 400; every error ends the connection.
        context.close(promise: nil)
    }
}

extension ServerRequest {
    init(head: HTTPRequestHead, body: ByteBuffer?) {
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(head.headers.count)
        for field in head.headers { fields.append((field.name, field.value)) }
        let data = body.map { buffer in buffer.withUnsafeReadableBytes { Data($0) } } ?? Data()
        let framed = head.headers.contains(name: "content-length") || head.headers.contains(name: "transfer-encoding")
        self.init(method: head.method.rawValue, target: head.uri, headers: fields, body: data, hasBody: framed || !data.isEmpty)
    }
}
