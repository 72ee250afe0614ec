import Foundation
import PactModel

/// What the body matchers need to know about a body: whether it counts as empty, its content type, its text and its
/// JSON value.
enum BodyContent {
    /// Missing, null, empty, zero-length, or a JSON `""`. V1–V3 files write an empty body as `"body": ""`, which a
    /// reader may keep as the JSON string "" under a JSON content type; the testcases treat it as empty.
    static func isEmpty(_ body: Body) -> Bool {
        switch body {
        case .missing, .null, .empty: true
        case .json(let value, _): value == .null || value == .string("")
        case .text(let text, _): text.isEmpty
        case .binary(let data, _): data.isEmpty
        }
    }

    /// The content type from the headers, else the one stored with the body, else JSON for JSON values, else what
    /// the bytes look like; nil when unknown.
    static func contentType(of body: Body, headers: Headers) -> ContentType? {
        if let header = headers.contentType { return header }
        if let stored = body.contentType { return stored }
        switch body {
        case .json: return .json
        case .text(let text, _): return ContentTypeDetector.detect(Data(text.utf8))
        case .binary(let data, _): return ContentTypeDetector.detect(data)
        case .missing, .null, .empty: return nil
        }
    }

    /// The body as text (UTF-8 for bytes, compact JSON for JSON values other than strings).
    static func text(of body: Body) -> String? {
        switch body {
        case .missing, .null, .empty: ""
        case .json(.string(let s), _): s
        case .json(let value, _): JSONWriter.compact(value)
        case .text(let s, _): s
        case .binary(let data, _): String(data: data, encoding: .utf8)
        }
    }

    /// The body as a JSON value, parsing text and bytes.
    static func json(of body: Body) -> Result<JSONValue, JSONParseError> {
        switch body {
        case .missing, .null, .empty: .success(.null)
        case .json(let value, _): .success(value)
        case .text(let text, _): Result { () throws(JSONParseError) in try JSONParser.parse(text) }
        case .binary(let data, _): Result { () throws(JSONParseError) in try JSONParser.parse(data) }
        }
    }

    /// A short description for mismatch sentences: the text (shortened) or, for bytes, pact-reference's
    /// `[content type, N bytes, starting with <hex of the first 32 bytes>]` (`*/*` when the type is unknown).
    static func summary(of body: Body) -> String {
        switch body {
        case .binary(let data, let contentType):
            return "[\(contentType?.description ?? "*/*"), \(data.count) bytes, starting with \(hexPrefix(data))]"
        default:
            let text = self.text(of: body) ?? ""
            return text.count > 200 ? "'\(text.prefix(200))…'" : "'\(text)'"
        }
    }

    /// The first 32 bytes in hex, as pact-reference's binary mismatches show them.
    static func hexPrefix(_ data: Data) -> String {
        data.prefix(32).map { String(format: "%02x", $0) }.joined()
    }
}
