import Foundation
import HTTPSyntax

/// A complete HTTP response. The server adds `Content-Length` (and `Connection` when needed); any framing headers
/// set here (`Content-Length`, `Transfer-Encoding`) are replaced.
public struct ServerResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header fields in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body bytes; the server sets `Content-Length` from them.
    public var body: Data

    /// A response; 200 with no headers and an empty body by default.
    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response from already-encoded bytes, with `Content-Type: application/json; charset=utf-8`.
    public static func json(
        _ body: Data, status: Int = 200, headers: [(name: String, value: String)] = []
    ) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: body)
    }

    /// A plain-text response with `Content-Type: text/plain; charset=utf-8`.
    public static func text(
        _ text: String, status: Int = 200, headers: [(name: String, value: String)] = []
    ) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Data(text.utf8))
    }

    /// The first value of header `name`, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }
}
