import Foundation
import PactModel

/// Where pacts to verify come from.
public enum PactSource: Sendable, Hashable {
    /// A pact file.
    case file(URL)
    /// Every `*.json` file directly inside a directory, in name order.
    case directory(URL)
    /// A pact fetched over HTTP(S), e.g. from a broker, with optional authentication.
    case url(URL, authentication: PactSourceAuthentication? = nil)
    /// A pact already in memory.
    case pact(Pact)
    /// Pact JSON already fetched (e.g. from a Pact Broker), named `origin` in reports; `pending` marks every
    /// interaction pending, so that its failures are reported without failing the run (broker pending/WIP pacts).
    case document(Data, origin: String, pending: Bool = false)

    /// How the source is named in reports.
    public var name: String {
        switch self {
        case .file(let url), .directory(let url): url.path
        case .url(let url, _): url.absoluteString
        case .pact(let pact): "\(pact.consumer)-\(pact.provider) (in memory)"
        case .document(_, let origin, _): origin
        }
    }
}

/// Credentials for fetching pacts from a URL.
public enum PactSourceAuthentication: Sendable, Hashable {
    /// HTTP basic authentication.
    case basic(username: String, password: String)
    /// A bearer token (`Authorization: Bearer <token>`).
    case bearer(token: String)

    /// The `Authorization` header value.
    var headerValue: String {
        switch self {
        case .basic(let username, let password): "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .bearer(let token): "Bearer \(token)"
        }
    }
}

/// A pact read from a source, with the name of where it came from.
struct LoadedPact: Sendable {
    var pact: Pact
    var origin: String?
}
