import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// A tiny client standing in for the consumer's real API client, over the shared URLSession client (`TestHTTP`).
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
        let response = try await TestHTTP.send(method, url, headers: headers, body: body)
        let lowercased = Dictionary(response.headers.map { ($0.key.lowercased(), $0.value) }) { _, last in last }
        return Response(status: response.status, headers: lowercased, body: response.body)
    }

    func postJSON(_ path: String, _ object: [String: Any]) async throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try await send("POST", path, headers: ["Content-Type": "application/json"], body: body)
    }
}
