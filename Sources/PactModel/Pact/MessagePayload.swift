import Foundation

/// A message as it travels: the contents as bytes and the metadata, whose `contentType` says how to read the bytes.
/// Consumer tests receive these (and return them for synchronous messages); providers produce them.
public struct MessagePayload: Sendable, Hashable {
    /// The contents as they would go on the queue.
    public var contents: Data
    /// The metadata (topic, key, `contentType`, …) as JSON values.
    public var metadata: [String: JSONValue]

    /// Contents and metadata as given; put the content type in `metadata["contentType"]`.
    public init(contents: Data, metadata: [String: JSONValue] = [:]) {
        self.contents = contents
        self.metadata = metadata
    }

    /// A JSON message; `contentType` `application/json` unless the metadata names one.
    public static func json(_ value: JSONValue, metadata: [String: JSONValue] = [:]) -> MessagePayload {
        MessagePayload(contents: Data(JSONWriter.compact(value).utf8), metadata: withContentType(metadata, "application/json"))
    }

    /// A text message of `contentType` (`text/plain` by default) unless the metadata names one.
    public static func text(_ text: String, contentType: String = "text/plain", metadata: [String: JSONValue] = [:]) -> MessagePayload {
        MessagePayload(contents: Data(text.utf8), metadata: withContentType(metadata, contentType))
    }

    /// A binary message of `contentType` unless the metadata names one.
    public static func binary(
        _ data: Data, contentType: String = "application/octet-stream", metadata: [String: JSONValue] = [:]
    ) -> MessagePayload {
        MessagePayload(contents: data, metadata: withContentType(metadata, contentType))
    }

    /// The content type the metadata declares (`contentType`, `content-type` or `Content-Type`), as written.
    public var contentType: String? {
        for key in MessagePayload.contentTypeKeys { if let text = metadata[key]?.stringValue { return text } }
        return nil
    }

    /// The metadata names that carry a message's content type.
    public static let contentTypeKeys = ["contentType", "content-type", "Content-Type"]

    /// The contents as JSON, or nil when they do not parse.
    public var json: JSONValue? { try? JSONParser.parse(contents) }

    /// The contents as UTF-8 text, or nil when they are not.
    public var text: String? { String(data: contents, encoding: .utf8) }

    /// The contents decoded from JSON into `type`.
    public func decode<T: Decodable>(_ type: T.Type, using decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(type, from: contents)
    }

    private static func withContentType(_ metadata: [String: JSONValue], _ contentType: String) -> [String: JSONValue] {
        if MessagePayload.contentTypeKeys.contains(where: { metadata[$0] != nil }) { return metadata }
        var result = metadata
        result["contentType"] = .string(contentType)
        return result
    }
}



extension MessagePayload {
    /// The bytes and metadata of a message as the pact describes it; the contents' content type is added to the
    /// metadata when the metadata names none.
    public init(_ message: MessageContents) {
        var metadata = message.metadata
        if MessageReader.contentType(in: metadata) == nil, let type = message.contents.headerContentType {
            metadata["contentType"] = .string(type)
        }
        self.init(contents: message.contents.isMissing ? Data() : message.contents.bytes, metadata: metadata)
    }
}

extension MessageContents {
    /// The content type of the contents: the body's own, else the one the metadata declares.
    public var declaredContentType: ContentType? { contents.contentType ?? MessageReader.contentType(in: metadata) }
}
