import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A tiny client standing in for the consumer's real API client.
struct TestClient: Sendable {
    let baseURL: URL

    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
    }

    func send(
        _ method: String, _ path: String, query: String? = nil, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> Response {
        var text = baseURL.absoluteString + path
        if let query { text += "?" + query }
        guard let url = URL(string: text) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var responseHeaders: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { responseHeaders[name.lowercased()] = value }
        }
        return Response(status: http.statusCode, headers: responseHeaders, body: data)
    }

    func postJSON(_ path: String, _ object: [String: Any]) async throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try await send("POST", path, headers: ["Content-Type": "application/json"], body: body)
    }
}
