import Foundation
import PactModel

/// What both message builders share: the message pact builder and the message's identity within it. Provider
/// states, pending, comments and the test name come from `InteractionDeclaring`.
public protocol MessageInteractionDeclaring: InteractionDeclaring {
    /// The builder the message belongs to.
    var pact: MessagePactBuilder { get }
    /// The message's identity within the builder.
    var id: Int { get }
}

extension MessageInteractionDeclaring {
    /// The message this builder declares.
    public var declaration: InteractionDeclaration { pact.core.declaration(id) }

    /// Records a message part declared twice.
    func repeated(_ call: String, at location: PactSourceLocation) -> (inout DeclaredMessage) -> Void {
        { declared in
            declared.info.errors.append(PactUsageError(location: location, interaction: declared.description,
                                                       reason: "\(call) is called a second time; a message has one"))
        }
    }
}

/// Declares one asynchronous message; every method returns the builder so calls chain.
public final class AsynchronousMessageBuilder: MessageInteractionDeclaring {
    /// The builder the message belongs to.
    public let pact: MessagePactBuilder
    /// The message's identity within the builder.
    public let id: Int

    init(pact: MessagePactBuilder, id: Int) {
        self.pact = pact
        self.id = id
    }

    /// The message's contents: a dictionary or array literal is JSON (matchers allowed anywhere), a string literal
    /// text; `.binary(…)` for bytes. `contentType` defaults to the metadata's, else the kind's; it is written to the
    /// metadata as `contentType`.
    @discardableResult
    public func withContents(
        _ contents: PactBody, contentType: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        pact.core.update(id) { declared in
            var part = declared.message ?? DeclaredMessagePart(at: location)
            if part.contents != nil { repeated("withContents", at: location)(&declared) }
            part.contents = contents
            part.contentType = contentType
            part.contentsLocation = location
            declared.message = part
        }
        return self
    }

    /// The message's metadata (topic, key, …); values may be matchers, which match the whole value. Repeated calls
    /// add to it.
    @discardableResult
    public func withMetadata(
        _ metadata: [String: PactValue],
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let location = PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        pact.core.update(id) { declared in
            var part = declared.message ?? DeclaredMessagePart(at: location)
            part.metadata.merge(metadata) { _, new in new }
            part.metadataLocation = location
            declared.message = part
        }
        return self
    }
}

/// Declares one synchronous message exchange (V4): one request and one or more responses.
public final class SynchronousMessageBuilder: MessageInteractionDeclaring {
    /// The builder the exchange belongs to.
    public let pact: MessagePactBuilder
    /// The exchange's identity within the builder.
    public let id: Int

    init(pact: MessagePactBuilder, id: Int) {
        self.pact = pact
        self.id = id
    }

    /// The request message the consumer sends: contents (as in `withContents`) and metadata.
    @discardableResult
    public func withRequest(
        contents: PactBody, contentType: String? = nil, metadata: [String: PactValue] = [:],
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let part = Self.part(contents, contentType, metadata,
                             at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        pact.core.update(id) { declared in
            if declared.message != nil { repeated("withRequest", at: part.contentsLocation)(&declared) }
            declared.message = part
        }
        return self
    }

    /// A response message the consumer expects, in order; call once per response.
    @discardableResult
    public func willRespondWith(
        contents: PactBody, contentType: String? = nil, metadata: [String: PactValue] = [:],
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        let part = Self.part(contents, contentType, metadata,
                             at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        pact.core.update(id) { $0.responses.append(part) }
        return self
    }

    private static func part(
        _ contents: PactBody, _ contentType: String?, _ metadata: [String: PactValue], at location: PactSourceLocation
    ) -> DeclaredMessagePart {
        var part = DeclaredMessagePart(at: location)
        part.contents = contents
        part.contentType = contentType
        part.metadata = metadata
        return part
    }
}
