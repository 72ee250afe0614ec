import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PactModel

/// A response as a test sees it.
struct ClientResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue? { try? JSONParser.parse(body) }

    /// A header by case-insensitive name.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// Sends requests with URLSession, the client consumer tests use in practice.
enum TestClient {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        return URLSession(configuration: configuration)
    }()

    static func send(
        _ method: String, _ base: URL, _ pathAndQuery: String, headers: [String: String] = [:], body: Data? = nil
    ) async throws -> ClientResponse {
        guard let url = URL(string: base.absoluteString + pathAndQuery) else {
            throw URLError(.badURL)
        }
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
        return ClientResponse(status: http.statusCode, headers: fields, body: data)
    }

    static func json(_ text: String) -> Data { Data(text.utf8) }
}
