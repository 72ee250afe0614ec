import Foundation

/// Writes interactions as V3 interactions/messages or V4 typed interactions.
enum InteractionWriter {
    /// A V3 request/response interaction.
    static func v3HTTP(_ interaction: HTTPInteraction) -> JSONValue {
        var out = common(interaction.info)
        out["request"] = PartsWriter.request(interaction.request, version: .v3)
        out["response"] = PartsWriter.response(interaction.response, version: .v3)
        return .object(out)
    }

    /// An entry of a V3 `messages` array.
    static func v3Message(_ interaction: MessageInteraction) -> JSONValue {
        .object(common(interaction.info).merging(PartsWriter.message(interaction.message, version: .v3)) { _, new in new })
    }

    /// A V4 interaction with `type`, `key` and `pending`. An interaction without a key gets one computed from its
    /// other contents, so writing the same pact twice gives the same file.
    static func v4(_ interaction: Interaction) -> JSONValue {
        var out = common(interaction.info)
        out["type"] = .string(interaction.typeName)
        out["pending"] = .bool(interaction.info.pending)
        let info = interaction.info
        if !info.comments.isEmpty { out["comments"] = .object(info.comments) }
        if !info.pluginConfiguration.isEmpty { out["pluginConfiguration"] = .object(info.pluginConfiguration) }
        if !info.interactionMarkup.isEmpty { out["interactionMarkup"] = .object(info.interactionMarkup) }
        if let transport = info.transport { out["transport"] = .string(transport) }
        switch interaction {
        case .http(let http):
            out["request"] = PartsWriter.request(http.request, version: .v4)
            out["response"] = PartsWriter.response(http.response, version: .v4)
        case .asynchronousMessage(let message):
            out.merge(PartsWriter.message(message.message, version: .v4)) { _, new in new }
        case .synchronousMessages(let exchange):
            out["request"] = .object(PartsWriter.message(exchange.request, version: .v4))
            out["response"] = .array(exchange.responses.map { .object(PartsWriter.message($0, version: .v4)) })
        }
        // Like pact-reference's interaction key, it identifies what is agreed, not who wrote it down: comments (the
        // test name among them) are left out, so a pact regenerated from other tests keeps its keys.
        out["key"] = .string(info.key ?? stableKey(.object(out.filter { $0.key != "comments" })))
        return .object(out)
    }

    private static func common(_ info: InteractionInfo) -> JSONObject {
        var out: JSONObject = ["description": .string(info.description)]
        if !info.providerStates.isEmpty { out["providerStates"] = PartsWriter.providerStates(info.providerStates) }
        return out
    }

    /// 64-bit FNV-1a of the compact (sorted-key) JSON, as 16 hex digits: deterministic across runs and platforms,
    /// unlike `Hasher`.
    static func stableKey(_ json: JSONValue) -> String {
        let hash = JSONWriter.compactFNV1a(json)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
