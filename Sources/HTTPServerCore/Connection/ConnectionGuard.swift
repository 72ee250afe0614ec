import NIOCore

/// The first handler of a connection's pipeline, next to the socket: enforces the idle, header and body timeouts of
/// `HTTPConnectionLimits`, and writes the raw answers the HTTP encoder cannot frame (`CannedResponse`).
///
/// It sees raw bytes, so it knows when a request's first byte arrives; `HTTPConnectionHandler` tells it when a head
/// was parsed, when a request is complete and when its response is written. Each phase has a deadline counted from its
/// start, so trickling bytes never extend it. One timer serves all phases: it is scheduled at most the shortest
/// timeout ahead and re-armed when it fires early, so moving from phase to phase (several times per request) costs a
/// clock read, not a timer.
final class ConnectionGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum Phase {
        /// Between requests, nothing of the next one received: the idle timeout runs.
        case awaitingRequest
        /// A request head is arriving (`hasBytes` false: a new connection that has sent nothing yet).
        case readingHead(hasBytes: Bool)
        /// The head was parsed and the body is arriving.
        case readingBody
        /// An oversized body was answered with 413 and is being drained under the body deadline.
        case drainingRejectedBody
        /// The request is complete and being answered: no deadline, however long the handler takes.
        case responding
        /// A canned answer was written and the connection closed.
        case closed
    }

    private let idleTimeout: TimeAmount
    private let headerTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    private let shortestTimeout: TimeAmount
    private let limits: HTTPConnectionLimits

    private var phase = Phase.readingHead(hasBytes: false)
    private var deadline: NIODeadline?
    private var timer: Scheduled<Void>?
    private var bytesWhileResponding = false
    private var context: ChannelHandlerContext?

    init(limits: HTTPConnectionLimits) {
        self.limits = limits
        idleTimeout = TimeAmount(limits.idleTimeout)
        headerTimeout = TimeAmount(limits.headerTimeout)
        bodyTimeout = TimeAmount(limits.bodyTimeout)
        shortestTimeout = min(idleTimeout, headerTimeout, bodyTimeout)
    }

    // MARK: Pipeline events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { startFirstRequest() }
    }

    func channelActive(context: ChannelHandlerContext) {
        startFirstRequest()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch phase {
        case .awaitingRequest:
            enter(.readingHead(hasBytes: true), timeout: headerTimeout)
        case .readingHead(hasBytes: false):
            phase = .readingHead(hasBytes: true)
        case .responding:
            bytesWhileResponding = true
        case .readingHead, .readingBody, .drainingRejectedBody, .closed:
            break
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
        self.context = nil
    }

    // MARK: Called by HTTPConnectionHandler

    /// A request head was parsed: its body must arrive within the body timeout.
    func headReceived() {
        enter(.readingBody, timeout: bodyTimeout)
    }

    /// An oversized body was answered; draining it keeps the body deadline, and expiry closes without another answer.
    func bodyRejected() {
        phase = .drainingRejectedBody
    }

    /// The request is complete: no deadline while the handler works.
    func requestReceived() {
        phase = .responding
        deadline = nil
        bytesWhileResponding = false
    }

    /// The response is being written. Call before writing its end: NIO then delivers a pipelined request at once.
    func responseWritten() {
        if bytesWhileResponding {
            // Part of the next request arrived meanwhile: its head is already on the clock.
            enter(.readingHead(hasBytes: true), timeout: headerTimeout)
        } else {
            enter(.awaitingRequest, timeout: idleTimeout)
        }
    }

    /// Closes once everything written so far has reached the socket (a plain close would drop unsent bytes).
    func closeAfterPendingWrites() {
        guard let context else { return }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(capacity: 0))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    /// Writes `response` (a complete HTTP/1.1 response) as is and closes. The close does not wait for the write: the
    /// answer is small enough to go out in the flush, and a client that does not read must not keep the connection.
    func answerAndClose(_ response: String) {
        guard let context else { return }
        stop()
        phase = .closed
        let buffer = context.channel.allocator.buffer(string: response)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        context.close(promise: nil)
    }

    // MARK: Deadlines

    private func startFirstRequest() {
        guard case .readingHead(hasBytes: false) = phase, deadline == nil else { return }
        enter(.readingHead(hasBytes: false), timeout: headerTimeout)
    }

    private func enter(_ phase: Phase, timeout: TimeAmount) {
        self.phase = phase
        let now = NIODeadline.now()
        deadline = now + timeout
        // A pending timer fires within the shortest timeout of when it was scheduled, so never after this deadline.
        if timer == nil { arm(at: now + shortestTimeout) }
    }

    private func arm(at time: NIODeadline) {
        guard let context else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: time) { [self] in
            timer = nil
            check()
        }
    }

    private func check() {
        guard let deadline else { return }
        let now = NIODeadline.now()
        if now < deadline {
            arm(at: min(deadline, now + shortestTimeout))
            return
        }
        switch phase {
        case .readingHead(hasBytes: true):
            answerAndClose(CannedResponse.requestTimeout("head", within: limits.headerTimeout))
        case .readingBody:
            answerAndClose(CannedResponse.requestTimeout("body", within: limits.bodyTimeout))
        case .awaitingRequest, .readingHead(hasBytes: false), .drainingRejectedBody:
            stop()
            phase = .closed
            context?.close(promise: nil)
        case .responding, .closed:
            break
        }
    }

    private func stop() {
        timer?.cancel()
        timer = nil
        deadline = nil
    }
}

extension TimeAmount {
    /// The same span in NIO's nanoseconds, saturating at `Int64.max`.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let nanoseconds = scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
        self = .nanoseconds(overflow ? Int64.max : nanoseconds)
    }
}
