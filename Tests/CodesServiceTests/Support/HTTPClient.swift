import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// A response as the tests see it.
struct TestResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// The body parsed as JSON (nil when it is not).
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }

    /// `errors[0].detail` of an OPG error body.
    var firstErrorDetail: String? { errors.first?["detail"] as? String }

    var errors: [[String: Any]] { (json as? [String: Any])?["errors"] as? [[String: Any]] ?? [] }
}

/// Real HTTP requests to a test service, over the shared URLSession client (`TestHTTP`).
struct HTTPClient: Sendable {
    let baseURL: URL

    /// POSTs `body` as written (it need not be valid JSON).
    func post(_ path: String, _ body: String, headers: [String: String] = [:]) async throws -> TestResponse {
        try await send("POST", path, body: Data(body.utf8), headers: headers)
    }

    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> TestResponse {
        guard let url = URL(string: path, relativeTo: baseURL) else { throw URLError(.badURL) }
        var fields: [String: String] = body == nil ? [:] : ["Content-Type": "application/json"]
        fields.merge(headers) { _, given in given }
        let response = try await TestHTTP.send(method, url, headers: fields, body: body)
        return TestResponse(status: response.status, headers: response.headers, body: response.body)
    }
}
