import Foundation
import OutboundHTTP

/// A request the verifier is about to send to the provider, as the request filter sees it: the method, the full URL
/// (path and query percent-encoded), header lines in order (a repeated name is sent as separate lines) and the body.
public struct ProviderRequest: Sendable {
    /// The HTTP method; one that is not an HTTP token fails the interaction and nothing is sent.
    public var method: String
    /// The absolute URL the request goes to.
    public var url: URL
    /// Header lines in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body; `nil` sends none. A `GET` with a body sends it, as a pact may say.
    public var body: Data?

    /// A request; no headers and no body by default.
    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The values of header `name` in order, matched case-insensitively.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// Replaces every line of header `name` (any case) with one line `name: value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        removeHeader(name)
        headers.append((name, value))
    }

    /// Adds a line `name: value`, keeping the lines already there.
    public mutating func addHeader(_ name: String, _ value: String) {
        headers.append((name, value))
    }

    /// Removes every line of header `name` (any case).
    public mutating func removeHeader(_ name: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}

extension ProviderRequest {
    /// Runs the configured request filter, if any; a filter that throws fails the interaction.
    mutating func apply(_ filter: RequestFilter?) async throws(VerificationError) {
        guard let filter else { return }
        do {
            try await filter(&self)
        } catch {
            throw VerificationError(kind: .request, message: "the request filter failed: \(error)")
        }
    }

    /// The request as the outbound client sends it.
    var outbound: OutboundRequest {
        OutboundRequest(
            method: method, url: url, headers: headers.map { HTTPField(name: $0.name, value: $0.value) },
            body: body.map { [UInt8]($0) })
    }
}
