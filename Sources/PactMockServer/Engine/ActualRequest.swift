import Foundation
import PactModel

/// Turns a request as it arrived on the wire into the pact model, so it can be matched against interactions.
public enum ActualRequest {
    /// The model of an arrived request.
    /// - Parameters:
    ///   - path: the percent-decoded path.
    ///   - rawQuery: the text after `?`, undecoded; nil without `?`.
    ///   - headers: fields in arrival order; names are grouped case-insensitively, keeping the first spelling.
    ///   - hasBody: whether the request framed a body (so an empty body differs from none).
    public static func make(
        method: String, path: String, rawQuery: String?, headers: [(name: String, value: String)], body: Data,
        hasBody: Bool
    ) -> PactRequest {
        let grouped = group(headers)
        let query = rawQuery.flatMap { $0.isEmpty ? nil : FormURLEncoding.parseQuery($0) }
        return PactRequest(method: method, path: path, query: query, rawQuery: rawQuery, headers: grouped,
                           body: decodeBody(body, hasBody: hasBody, contentType: grouped.contentType))
    }

    /// Linear in the number of fields: past a handful of names, each new spelling is looked up once by its
    /// lower-cased form (a scan of the names seen so far made 10,000 header fields take over a second). Typical
    /// requests have a few fields, where a scan without allocating is cheaper.
    static func group(_ fields: [(name: String, value: String)]) -> Headers {
        var headers: Headers = [:]
        headers.reserveCapacity(fields.count)
        var spellingByLowercased: [String: String]?
        for field in fields {
            if headers[field.name] != nil {
                headers[field.name]?.append(field.value)
                continue
            }
            let existing: String?
            if headers.count < 16 {
                existing = headers.keys.first { sameHeaderName($0, field.name) }
            } else {
                if spellingByLowercased == nil {
                    spellingByLowercased = Dictionary(headers.keys.map { ($0.lowercased(), $0) }) { first, _ in first }
                }
                existing = spellingByLowercased?[field.name.lowercased()]
            }
            if let existing {
                headers[existing]?.append(field.value)
            } else {
                spellingByLowercased?[field.name.lowercased()] = field.name
                headers[field.name] = [field.value]
            }
        }
        return headers
    }

    /// Header names are ASCII tokens, so an allocation-free comparison is enough.
    package static func sameHeaderName(_ a: String, _ b: String) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        return a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lower($0) == lower($1) }
    }

    /// JSON content types parse as JSON (text when the bytes do not parse), other text types are text, anything
    /// else (or no content type) is bytes, whose type the matcher detects from the content.
    static func decodeBody(_ data: Data, hasBody: Bool, contentType: ContentType?) -> Body {
        if data.isEmpty { return hasBody ? .empty : .missing }
        guard let contentType, contentType.isText else { return .binary(data, contentType: contentType) }
        if contentType.isJSON, let value = try? JSONParser.parse(data) {
            return .json(value, contentType: contentType)
        }
        guard let text = String(data: data, encoding: .utf8) else { return .binary(data, contentType: contentType) }
        return .text(text, contentType: contentType)
    }
}
