import NIOCore

/// Complete plain-text answers written as raw bytes by `ConnectionGuard`, for the moments the HTTP encoder cannot
/// frame them: before any request head was parsed (a timeout, a refused connection) or for `CONNECT`, whose answers
/// NIO's encoder always sends without a length or body. Each says `Connection: close`; the connection closes after.
enum CannedResponse {
    /// 408 for a request head or body that did not arrive in time.
    static func requestTimeout(_ what: String, within limit: Duration) -> String {
        render(status: "408 Request Timeout", text: "request \(what) not received within \(limit)\n")
    }

    /// 503 for a connection over the limit.
    static func tooManyConnections(limit: Int) -> String {
        render(status: "503 Service Unavailable",
               text: "too many connections: the limit is \(limit), try again later\n", headers: "Retry-After: 1\r\n")
    }

    /// 405 for `CONNECT`: an origin server, not a proxy, so no tunnels. Every other method may be served (the mock
    /// serves whatever methods its pacts name), which is what `Allow` lists.
    static let connectNotSupported = render(
        status: "405 Method Not Allowed", text: "CONNECT is not supported: this server is not a proxy\n",
        headers: "Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE\r\n")

    /// 400 for a plain-HTTP request sent to a port that serves https.
    static func plainHTTPOnTLSPort(port: String) -> String {
        render(status: "400 Bad Request",
               text: "this server speaks https: a plain-HTTP request was sent to its TLS port; use https://<host>\(port)/\n")
    }

    private static func render(status: String, text: String, headers: String = "") -> String {
        "HTTP/1.1 \(status)\r\n\(headers)Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(text.utf8.count)\r\nConnection: close\r\n\r\n\(text)"
    }
}
