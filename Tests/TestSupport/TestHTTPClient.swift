import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PactModel

/// A response as a test sees it.
public struct TestHTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields by the name the server sent.
    public var headers: [String: String]
    /// The body bytes.
    public var body: Data

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
    /// The body parsed as JSON; nil when it is not JSON.
    public var json: JSONValue? { try? JSONParser.parse(body) }

    /// A header by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Requests over URLSession, as a consumer's client would send them: the one URLSession client of the test targets
/// (the servers' own test clients are thin wrappers over it).
public enum TestHTTP {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        // Generous for a loaded CI machine; enough connections for the concurrency tests (16 requests at once).
        configuration.timeoutIntervalForRequest = 30
        configuration.httpMaximumConnectionsPerHost = 16
        return URLSession(configuration: configuration)
    }()

    /// Sends `method` to `base` + `target` (path and query) and returns the whole response.
    public static func send(
        _ method: String, _ base: URL, _ target: String, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> TestHTTPResponse {
        guard let url = URL(string: base.absoluteString + target) else { throw URLError(.badURL) }
        return try await send(method, url, headers: headers, body: body)
    }

    /// Sends `method` to `url` and returns the whole response.
    public static func send(
        _ method: String, _ url: URL, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> TestHTTPResponse {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return TestHTTPResponse(status: http.statusCode, headers: fields, body: data)
    }

    /// `text` as body bytes.
    public static func json(_ text: String) -> Data { Data(text.utf8) }
}
