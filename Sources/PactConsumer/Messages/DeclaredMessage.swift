import Foundation
import PactMatching
import PactModel

/// The contents and metadata of one message as declared, with where each was declared.
struct DeclaredMessagePart: Sendable {
    var contents: PactBody?
    var contentType: String?
    var contentsLocation: PactSourceLocation
    var metadata: [String: PactValue] = [:]
    var metadataLocation: PactSourceLocation

    init(at location: PactSourceLocation) {
        contentsLocation = location
        metadataLocation = location
    }

    /// The message as it goes into the pact, with its rules and generators, or the usage errors that keep it out.
    /// The contents' content type becomes the `contentType` metadata unless the metadata names one.
    func compile(version: PactSpecVersion, interaction: String, part: String) -> (MessageContents, [PactUsageError]) {
        var message = MessageContents()
        var metadataCompiler = PartCompiler(version: version, interaction: interaction, declaredAt: metadataLocation)
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            var compiler = TemplateCompiler(version: version)
            let example = compiler.compile(value, at: .root)
            metadataCompiler.adopt(compiler, part: "\(part) metadata '\(key)'")
            if compiler.rules.keys.contains(where: { !$0.isRoot }) || compiler.generators.keys.contains(where: { !$0.isRoot }) {
                metadataCompiler.fail("a metadata value takes one matcher on the whole value, not inside it",
                                      part: "\(part) metadata '\(key)'")
            }
            if let list = compiler.rules[.root] { message.matchingRules[.metadata][key] = RuleList(list) }
            if let generator = compiler.generators[.root] { message.generators[.metadata][key] = generator }
            message.metadata[key] = example
        }
        var contentsCompiler = PartCompiler(version: version, interaction: interaction, declaredAt: contentsLocation)
        let metadataType = MessagePayload.contentTypeKeys.lazy.compactMap { message.metadata[$0]?.stringValue }.first
        if let contents {
            let explicit = contentType ?? contents.contentType
            if let explicit, let metadataType, ContentType(explicit) != ContentType(metadataType) {
                contentsCompiler.fail("the contents' content type '\(explicit)' differs from the metadata content type "
                                      + "'\(metadataType)'", part: "\(part) contents")
            }
            var headers: Headers = [:]
            if let declared = explicit ?? metadataType { headers["Content-Type"] = [declared] }
            message.contents = contentsCompiler.body(PactBody(kind: contents.kind, contentType: explicit),
                                                     headers: &headers, part: "\(part) contents")
            if metadataType == nil, !message.contents.isMissing, let resolved = headers["Content-Type"]?.first {
                message.metadata["contentType"] = .string(resolved)
            }
            message.matchingRules[.body] = contentsCompiler.rules[.body]
            message.generators[.body] = contentsCompiler.generators[.body]
        }
        var errors = metadataCompiler.errors + contentsCompiler.errors
        if errors.isEmpty {
            for mismatch in MessageMatching.match(expected: message, actual: message, version: version) {
                let place = mismatch.path.isEmpty ? "" : " \(mismatch.path)"
                errors.append(PactUsageError(
                    location: mismatch.kind == .metadata ? metadataLocation : contentsLocation, interaction: interaction,
                    part: "\(part) \(mismatch.kind == .metadata ? "metadata" : "contents")\(place)",
                    reason: "the example does not satisfy its own matching rules: \(mismatch.message)"))
            }
        }
        return (message, errors)
    }
}

/// One message interaction as declared: asynchronous (`expectsToReceive`) or synchronous (`synchronousMessage`).
struct DeclaredMessage: DeclaredItem {
    var info: DeclaredInfo
    var synchronous: Bool
    /// The message of an asynchronous interaction, or the request of a synchronous one.
    var message: DeclaredMessagePart?
    var responses: [DeclaredMessagePart] = []

    init(info: DeclaredInfo, synchronous: Bool) {
        self.info = info
        self.synchronous = synchronous
    }
}

/// A declared message compiled for the pact, with the place it was declared.
struct CompiledMessage: CompiledDeclaration {
    var pactInteraction: Interaction
    var location: PactSourceLocation
}

extension DeclaredMessage {
    /// The interaction as written to the pact, or the usage errors that keep it out (its own and its parts').
    func compile(version: PactSpecVersion) -> (CompiledMessage?, [PactUsageError]) {
        var errors = self.errors
        guard let declared = message else {
            let call = synchronous ? "withRequest(contents:…)" : "withContents(_:contentType:)"
            errors.append(PactUsageError(location: location, interaction: description,
                                         reason: "the message has no contents; call \(call) on it"))
            return (nil, errors)
        }
        let (contents, contentErrors) = declared.compile(version: version, interaction: description,
                                                         part: synchronous ? "request" : "message")
        errors += contentErrors
        guard synchronous else {
            let interaction = Interaction.asynchronousMessage(MessageInteraction(info: info.interactionInfo, message: contents))
            return (errors.isEmpty ? CompiledMessage(pactInteraction: interaction, location: location) : nil, errors)
        }
        if responses.isEmpty {
            errors.append(PactUsageError(location: location, interaction: description,
                                         reason: "the synchronous message has no response; call willRespondWith(contents:…) on it"))
        }
        var compiled: [MessageContents] = []
        for (index, response) in responses.enumerated() {
            let (contents, responseErrors) = response.compile(
                version: version, interaction: description, part: responses.count == 1 ? "response" : "response \(index + 1)")
            errors += responseErrors
            compiled.append(contents)
        }
        let interaction = Interaction.synchronousMessages(
            SynchronousMessageInteraction(info: info.interactionInfo, request: contents, responses: compiled))
        return (errors.isEmpty ? CompiledMessage(pactInteraction: interaction, location: location) : nil, errors)
    }
}
