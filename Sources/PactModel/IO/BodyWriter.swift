import Foundation

/// Writes bodies the way pact-reference does: V3 as the JSON value itself, V4 as a body object.
enum BodyWriter {
    /// The V3 `body`/`contents` value, or nil for a missing body (the key is then left out).
    static func v3(_ body: Body) -> JSONValue? {
        switch body {
        case .missing: nil
        case .null: .null
        case .empty: .string("")
        // A JSON string is written as its JSON text (as in pact.json), so a JSON reader gets the string back even
        // when its text would itself parse as JSON ("123").
        case .json(.string(let s), _): .string(JSONWriter.compact(.string(s)))
        case .json(let value, _): value
        case .text(let s, _): .string(s)
        case .binary(let data, _): .string(data.base64EncodedString())
        }
    }

    /// The V4 body object, or nil for a missing body. `fallbackContentType` is the `Content-Type` header or the
    /// message's `contentType` metadata, used when the body has no content type of its own.
    static func v4(_ body: Body, fallbackContentType: ContentType?) -> JSONValue? {
        let contentType = body.contentType ?? fallbackContentType
        var out: JSONObject = [:]
        switch body {
        case .missing:
            return nil
        case .null:
            out["content"] = .null
        case .empty:
            out["content"] = .string("")
        case .json(.string(let s), _):
            // A plain string content would be re-parsed as JSON text on reading; "JSON" says it already is.
            out["content"] = .string(JSONWriter.compact(.string(s)))
            out["encoded"] = .string("JSON")
            out["contentType"] = .string((contentType ?? .json).description)
        case .json(let value, _):
            out["content"] = value
            out["encoded"] = .bool(false)
            out["contentType"] = .string((contentType ?? .json).description)
        case .text(let s, _):
            out["content"] = .string(s)
            out["encoded"] = .bool(false)
            if let contentType { out["contentType"] = .string(contentType.description) }
        case .binary(let data, _):
            out["content"] = .string(data.base64EncodedString())
            out["encoded"] = .string("base64")
            if let contentType { out["contentType"] = .string(contentType.description) }
        }
        return .object(out)
    }
}
