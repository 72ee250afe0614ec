import Foundation
import PactModel

/// What both message builders declare besides contents: provider states, V4 pending, comments and test name.
public protocol MessageInteractionDeclaring: Sendable {
    /// The builder the message belongs to.
    var pact: MessagePactBuilder { get }
    /// The message's identity within the builder.
    var id: Int { get }
}

extension MessageInteractionDeclaring {
    /// Adds a provider state the message needs, with optional parameters. Call once per state.
    @discardableResult
    public func given(_ state: String, _ params: [String: JSONValue] = [:]) -> Self {
        pact.update(id) { $0.states.append(ProviderState(name: state, params: params)) }
        return self
    }

    /// Marks the message pending (V4): the provider's verification reports its failures without failing.
    @discardableResult
    public func pending(
        _ isPending: Bool = true,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        requireV4("pending", at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        pact.update(id) { $0.pending = isPending }
        return self
    }

    /// Adds a free-text comment (V4 `comments.text`).
    @discardableResult
    public func comment(
        _ text: String,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) -> Self {
        requireV4("comment", at: PactSourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        pact.update(id) { $0.comments = DeclarationChecks.appendingComment(text, to: $0.comments) }
        return self
    }

    /// Sets the test name recorded with the message (V4 `comments.testname`); it defaults to the running test.
    @discardableResult
    public func testName(_ name: String) -> Self {
        if pact.specVersion >= .v4 { pact.update(id) { $0.comments["testname"] = .string(name) } }
        return self
    }

    private func requireV4(_ feature: String, at location: PactSourceLocation) {
        let version = pact.specVersion
        pact.update(id) { declared in
            if let error = DeclarationChecks.requireV4(feature, version: version, interaction: declared.description, at: location) {
                declared.errors.append(error)
            }
        }
    }

    /// Records a message part declared twice.
    func repeated(_ call: String, at location: PactSourceLocation) -> (inout DeclaredMessage) -> Void {
        { declared in
            declared.errors.append(PactUsageError(location: location, interaction: declared.description,
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
        pact.update(id) { declared in
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
        pact.update(id) { declared in
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
        pact.update(id) { declared in
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
        pact.update(id) { $0.responses.append(part) }
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
