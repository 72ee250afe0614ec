import Foundation
import OutboundHTTP

/// Fetches pacts over HTTP(S) through the run's `OutboundHTTPClient`: the request timeout covers the whole download
/// (a trickling or endless body ends there) and a body over `maxBytes` stops the download.
struct PactFetcher: Sendable {
    let http: OutboundHTTPClient
    let maxBytes: Int

    func fetch(_ url: URL, authentication: PactSourceAuthentication?) async throws(SourceError) -> Data {
        let source = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw SourceError(source: source, message: "only http and https URLs can be fetched")
        }
        var headers = [HTTPField(name: "Accept", value: "application/hal+json, application/json"),
                       HTTPField(name: "User-Agent", value: "pactkit-verifier")]
        if let authentication {
            headers.append(HTTPField(name: "Authorization", value: authentication.headerValue))
        }
        let response: OutboundResponse
        do {
            response = try await http.send(OutboundRequest(method: "GET", url: url, headers: headers), maxBodyBytes: maxBytes)
        } catch {
            let hint = error.kind == .bodyTooLarge ? " (a pact larger than that needs --max-pact-bytes)" : ""
            throw SourceError(source: source, message: "cannot be fetched: \(error.reason)\(hint)")
        }
        guard (200..<300).contains(response.status) else {
            let body = String(decoding: response.body.prefix(500), as: UTF8.self)
            let hint = response.status == 401 || response.status == 403 ? " (check --user/--password or --token)" : ""
            throw SourceError(source: source, message: "fetching it answered \(response.status)\(hint)"
                                + (body.isEmpty ? "" : ": \(body)"))
        }
        return Data(response.body)
    }
}
