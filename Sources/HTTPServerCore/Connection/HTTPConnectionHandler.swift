import Foundation
import HTTPSyntax
import NIOCore
import NIOHTTP1

/// The last handler of a connection's pipeline: gathers a request's head and body, runs the request handler and
/// writes its response. NIO's `HTTPServerPipelineHandler` (in front) delivers one request at a time even when the
/// client pipelines, and closes the connection after the current response when the server quiesces. The
/// `ConnectionGuard` (at the front) is told where each request stands, for its deadlines.
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
        /// A `CONNECT` was refused and the connection is closing: nothing more is read.
        case refused
    }

    /// The most an oversized body is drained before the connection is closed anyway.
    private static let maxDiscardedBytes = 64 * 1024 * 1024

    private let handler: RequestHandler
    private let maxBodyBytes: Int
    private var phase: Phase = .idle
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var isActive = true
    /// The client shut its sending side: the current request is answered, then the connection closes.
    private var inputClosed = false
    /// The current request asked for a protocol upgrade, which NIO's decoder follows by parsing nothing more: the
    /// connection closes after the answer (which ignores the upgrade, as RFC 9110 §7.8 allows).
    private var closeAfterResponse = false
    private var asyncTask: Task<Void, Never>?
    /// The connection's event loop as the executor of `.asyncOnEventLoop` tasks, made for the first one.
    private var eventLoopExecutor: EventLoopTaskExecutor?

    private let oversizedBodyResponse: @Sendable (Int) -> ServerResponse
    private let connectionGuard: ConnectionGuard

    init(
        handler: RequestHandler, maxBodyBytes: Int, oversizedBodyResponse: @escaping @Sendable (Int) -> ServerResponse,
        connectionGuard: ConnectionGuard
    ) {
        self.oversizedBodyResponse = oversizedBodyResponse
        self.handler = handler
        self.maxBodyBytes = maxBodyBytes
        self.connectionGuard = connectionGuard
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
            case .idle, .responding, .refused:
                break
            }
        case .end:
            switch phase {
            case .receiving:
                connectionGuard.requestReceived()
                finishRequest(context: context)
            case .discarding:
                context.close(promise: nil)
            case .idle, .responding, .refused:
                break
            }
        }
    }

    private func receiveHead(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        if head.method == .CONNECT {
            // NIO's decoder treats the bytes after a CONNECT as a tunnel and its encoder frames the answer without a
            // length, so the client would wait for ever: answer completely, as raw bytes, and close.
            phase = .refused
            connectionGuard.answerAndClose(CannedResponse.connectNotSupported)
            return
        }
        connectionGuard.headReceived()
        self.head = head
        self.body = nil
        self.phase = .receiving
        closeAfterResponse = Self.asksForUpgrade(head)
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
        connectionGuard.bodyRejected()
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
            guard isActive else { return }
            let response = respond(request)
            phase = .idle
            write(response, for: head, close: false, context: context)
        case .async(let respond), .asyncOnEventLoop(let respond):
            phase = .responding
            let promise = context.eventLoop.makePromise(of: ServerResponse?.self)
            let executor: EventLoopTaskExecutor? = if case .asyncOnEventLoop = handler {
                eventLoopExecutor ?? EventLoopTaskExecutor(eventLoop: context.eventLoop)
            } else {
                nil
            }
            eventLoopExecutor = executor
            // Cancelled when the connection goes: a request whose client is gone before it starts is never run.
            asyncTask = Task(executorPreference: executor) {
                promise.succeed(Task.isCancelled ? nil : await respond(request))
            }
            promise.futureResult.assumeIsolated().whenSuccess { response in
                self.asyncTask = nil
                guard let response, self.isActive, case .responding = self.phase else { return }
                self.phase = .idle
                self.write(response, for: head, close: false, context: context)
            }
        }
    }

    /// What NIO's parser (llhttp) takes for an upgrade: an `Upgrade` header with `upgrade` among the `Connection`
    /// tokens.
    private static func asksForUpgrade(_ head: HTTPRequestHead) -> Bool {
        head.headers.contains(name: "upgrade")
            && head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "upgrade" }
    }

    /// Writes a whole response with exact framing. `closeAfterWrite` false leaves closing to a later event (used
    /// while an oversized body is still being drained).
    private func write(
        _ response: ServerResponse, for request: HTTPRequestHead, close: Bool, context: ChannelHandlerContext,
        closeAfterWrite: Bool = true
    ) {
        guard isActive else { return }
        var keepAlive = request.isKeepAlive && !close && !inputClosed && !closeAfterResponse
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
        if closeAfterWrite { connectionGuard.responseWritten() }
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

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard case ChannelEvent.inputClosed = event else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        // The client shut its sending side (NIO delivers this after every request received before it).
        inputClosed = true
        switch phase {
        case .idle:
            connectionGuard.closeAfterPendingWrites()
        case .receiving, .discarding:
            // The request can never be completed (the parser has already answered 400 if it was malformed).
            context.close(promise: nil)
        case .responding, .refused:
            // `write` closes after the answer; a refused connection is closing already.
            break
        }
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
