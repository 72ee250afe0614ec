import Foundation

/// Why a call to the codes service failed.
///
/// Mirrors the real consumers' handling (SPEC.md §4): 200 is success, 404 is "not found", every other status is an
/// API error that keeps the body so callers can log or inspect it.
public enum CodesClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The service answered 404: the code (or route) does not exist.
    case notFound
    /// The service answered a status other than 200 and 404; `body` is the response body as text.
    case api(status: Int, body: String)
    /// The request never got an HTTP answer (connection refused, timeout, TLS failure…).
    case transport(String)
    /// A 200 answer whose body is not what the endpoint returns; `reason` says what did not fit.
    case unexpectedResponse(endpoint: String, reason: String, body: String)
    /// The request could not be built (an unusable base URL or an unencodable body).
    case invalidRequest(String)

    /// The entries of the OPG error envelope `{"errors":[{"code","title","detail"?}]}` in an `.api` body; empty when
    /// the body is not such an envelope.
    public var apiErrors: [CodesAPIError] {
        guard case .api(_, let body) = self else { return [] }
        return CodesAPIError.decodeEnvelope(Data(body.utf8))
    }

    /// A one-line message saying what failed, with the status and body for API errors.
    public var description: String {
        switch self {
        case .notFound: "codes service: not found (404)"
        case .api(let status, let body): "codes service: HTTP \(status): \(body)"
        case .transport(let reason): "codes service unreachable: \(reason)"
        case .unexpectedResponse(let endpoint, let reason, let body): "codes service \(endpoint): unexpected response (\(reason)): \(body)"
        case .invalidRequest(let reason): "codes service request not sent: \(reason)"
        }
    }
}

/// One entry of the service's error envelope, e.g. `OPGDATA-API-INVALIDREQUEST` / `Bad payload`.
public struct CodesAPIError: Sendable, Hashable, Codable {
    /// The machine-readable error code, e.g. `OPGDATA-API-INVALIDREQUEST`.
    public var code: String
    /// A short human-readable summary, e.g. `Bad payload`.
    public var title: String
    /// A longer explanation, when the service gives one.
    public var detail: String?

    /// Builds an entry; `detail` is optional.
    public init(code: String, title: String, detail: String? = nil) {
        self.code = code
        self.title = title
        self.detail = detail
    }

    private struct Envelope: Decodable {
        var errors: [CodesAPIError]
    }

    static func decodeEnvelope(_ data: Data) -> [CodesAPIError] {
        (try? JSONDecoder().decode(Envelope.self, from: data))?.errors ?? []
    }
}
