import Foundation

/// Reads bodies (and message contents) in the V1–V3 form (the JSON value itself) and the V4 body object form
/// (`{"contentType", "encoded", "content", "contentTypeHint"}`).
enum BodyReader {
    /// A body as the file holds it. `json` is nil when the key is absent. `fallbackContentType` comes from the
    /// `Content-Type` header (or a message's metadata) and is used when the body does not name its own.
    static func read(
        _ json: JSONValue?, version: PactSpecVersion, fallbackContentType: ContentType?, at path: JSONLocation, file: String?
    ) throws(PactError) -> Body {
        guard let json else { return .missing }
        if version >= .v4, case .object(let members) = json, isBodyObject(members) {
            let reader = try JSONObjectReader(json, at: path, file: file)
            return try readBodyObject(reader, fallbackContentType: fallbackContentType)
        }
        // V4 files written by hand sometimes hold the raw value; it reads like a V3 body.
        return legacy(json, contentType: fallbackContentType)
    }

    /// A V1–V3 body: null, "", a string (parsed as JSON text for JSON content types, base64 for binary ones), or JSON.
    static func legacy(_ json: JSONValue, contentType: ContentType?) -> Body {
        switch json {
        case .null:
            return .null
        case .string(let text):
            if text.isEmpty { return .empty }
            guard let contentType else { return .text(text, contentType: nil) }
            if contentType.isJSON {
                // pact-reference writes JSON string bodies as their JSON text: "\"Mallory\"" is the string Mallory.
                if let parsed = try? JSONParser.parse(text) { return .json(parsed, contentType: contentType) }
                return .json(.string(text), contentType: contentType)
            }
            if contentType.isBinary, let data = Data(base64Encoded: text) {
                return .binary(data, contentType: contentType)
            }
            return .text(text, contentType: contentType)
        default:
            return .json(json, contentType: contentType)
        }
    }

    /// True when the object has one of the body object's keys (`content`, `contentType`, `encoded`,
    /// `contentTypeHint`). Looked up rather than hashing every key: body objects are small, JSON bodies may be large.
    private static func isBodyObject(_ members: JSONObject) -> Bool {
        members["content"] != nil || members["contentType"] != nil || members["encoded"] != nil
            || members["contentTypeHint"] != nil
    }

    private static func readBodyObject(_ reader: JSONObjectReader, fallbackContentType: ContentType?) throws(PactError) -> Body {
        let declared = try reader.optionalString("contentType").flatMap(ContentType.init)
        let contentType = declared ?? fallbackContentType
        guard reader.contains("content") else { return .missing }
        guard let content = reader.value("content") else { return .null }
        switch try encoding(reader) {
        case .none:
            guard case .string(let text) = content else { return .json(content, contentType: contentType) }
            if text.isEmpty { return .empty }
            if contentType?.isJSON == true, let parsed = try? JSONParser.parse(text) {
                return .json(parsed, contentType: contentType)
            }
            return .text(text, contentType: contentType)
        case .json:
            guard case .string(let text) = content else { return .json(content, contentType: contentType) }
            do {
                return .json(try JSONParser.parse(text), contentType: contentType)
            } catch {
                throw PactError(file: reader.file, jsonPath: reader.childPath("content"), reason: "content encoded as JSON is not valid JSON: \(error)")
            }
        case .base64:
            guard case .string(let text) = content else {
                throw PactError.typeMismatch(expected: "a String", got: content, at: reader.childPath("content"), file: reader.file)
            }
            if text.isEmpty { return .empty }
            guard let data = Data(base64Encoded: text) else {
                throw PactError(file: reader.file, jsonPath: reader.childPath("content"), reason: "content is not valid base64")
            }
            return decoded(data, contentType: contentType, hint: try reader.optionalString("contentTypeHint"))
        }
    }

    private enum Encoding { case none, json, base64 }

    /// `encoded`: false/absent, true (pact-reference reads it as base64), "base64" or "JSON" (any case).
    private static func encoding(_ reader: JSONObjectReader) throws(PactError) -> Encoding {
        guard let value = reader.value("encoded") else { return .none }
        switch value {
        case .bool(let flag): return flag ? .base64 : .none
        case .string(let name):
            switch name.lowercased() {
            case "base64": return .base64
            case "json": return .json
            default: throw reader.error("unknown body encoding '\(name)' (expected false, \"base64\" or \"JSON\")", at: "encoded")
            }
        default:
            throw reader.wrongType("encoded", expected: "a Boolean or a String", got: value)
        }
    }

    /// Decoded base64 bytes: JSON and text types become JSON or text when the bytes are UTF-8, the rest stay bytes.
    private static func decoded(_ data: Data, contentType: ContentType?, hint: String?) -> Body {
        guard let contentType, hint?.uppercased() != "BINARY" else { return .binary(data, contentType: contentType) }
        let isText = contentType.isText || hint?.uppercased() == "TEXT"
        guard isText, let text = String(data: data, encoding: .utf8) else { return .binary(data, contentType: contentType) }
        if contentType.isJSON, let parsed = try? JSONParser.parse(data) { return .json(parsed, contentType: contentType) }
        return .text(text, contentType: contentType)
    }
}
