import Foundation

/// Whether a request is for a page or for the API, as pact_broker's `Rack::PactBroker::RequestTarget` decides: a
/// browser always sends an Accept header, and never only `*/*`; any API media type in Accept or Content-Type means
/// the API.
public enum BrokerPageNegotiation {
    /// The media types that make a request an API request (pact_broker's `API_CONTENT_TYPES`).
    public static let apiMediaTypes = [
        "application/hal+json", "application/problem+json", "application/json", "text/csv", "application/yaml",
        "text/plain",
    ]

    /// True when the request should get an HTML page: an Accept header that is neither empty nor `*/*`, and no
    /// API media type in it or in the Content-Type.
    public static func wantsPage(accept: String?, contentType: String? = nil) -> Bool {
        guard let accept = accept?.trimmingCharacters(in: .whitespaces).lowercased(), !accept.isEmpty,
              accept != "*/*" else { return false }
        let content = contentType?.lowercased() ?? ""
        return !apiMediaTypes.contains { accept.contains($0) || content.contains($0) }
    }
}
