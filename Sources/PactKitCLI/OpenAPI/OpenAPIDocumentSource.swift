#if OpenAPI
import Foundation
import OutboundHTTP
import PactOpenAPI

/// Where `--openapi` points: a file read with its relative `$ref`s, or an http(s) URL fetched through OutboundHTTP
/// (a timeout over the whole download, a body cap) and read alone.
enum OpenAPIDocumentSource {
    /// The largest document fetched from a URL (as the reader's own cap on a file).
    static let maxDocumentBytes = 64 << 20

    /// Reads the document `source` names.
    static func read(_ source: String, timeout: Duration) async throws(OpenAPIDocumentError) -> OpenAPIDocument {
        let lowered = source.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            guard FileManager.default.fileExists(atPath: source) else {
                throw OpenAPIDocumentError(file: source, reason: "no such file")
            }
            return try OpenAPIDocumentReader.read(path: source)
        }
        let text = try await fetch(source, timeout: timeout)
        return try OpenAPIDocumentReader.read(text: text, name: source, readsRelativeFiles: false)
    }

    private static func fetch(_ source: String, timeout: Duration) async throws(OpenAPIDocumentError) -> String {
        guard let url = URL(string: source), url.host != nil else {
            throw OpenAPIDocumentError(file: source, reason: "is not a valid URL")
        }
        let client: OutboundHTTPClient
        do {
            client = try OutboundHTTPClient(settings: .init(timeout: timeout, maxResponseBodyBytes: maxDocumentBytes))
        } catch {
            throw OpenAPIDocumentError(file: source, reason: "cannot be fetched: \(error.reason)")
        }
        let headers = [HTTPField(name: "Accept", value: "application/yaml, application/json, text/yaml, */*"),
                       HTTPField(name: "User-Agent", value: "pactkit-openapi-check")]
        let response: OutboundResponse
        do {
            response = try await client.send(OutboundRequest(method: "GET", url: url, headers: headers))
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw OpenAPIDocumentError(file: source, reason: "cannot be fetched: \(error.reason)")
        }
        guard (200..<300).contains(response.status) else {
            let body = String(decoding: response.body.prefix(200), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
            throw OpenAPIDocumentError(file: source, reason: "fetching it answered \(response.status)" + (body.isEmpty ? "" : ": \(body)"))
        }
        guard let text = String(validating: response.body, as: UTF8.self) else {
            throw OpenAPIDocumentError(file: source, reason: "is not UTF-8 text")
        }
        return text
    }
}
#endif
