import Foundation
import HTTPSyntax

/// A complete HTTP request as the server received it: head and whole body.
public struct ServerRequest: Sendable {
    /// The method as sent (`GET`, `POST`, …).
    public var method: String
    /// The raw request target, e.g. `/items/a%20b?q=1`.
    public var target: String
    /// The target's path, percent-decoded (`+` stays a plus sign).
    public var path: String
    /// The text after the first `?`, undecoded; nil when the target has no `?`.
    public var rawQuery: String?
    /// Header fields in received order; names keep the client's spelling.
    public var headers: [(name: String, value: String)]
    /// The whole body as bytes; empty when there is none (see `hasBody`).
    public var body: Data
    /// Whether the request carried a body (a length or chunked framing), even an empty one.
    public var hasBody: Bool

    /// A request for `target`, with `path` and `rawQuery` split out of it; `hasBody` defaults to whether `body` is
    /// non-empty.
    public init(
        method: String, target: String, headers: [(name: String, value: String)] = [], body: Data = Data(),
        hasBody: Bool? = nil
    ) {
        self.method = method
        self.target = target
        let parts = RequestTarget.split(target)
        self.path = parts.path
        self.rawQuery = parts.rawQuery
        self.headers = headers
        self.body = body
        self.hasBody = hasBody ?? !body.isEmpty
    }

    /// The first value of header `name`, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Every value of header `name`, matched case-insensitively, in received order.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }
}
