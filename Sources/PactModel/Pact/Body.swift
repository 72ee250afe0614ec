import Foundation

/// The body of a request, response or message.
///
/// `missing` (no body in the pact) and `empty` (a present, zero-length body) mean different things when matching:
/// a missing expected body is not checked, an empty one requires an empty actual body.
public enum Body: Sendable, Hashable {
    /// No body was given.
    case missing
    /// A JSON `null` body (pre-V4 files).
    case null
    /// A present body with no content.
    case empty
    /// A JSON document (the content type is JSON, or the pact gave JSON without a content type).
    case json(JSONValue, contentType: ContentType?)
    /// Text content: plain text, XML, form data, or a JSON content type whose text does not parse.
    case text(String, contentType: ContentType?)
    /// Raw bytes (images, octet streams), base64-encoded in pact files.
    case binary(Data, contentType: ContentType?)

    /// The content type stored with the body, if any.
    public var contentType: ContentType? {
        switch self {
        case .missing, .null, .empty: nil
        case .json(_, let ct), .text(_, let ct), .binary(_, let ct): ct
        }
    }

    /// True for `missing`.
    public var isMissing: Bool { if case .missing = self { true } else { false } }

    /// True for `missing`, `null`, `empty`, and zero-length text or bytes.
    public var isEmpty: Bool {
        switch self {
        case .missing, .null, .empty: true
        case .json: false
        case .text(let s, _): s.isEmpty
        case .binary(let d, _): d.isEmpty
        }
    }

    /// The bytes sent on the wire for this body (`null` is sent as `null` only for JSON).
    public var bytes: Data {
        switch self {
        case .missing, .empty: Data()
        case .null: Data("null".utf8)
        case .json(let value, _): JSONWriter.compactData(value)
        case .text(let s, _): Data(s.utf8)
        case .binary(let d, _): d
        }
    }

    /// A copy with the given content type attached (no effect on missing, null and empty bodies).
    public func withContentType(_ contentType: ContentType?) -> Body {
        switch self {
        case .missing, .null, .empty: self
        case .json(let v, _): .json(v, contentType: contentType)
        case .text(let s, _): .text(s, contentType: contentType)
        case .binary(let d, _): .binary(d, contentType: contentType)
        }
    }

    /// The `Content-Type` to send with this body when the interaction's headers name none: the stored content type,
    /// else one that fits the kind of body; nil for bodies with no content.
    public var headerContentType: String? {
        if let stored = contentType { return stored.description }
        switch self {
        case .json: return "application/json"
        case .text: return "text/plain; charset=utf-8"
        case .binary: return "application/octet-stream"
        case .missing, .null, .empty: return nil
        }
    }
}
