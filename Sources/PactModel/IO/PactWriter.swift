import Foundation

/// Writes pacts as V1, V1.1, V2, V3 or V4 JSON documents the way pact-reference does, with sorted keys so the same
/// pact always gives the same bytes.
public enum PactWriter {
    /// The version written into `metadata.pactKit.version`.
    public static let pactKitVersion = "0.1.0"

    /// The pact as a JSON document of `version`. V3 cannot hold `Synchronous/Messages`, nor HTTP interactions and
    /// messages in one file; a V3 pact of messages only is written with a `messages` array. V1, V1.1 and V2 hold HTTP
    /// interactions only, with one provider state without parameters, no generators, and (V2) only the `type` and
    /// `regex` matchers, one per place (`LegacyPactWriter`); what they cannot hold is an error naming it.
    public static func json(for pact: Pact, version: PactSpecVersion) throws(PactError) -> JSONValue {
        try JSONTreeBuilder.build { (out) throws(PactError) in try write(pact, version: version, to: &out) }
    }

    /// One interaction as it appears in a pact file of `version` (a V3 pact's message as an entry of `messages`).
    public static func json(for interaction: Interaction, version: PactSpecVersion) throws(PactError) -> JSONValue {
        try JSONTreeBuilder.build { (out) throws(PactError) in
            switch version {
            case .v4: InteractionWriter.writeV4(interaction, to: &out)
            case .v3:
                switch interaction {
                case .http(let http): InteractionWriter.writeV3(http, to: &out)
                case .asynchronousMessage(let message): InteractionWriter.writeV3(message, to: &out)
                case .synchronousMessages:
                    throw PactError(jsonPath: "$", reason: "a V3 pact cannot hold Synchronous/Messages interactions "
                                    + "('\(interaction.description)'); write V4")
                }
            case .v1, .v1_1, .v2:
                try LegacyPactWriter.write(interaction, version: version, at: "$", to: &out)
            }
        }
    }

    /// The pact file's bytes: pretty-printed, sorted keys, trailing newline. They are written straight from the
    /// pact, with no `JSONValue` in between.
    public static func data(for pact: Pact, version: PactSpecVersion) throws(PactError) -> Data {
        var out = JSONTextOutput(indent: true, capacity: 1 << 16)
        do {
            try write(pact, version: version, to: &out) { interaction, out in
                InteractionWriter.writeV4(interaction, toText: &out)
            }
        } catch {
            out.deallocate()
            throw error
        }
        out.endDocument()
        return out.takeData()
    }

    /// Writes the pact file to `url` atomically.
    public static func write(_ pact: Pact, version: PactSpecVersion, to url: URL) throws {
        try data(for: pact, version: version).write(to: url, options: .atomic)
    }

    /// A request as it appears in an interaction of `version` (used by the mock server and the verifier).
    public static func json(for request: PactRequest, version: PactSpecVersion) -> JSONValue {
        PartsWriter.request(request, version: version)
    }

    /// A response as it appears in an interaction of `version`.
    public static func json(for response: PactResponse, version: PactSpecVersion) -> JSONValue {
        PartsWriter.response(response, version: version)
    }

    /// Message contents as they appear in an interaction of `version` (`contents`, `metadata`, rules, generators).
    public static func json(for message: MessageContents, version: PactSpecVersion) -> JSONValue {
        PartsWriter.message(message, version: version)
    }

    /// Writes the pact document: `consumer`, the interactions (`interactions`, or a V3 pact's `messages`),
    /// `metadata` and `provider`, in key order.
    /// `writeV4` writes a V4 interaction (`InteractionWriter.writeV4`, or its form for text).
    private static func write<Sink: JSONSink>(
        _ pact: Pact, version: PactSpecVersion, to out: inout Sink,
        writeV4: (Interaction, inout Sink) -> Void = { InteractionWriter.writeV4($0, to: &$1) }
    ) throws(PactError) {
        // V3's array name, and what V3 cannot hold, are settled before anything is written.
        var arrayName: StaticString = "interactions"
        if version == .v3 { arrayName = try v3ArrayName(pact) }
        out.beginObject()
        out.key("consumer")
        writeName(pact.consumer, to: &out)
        out.key(arrayName)
        out.beginArray()
        switch version {
        case .v4:
            for interaction in pact.interactions { writeV4(interaction, &out) }
        case .v3:
            for interaction in pact.interactions {
                switch interaction {
                case .http(let http): InteractionWriter.writeV3(http, to: &out)
                case .asynchronousMessage(let message): InteractionWriter.writeV3(message, to: &out)
                case .synchronousMessages: break  // refused by v3ArrayName
                }
            }
        case .v1, .v1_1, .v2:
            for (index, interaction) in pact.interactions.enumerated() {
                try LegacyPactWriter.write(interaction, version: version, at: "$.interactions[\(index)]", to: &out)
            }
        }
        out.endArray()
        out.key("metadata")
        out.value(metadata(for: pact, version: version))
        out.key("provider")
        writeName(pact.provider, to: &out)
        out.endObject()
    }

    private static func writeName<Sink: JSONSink>(_ name: String, to out: inout Sink) {
        out.beginObject()
        out.member("name", name)
        out.endObject()
    }

    /// The pact's metadata with the specification version and this writer's version; version keys from older
    /// files are dropped so the file declares one version only.
    private static func metadata(for pact: Pact, version: PactSpecVersion) -> JSONValue {
        var metadata = pact.metadata
        for key in PactReader.versionKeys { metadata[key] = nil }
        metadata["pactSpecification"] = ["version": .string(version.versionString)]
        metadata["pactKit"] = ["version": .string(pactKitVersion)]
        return .object(metadata)
    }

    /// The V3 array name: `interactions`, or `messages` for a pact of messages only. A V3 pact cannot hold
    /// `Synchronous/Messages`, nor HTTP interactions and messages together.
    private static func v3ArrayName(_ pact: Pact) throws(PactError) -> StaticString {
        var http = false
        var messages = false
        for (index, interaction) in pact.interactions.enumerated() {
            switch interaction {
            case .http: http = true
            case .asynchronousMessage: messages = true
            case .synchronousMessages:
                throw PactError(
                    jsonPath: "$.interactions[\(index)]",
                    reason: "a V3 pact cannot hold Synchronous/Messages interactions ('\(interaction.description)'); write V4")
            }
        }
        if http && messages {
            throw PactError(jsonPath: "$", reason: "a V3 pact cannot hold both HTTP interactions and messages; write V4")
        }
        return messages ? "messages" : "interactions"
    }
}
