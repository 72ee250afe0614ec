import Foundation
import PactModel

/// Builds the request for an interaction: the provider's base URL and base path, the pact's path and query
/// (percent-encoded again), its headers and body bytes, then the configured extra headers.
struct ProviderRequestBuilder: Sendable {
    /// `scheme://host:port/prefix`, without a trailing slash.
    private let prefix: String
    private let customHeaders: [(name: String, value: String)]

    init(baseURL: URL, basePath: String, customHeaders: [(name: String, value: String)]) {
        var base = baseURL.absoluteString
        if let query = base.firstIndex(where: { $0 == "?" || $0 == "#" }) { base = String(base[..<query]) }
        while base.hasSuffix("/") { base.removeLast() }
        var path = basePath.trimmingCharacters(in: .whitespaces)
        while path.hasSuffix("/") { path.removeLast() }
        if !path.isEmpty, !path.hasPrefix("/") { path = "/" + path }
        prefix = base + Self.encodePath(path)
        self.customHeaders = customHeaders
    }

    /// The request as the pact describes it; throws when the path makes no valid URL. Each value of a header is a
    /// line of its own, as pact-reference sends them.
    func request(for request: PactRequest) throws(VerificationError) -> ProviderRequest {
        var text = prefix + Self.encodePath(request.path.hasPrefix("/") || request.path.isEmpty ? request.path : "/" + request.path)
        if let query = request.query, !query.isEmpty {
            text += "?" + Self.encodeQuery(query)
        }
        guard let url = URL(string: text) else {
            throw VerificationError(kind: .request, message: "\(request.method) \(request.path): '\(text)' is not a valid URL")
        }
        var providerRequest = ProviderRequest(method: request.method.uppercased(), url: url)
        for name in request.headers.keys.sorted() {
            for value in request.headers[name] ?? [] {
                providerRequest.addHeader(name, value)
            }
        }
        let body = Self.bytes(of: request.body)
        if let body {
            providerRequest.body = body
            if !body.isEmpty, request.headers.values(forHeader: "Content-Type") == nil,
               let contentType = request.body.headerContentType
            {
                // A provider decides how to read a body by its Content-Type; the pact's body kind implies one.
                providerRequest.setHeader("Content-Type", contentType)
            }
        }
        if request.headers.values(forHeader: "User-Agent") == nil {
            providerRequest.setHeader("User-Agent", "pactkit-verifier")
        }
        for (name, value) in customHeaders {
            providerRequest.setHeader(name, value)
        }
        return providerRequest
    }

    /// The bytes to send, nil for no body. A V1–V3 `"body": ""` read as a JSON string is an empty body.
    static func bytes(of body: Body) -> Data? {
        switch body {
        case .missing: nil
        case .json(.string(""), _): Data()
        default: body.bytes
        }
    }

    /// Path characters that need no escaping; `%` is handled by `encodePath`.
    private static let pathAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "%;")
        return set
    }()

    /// Query name and value characters that need no escaping: the unreserved ones and a few delimiters that carry no
    /// meaning inside a value. `+`, `&`, `=` and `;` are escaped so the provider decodes exactly the pact's text.
    private static let queryAllowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:@/!$'()*,")

    /// The path as sent: characters a path cannot hold are escaped, and a `%XX` escape the pact already holds is
    /// sent as written, as pact-reference sends the pact's path (a Ruby-written pact records
    /// `/pacticipants/Pricing%20Service`); a `%` starting no escape is sent as `%25`.
    static func encodePath(_ path: String) -> String {
        var out = ""
        var rest = Substring(path)
        while let percent = rest.firstIndex(of: "%") {
            out += rest[..<percent].addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? String(rest[..<percent])
            let escape = rest[percent...].prefix(3)
            if escape.count == 3, escape.dropFirst().allSatisfy(\.isHexDigit) {
                out += escape
                rest = rest[percent...].dropFirst(3)
            } else {
                out += "%25"
                rest = rest[percent...].dropFirst()
            }
        }
        return out + (rest.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? String(rest))
    }

    static func encodeQuery(_ query: [QueryParameter]) -> String {
        var pairs: [String] = []
        for parameter in query {
            let name = parameter.name.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? parameter.name
            if parameter.values.isEmpty { pairs.append(name) }
            for value in parameter.values {
                if let value {
                    pairs.append(name + "=" + (value.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? value))
                } else {
                    pairs.append(name)
                }
            }
        }
        return pairs.joined(separator: "&")
    }
}
