import Foundation

/// Writes bodies the way pact-reference does: V3 as the JSON value itself, V4 as a body object.
enum BodyWriter {
    /// Writes the member `key` with the V3 `body`/`contents` value; nothing for a missing body.
    static func writeV3<Sink: JSONSink>(_ body: Body, as key: StaticString, to out: inout Sink) {
        switch body {
        case .missing: return
        case .null:
            out.key(key)
            out.null()
        case .empty: out.member(key, "")
        // A JSON string is written as its JSON text (as in pact.json), so a JSON reader gets the string back even
        // when its text would itself parse as JSON ("123").
        case .json(.string(let s), _): out.member(key, JSONWriter.compact(.string(s)))
        case .json(let value, _):
            out.key(key)
            out.value(value)
        case .text(let s, _): out.member(key, s)
        case .binary(let data, _): out.member(key, data.base64EncodedString())
        }
    }

    /// Writes the member `key` with the V4 body object; nothing for a missing body. `fallbackContentType` is the
    /// `Content-Type` header or the message's `contentType` metadata, used when the body has no content type of its
    /// own; it is only asked for when needed.
    static func writeV4<Sink: JSONSink>(
        _ body: Body, fallbackContentType: () -> ContentType?, as key: StaticString, to out: inout Sink
    ) {
        if case .missing = body { return }
        out.key(key)
        out.beginObject()
        // Members in key order: content, contentType, encoded.
        switch body {
        case .missing:
            break
        case .null:
            out.key("content")
            out.null()
        case .empty:
            out.member("content", "")
        case .json(.string(let s), let own):
            // A plain string content would be re-parsed as JSON text on reading; "JSON" says it already is.
            out.member("content", JSONWriter.compact(.string(s)))
            out.member("contentType", (own ?? fallbackContentType() ?? .json).description)
            out.member("encoded", "JSON")
        case .json(let value, let own):
            out.key("content")
            out.value(value)
            out.member("contentType", (own ?? fallbackContentType() ?? .json).description)
            out.key("encoded")
            out.bool(false)
        case .text(let s, let own):
            out.member("content", s)
            if let contentType = own ?? fallbackContentType() { out.member("contentType", contentType.description) }
            out.key("encoded")
            out.bool(false)
        case .binary(let data, let own):
            out.member("content", data.base64EncodedString())
            if let contentType = own ?? fallbackContentType() { out.member("contentType", contentType.description) }
            out.member("encoded", "base64")
        }
        out.endObject()
    }
}
