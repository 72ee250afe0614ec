import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches pacts over HTTP(S) with one ephemeral URLSession.
struct PactFetcher: Sendable {
    private let session: URLSession
    private let timeout: Duration

    init(timeout: Duration) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = max(1, Double(timeout.components.seconds).rounded(.up))
        session = URLSession(configuration: configuration)
        self.timeout = timeout
    }

    func close() { session.finishTasksAndInvalidate() }

    func fetch(_ url: URL, authentication: PactSourceAuthentication?) async throws(SourceError) -> Data {
        let source = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw SourceError(source: source, message: "only http and https URLs can be fetched")
        }
        var request = URLRequest(url: url)
        request.setValue("application/hal+json, application/json", forHTTPHeaderField: "Accept")
        request.setValue("pactkit-verifier", forHTTPHeaderField: "User-Agent")
        if let authentication {
            request.setValue(authentication.headerValue, forHTTPHeaderField: "Authorization")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            let failure = TransportErrors.classify(error, target: "GET \(source)", timeout: timeout)
            throw SourceError(source: source, message: "cannot be fetched: \(failure.message)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw SourceError(source: source, message: "cannot be fetched: the answer is not an HTTP response")
        }
        guard (200..<300).contains(http.statusCode) else {
            let body = String(decoding: data.prefix(500), as: UTF8.self)
            let hint = http.statusCode == 401 || http.statusCode == 403 ? " (check --user/--password or --token)" : ""
            throw SourceError(source: source, message: "fetching it answered \(http.statusCode)\(hint)"
                                + (body.isEmpty ? "" : ": \(body)"))
        }
        return data
    }
}
