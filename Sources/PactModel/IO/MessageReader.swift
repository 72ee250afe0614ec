import Foundation

/// Reads message contents: V3 `{"contents", "metaData"|"metadata", "matchingRules", "generators"}` where contents is
/// the JSON value itself, and V4 where contents is a body object.
enum MessageReader {
    /// With a `memo`, matching rules written like the last ones of the same `part` are not decoded again.
    static func message(
        _ json: JSONValue, version: PactSpecVersion, at path: JSONLocation, file: String?, memo: ReaderMemo? = nil,
        part: ReaderMemo.Part = .request
    ) throws(PactError) -> MessageContents {
        let reader = try JSONObjectReader(json, at: path, file: file)
        var message = MessageContents()
        // The V3 spec spells it metaData, pact-reference writes metadata; both may appear, the later spelling wins.
        var metadata = try reader.optionalMap("metaData") ?? [:]
        metadata.merge(try reader.optionalMap("metadata") ?? [:]) { _, new in new }
        message.metadata = metadata.dictionary
        message.contents = try BodyReader.read(
            reader.members["contents"], version: version, fallbackContentType: contentType(in: message.metadata),
            at: reader.childLocation("contents"), file: file)
        // The rule codecs accept both `body` and `content` as the category of the contents.
        message.matchingRules = try HTTPPartsReader.matchingRules(reader, memo: memo, part: part)
        message.generators = try HTTPPartsReader.generators(reader)
        return message
    }

    /// The content type a message's metadata declares (`contentType`, `content-type` or `Content-Type`).
    static func contentType(in metadata: [String: JSONValue]) -> ContentType? {
        for key in ["contentType", "content-type", "Content-Type"] {
            if let text = metadata[key]?.stringValue, let type = ContentType(text) { return type }
        }
        return nil
    }
}
