// Shared by OutboundHTTPTests, PactVerifierTests and PactKitCLITests (their Support/TestPeers.swift are symlinks to
// this file): peers HTTPServerCore cannot play, an HTTPS server and servers that do not speak HTTP properly.
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The package's `Fixtures/tls`: a test CA (`ca.pem`) and a server certificate it signed for `localhost` and
/// `127.0.0.1` (`server.pem`, `server.key`).
enum TLSFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tls")
    static var caFile: String { directory.appendingPathComponent("ca.pem").path }
}

/// What a test peer answers: status, header lines in order, body.
struct PeerAnswer: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: String
}

/// A server on 127.0.0.1, port 0, whose pipeline a test decides.
final class TestPeer: Sendable {
    let port: Int
    let url: URL
    private let channel: any Channel

    private init(channel: any Channel, scheme: String) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
        url = URL(string: "\(scheme)://127.0.0.1:\(port)")!
    }

    private static func start(
        scheme: String, _ configure: @escaping @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void
    ) async throws -> TestPeer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try configure(channel.pipeline.syncOperations) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestPeer(channel: channel, scheme: scheme)
    }

    func stop() async {
        try? await channel.close()
    }

    /// An HTTPS server with the fixture certificate, answering every request with `respond(method, uri)`.
    static func https(_ respond: @escaping @Sendable (_ method: String, _ uri: String) -> PeerAnswer) async throws -> TestPeer {
        let chain = try NIOSSLCertificate.fromPEMFile(TLSFixtures.directory.appendingPathComponent("server.pem").path)
        let key = try NIOSSLPrivateKey(file: TLSFixtures.directory.appendingPathComponent("server.key").path, format: .pem)
        let context = try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key)))
        return try await start(scheme: "https") { pipeline in
            try pipeline.addHandler(NIOSSLServerHandler(context: context))
            try pipeline.configureHTTPServerPipeline()
            try pipeline.addHandler(FixedResponder(respond: respond))
        }
    }

    /// A TCP server that waits for a request's first bytes, writes `reply` and closes: a peer that is not an HTTP
    /// server (an SSH banner, HTTP/0.9 text).
    static func rawReply(_ reply: String) async throws -> TestPeer {
        try await start(scheme: "http") { try $0.addHandler(ReplyAndClose(reply: reply)) }
    }

    /// An HTTP server answering every request with `200` and a chunked body that never ends: a chunk of `chunkSize`
    /// bytes every `interval`, until the client goes away.
    static func endlessBody(chunkSize: Int, interval: TimeAmount) async throws -> TestPeer {
        try await start(scheme: "http") { try $0.addHandler(EndlessBody(chunkSize: chunkSize, interval: interval)) }
    }
}

private final class FixedResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let respond: @Sendable (String, String) -> PeerAnswer
    private var head: HTTPRequestHead?

    init(respond: @escaping @Sendable (String, String) -> PeerAnswer) { self.respond = respond }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let answer = respond(head.method.rawValue, head.uri)
            var headers = HTTPHeaders(answer.headers)
            headers.add(name: "Content-Length", value: "\(answer.body.utf8.count)")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: answer.status), headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}

private final class ReplyAndClose: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let reply: String
    private var replied = false

    init(reply: String) { self.reply = reply }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !replied else { return }
        replied = true
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply))).whenComplete { _ in channel.close(promise: nil) }
    }
}

private final class EndlessBody: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let chunkSize: Int
    let interval: TimeAmount
    private var started = false

    init(chunkSize: Int, interval: TimeAmount) {
        self.chunkSize = chunkSize
        self.interval = interval
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !started else { return }
        started = true
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: head)), promise: nil)
        let chunk = String(chunkSize, radix: 16) + "\r\n" + String(repeating: "{", count: chunkSize) + "\r\n"
        let channel = context.channel
        channel.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { task in
            guard channel.isActive else {
                task.cancel()
                return
            }
            channel.writeAndFlush(ByteBuffer(string: chunk), promise: nil)
        }
    }
}
