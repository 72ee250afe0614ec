import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PactModel

/// A response as it came back from the provider (or from a state change URL).
struct ProviderResponse: Sendable {
    var status: Int
    var headers: Headers
    var body: Data

    /// The response in the pact model, ready for `ResponseMatching`. JSON content types parse as JSON (text when the
    /// bytes do not parse), other text types are text, anything else is bytes whose type the matcher detects.
    var model: HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Self.decodeBody(body, contentType: headers.contentType))
    }

    /// The body as text for messages, shortened to `limit` characters.
    func bodyText(limit: Int = 500) -> String {
        let text = String(decoding: body, as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    static func decodeBody(_ data: Data, contentType: ContentType?) -> Body {
        if data.isEmpty { return .empty }
        guard let contentType, contentType.isText else { return .binary(data, contentType: contentType) }
        if contentType.isJSON, let value = try? JSONParser.parse(data) {
            return .json(value, contentType: contentType)
        }
        guard let text = String(data: data, encoding: .utf8) else { return .binary(data, contentType: contentType) }
        return .text(text, contentType: contentType)
    }

    /// Header fields from Foundation's response; URLSession has already joined repeated fields with ", ".
    static func headers(of response: HTTPURLResponse) -> Headers {
        var headers: Headers = [:]
        for (key, value) in response.allHeaderFields {
            guard let name = key as? String else { continue }
            headers[name] = [value as? String ?? "\(value)"]
        }
        return headers
    }
}
