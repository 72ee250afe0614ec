import Foundation
import PactModel

/// A produced message that cannot be matched meaningfully against the pact.
public struct MessageDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, without saying who produced the message (callers add that).
    public var reason: String

    /// An error saying `reason`.
    public init(reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}

/// Reads a message's bytes into the pact model for matching, by its content type (the expected one when the message
/// declares none). Refuses, with one error each, what matching could only report as a cascade of differences: no
/// contents where the pact expects some, a content type of another kind than the pact's, JSON that does not parse.
public enum MessageDecoding {
    /// The message as pact contents, to match against `expected` with `MessageMatching`.
    public static func contents(
        of payload: MessagePayload, expected: MessageContents
    ) throws(MessageDecodingError) -> MessageContents {
        let expectedType = expected.declaredContentType
        var actualType: ContentType?
        if let text = payload.contentType {
            guard let parsed = ContentType(text) else {
                throw MessageDecodingError(reason: "the content type '\(text)' is not a media type (type/subtype)")
            }
            actualType = parsed
        }
        if payload.contents.isEmpty {
            guard expected.contents.isEmpty else {
                let kind = expectedType.map { " (\($0.essence))" } ?? ""
                throw MessageDecodingError(reason: "the message has no contents, but the pact expects a body\(kind)")
            }
            return MessageContents(contents: expected.contents.isMissing ? .missing : .empty, metadata: payload.metadata)
        }
        if let expectedType, let actualType, !compatible(expectedType, actualType) {
            throw MessageDecodingError(reason: "the message's contents are '\(actualType.essence)', but the pact "
                                       + "expects '\(expectedType.essence)'")
        }
        return MessageContents(contents: try body(payload.contents, readAs: actualType ?? expectedType, declared: actualType),
                               metadata: payload.metadata)
    }

    /// JSON and JSON-suffixed types are one kind, XML likewise; otherwise the essences must agree.
    private static func compatible(_ expected: ContentType, _ actual: ContentType) -> Bool {
        if expected.isJSON || actual.isJSON { return expected.isJSON && actual.isJSON }
        if expected.isXML || actual.isXML { return expected.isXML && actual.isXML }
        return expected.essence == actual.essence
    }

    private static func body(_ data: Data, readAs contentType: ContentType?, declared: ContentType?) throws(MessageDecodingError) -> Body {
        guard let contentType else { return .binary(data, contentType: nil) }
        if contentType.isJSON {
            do {
                return .json(try JSONParser.parse(data), contentType: declared ?? contentType)
            } catch {
                throw MessageDecodingError(reason: "the message's contents are not valid JSON although their content "
                                           + "type is '\(contentType.essence)': \(error)")
            }
        }
        guard contentType.isText, let text = String(data: data, encoding: .utf8) else {
            return .binary(data, contentType: declared ?? contentType)
        }
        return .text(text, contentType: declared ?? contentType)
    }
}
