import Foundation

/// One header line as it goes on, or came off, the wire; repeated headers are separate fields, in order.
public struct HTTPField: Sendable, Hashable {
    /// The header name as written.
    public var name: String
    /// The header value as written.
    public var value: String

    /// A header line `name: value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A request PactKit sends to a provider, a broker or a pact URL.
public struct OutboundRequest: Sendable {
    /// The method, sent as given once checked to be an HTTP token.
    public var method: String
    /// The absolute `http` or `https` URL, path and query already percent-encoded.
    public var url: URL
    /// Header lines in order; repeated names are sent as separate lines.
    public var headers: [HTTPField]
    /// The body; `nil` sends none. A `GET` with a body sends it, as a pact may say.
    public var body: [UInt8]?

    /// A request; no headers and no body by default.
    public init(method: String, url: URL, headers: [HTTPField] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// `METHOD url` for messages; a method that is not an HTTP token is quoted with its control characters shown, so
    /// a forged method cannot break a log or report line.
    public var target: String { "\(Self.printable(method: method)) \(url.absoluteString)" }

    /// The method as is when it is an HTTP token; quoted with its control characters shown otherwise.
    public static func printable(method: String) -> String { RequestValidation.quotedIfUnsafe(method) }
}

/// A complete response: status, header lines in arrival order, and the body read in full.
public struct OutboundResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header lines in arrival order; a header sent twice appears twice.
    public var headers: [HTTPField]
    /// The body bytes.
    public var body: [UInt8]

    /// A response.
    public init(status: Int, headers: [HTTPField], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The values of header `name` in arrival order, matched case-insensitively.
    public func values(forHeader name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}
