import Foundation
#if canImport(Glibc)
import Glibc
private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin
private let streamSocket = SOCK_STREAM
#endif

/// A TCP server that reads each request and closes the connection without answering: a provider that crashes
/// mid-request. Plain sockets, because a well-behaved HTTP server cannot be made to do this.
final class ClosingServer: @unchecked Sendable {
    struct Failure: Error { var reason: String }

    let port: Int
    private let fd: Int32
    private let thread: Thread

    init() throws {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure(reason: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            _ = close(fd)
            throw Failure(reason: "bind/listen failed")
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                _ = recv(client, &buffer, buffer.count, 0)
                _ = close(client)
            }
        }
        thread.start()
    }

    func stop() {
        _ = shutdown(fd, Int32(SHUT_RDWR))
        _ = close(fd)
    }

    /// A port with nothing listening on it: bound by the OS, then released.
    static func unusedPort() throws -> Int {
        let server = try ClosingServer()
        server.stop()
        return server.port
    }
}
