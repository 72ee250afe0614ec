import Foundation

/// A response the engine decided on, independent of any server: status, header fields in sending order, bytes.
public struct MockResponse: Sendable {
    /// The HTTP status code to answer with.
    public var status: Int
    /// Header fields in the order they are sent; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The body bytes, sent as they are.
    public var body: Data

    /// Builds a response; no headers and an empty body by default.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
