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
        var out: JSONObject = [
            "consumer": ["name": .string(pact.consumer)],
            "provider": ["name": .string(pact.provider)],
            "metadata": metadata(for: pact, version: version),
        ]
        switch version {
        case .v4:
            out["interactions"] = .array(pact.interactions.map(InteractionWriter.v4))
        case .v3:
            let (key, entries) = try v3Interactions(pact)
            out[key] = .array(entries)
        case .v1, .v1_1, .v2:
            out["interactions"] = .array(try LegacyPactWriter.interactions(pact, version: version))
        }
        return .object(out)
    }

    /// One interaction as it appears in a pact file of `version` (a V3 pact's message as an entry of `messages`).
    public static func json(for interaction: Interaction, version: PactSpecVersion) throws(PactError) -> JSONValue {
        switch version {
        case .v4: return InteractionWriter.v4(interaction)
        case .v3:
            switch interaction {
            case .http(let http): return InteractionWriter.v3HTTP(http)
            case .asynchronousMessage(let message): return InteractionWriter.v3Message(message)
            case .synchronousMessages:
                throw PactError(jsonPath: "$", reason: "a V3 pact cannot hold Synchronous/Messages interactions "
                                + "('\(interaction.description)'); write V4")
            }
        case .v1, .v1_1, .v2:
            return try LegacyPactWriter.interaction(interaction, version: version, at: "$")
        }
    }

    /// The pact file's bytes: pretty-printed, sorted keys, trailing newline.
    public static func data(for pact: Pact, version: PactSpecVersion) throws(PactError) -> Data {
        JSONWriter.prettyData(try json(for: pact, version: version))
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
        .object(PartsWriter.message(message, version: version))
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

    /// The V3 array name ("interactions" or "messages") and its entries.
    private static func v3Interactions(_ pact: Pact) throws(PactError) -> (String, [JSONValue]) {
        var http: [JSONValue] = []
        var messages: [JSONValue] = []
        for (index, interaction) in pact.interactions.enumerated() {
            switch interaction {
            case .http(let i): http.append(InteractionWriter.v3HTTP(i))
            case .asynchronousMessage(let m): messages.append(InteractionWriter.v3Message(m))
            case .synchronousMessages:
                throw PactError(
                    jsonPath: "$.interactions[\(index)]",
                    reason: "a V3 pact cannot hold Synchronous/Messages interactions ('\(interaction.description)'); write V4")
            }
        }
        if !http.isEmpty && !messages.isEmpty {
            throw PactError(jsonPath: "$", reason: "a V3 pact cannot hold both HTTP interactions and messages; write V4")
        }
        return messages.isEmpty ? ("interactions", http) : ("messages", messages)
    }
}
