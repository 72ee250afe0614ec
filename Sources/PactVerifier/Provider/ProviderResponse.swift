import Foundation
import OutboundHTTP
import PactModel

/// A response as it came back from the provider (or from a state change URL).
struct ProviderResponse: Sendable {
    var status: Int
    var headers: Headers
    var body: Data
    /// The header lines in arrival order, for a recorded exchange.
    var lines: [RecordedExchange.HeaderLine] = []

    /// The response in the pact model, ready for `ResponseMatching`. JSON content types parse as JSON (text when the
    /// bytes do not parse), other text types are text, anything else is bytes whose type the matcher detects.
    var model: PactResponse {
        PactResponse(status: status, headers: headers, body: Self.decodeBody(body, contentType: headers.contentType))
    }

    /// The response as `RecordedExchange` keeps it.
    var recorded: RecordedExchange.Response {
        RecordedExchange.Response(status: status, headers: lines, body: RecordedBody(body))
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

    /// The response as received: every header line's value is an element of its own, in arrival order, under the
    /// name as first written, so `X-TEST: 1` and `X-TEST: 1000` stay `["1", "1000"]` and a header rule applies to each.
    init(_ response: OutboundResponse) {
        status = response.status
        var headers: Headers = [:]
        var names: [String: String] = [:]
        for field in response.headers {
            let lower = field.name.lowercased()
            let name = names[lower] ?? field.name
            names[lower] = name
            headers[name, default: []].append(field.value)
        }
        self.headers = headers
        lines = response.headers.map { RecordedExchange.HeaderLine(name: $0.name, value: $0.value) }
        body = Data(response.body)
    }
}
