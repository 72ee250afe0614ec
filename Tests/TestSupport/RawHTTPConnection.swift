import Foundation
import PactModel
#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let noSignal = Int32(MSG_NOSIGNAL)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
private let noSignal: Int32 = 0
#endif
private func closeSocket(_ fd: Int32) -> Int32 { close(fd) }
private func shutdownSocket(_ fd: Int32, _ how: Int32) -> Int32 { shutdown(fd, how) }
private func sendBytes(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    send(fd, bytes, count, flags)
}

/// A blocking TCP client that writes raw bytes and reads HTTP/1.1 responses, so tests control the exact bytes on the
/// wire (garbage, pipelining, HTTP/1.0). Reads time out after 5 s so a broken server fails the test instead of
/// hanging it. Unchecked Sendable: each test uses a connection from one thread at a time.
public final class RawHTTPConnection: @unchecked Sendable {
    /// A socket call that failed, or a response that could not be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A response as read off the wire.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: Data
        public var text: String { String(decoding: body, as: UTF8.self) }
        public var json: JSONValue? { try? JSONParser.parse(body) }
        public func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads give up after `timeoutSeconds`.
    public init(port: Int, timeoutSeconds: Int = 5) throws {
        fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            _ = closeSocket(fd)
            throw Failure(description: "connect() failed: errno \(code)")
        }
    }

    deinit { close() }

    private var closed = false
    public func close() {
        guard !closed else { return }
        closed = true
        _ = closeSocket(fd)
    }

    public func send(_ text: String) throws { try send(Data(text.utf8)) }

    /// Shuts the sending side (SHUT_WR): the server sees end of input, the connection stays open for its answer.
    public func shutdownWrite() throws {
        #if canImport(Glibc)
        let how = Int32(SHUT_WR)
        #else
        let how = SHUT_WR
        #endif
        guard shutdownSocket(fd, how) == 0 else { throw Failure(description: "shutdown() failed: errno \(errno)") }
    }

    /// Aborts the connection with a reset (SO_LINGER 0), as a client that gives up does; a plain close looks to the
    /// server like a half-close, after which it still answers.
    public func reset() {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        close()
    }

    /// Whether the server has closed its side: the next read finds the end of the stream.
    public func isClosedByPeer() -> Bool {
        guard buffer.isEmpty else { return false }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }

    /// Whether bytes (or the end of the stream) can be read within `milliseconds`, without consuming them.
    public func isReadable(withinMilliseconds milliseconds: Int32) throws -> Bool {
        if !buffer.isEmpty { return true }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready >= 0 else { throw Failure(description: "poll() failed: errno \(errno)") }
        return ready > 0
    }

    public func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let sent = sendBytes(fd, base + offset, raw.count - offset, noSignal)
                guard sent > 0 else { throw Failure(description: "send() failed: errno \(errno)") }
                offset += sent
            }
        }
    }

    /// `GET target` on this connection, keeping it open, and its response.
    public func get(_ target: String) throws -> Response {
        try send("GET \(target) HTTP/1.1\r\nHost: localhost\r\n\r\n")
        return try readResponse()
    }

    /// Reads one response framed by Content-Length (the server always sends one).
    public func readResponse() throws -> Response {
        var response = try readResponseHead()
        let length = response.header("Content-Length").flatMap { Int($0) } ?? 0
        while buffer.count < length { guard try fill() else { throw Failure(description: "closed inside a body") } }
        response.body = Data(buffer[..<length])
        buffer.removeFirst(length)
        return response
    }

    /// Reads a status line and headers only (interim responses, HEAD responses).
    public func readResponseHead() throws -> Response {
        let headEnd = try readUntil([13, 10, 13, 10])
        let headText = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "bad status line in \(headText)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Response(status: status, headers: headers, body: Data())
    }

    /// Reads until the server closes; returns everything not yet consumed.
    public func readToEnd() throws -> Data {
        while try fill() {}
        defer { buffer.removeAll() }
        return Data(buffer)
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        while true {
            if buffer.count >= marker.count {
                for index in 0...(buffer.count - marker.count) where Array(buffer[index..<index + marker.count]) == marker {
                    return index
                }
            }
            guard try fill() else { throw Failure(description: "connection closed before a full response head") }
        }
    }

    /// Reads more bytes; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = recv(fd, &chunk, chunk.count, 0)
        if count == 0 { return false }
        if count < 0 {
            if errno == ECONNRESET { return false }
            throw Failure(description: "recv() failed: errno \(errno)")
        }
        buffer += chunk[..<count]
        return true
    }
}
