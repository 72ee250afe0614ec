import Foundation

/// Writes interactions as V3 interactions/messages or V4 typed interactions, members in key order.
enum InteractionWriter {
    /// Writes a V3 request/response interaction.
    static func writeV3<Sink: JSONSink>(_ interaction: HTTPInteraction, to out: inout Sink) {
        out.beginObject()
        out.member("description", interaction.info.description)
        writeProviderStates(interaction.info, to: &out)
        out.key("request")
        PartsWriter.write(interaction.request, version: .v3, to: &out)
        out.key("response")
        PartsWriter.write(interaction.response, version: .v3, to: &out)
        out.endObject()
    }

    /// Writes an entry of a V3 `messages` array.
    static func writeV3<Sink: JSONSink>(_ interaction: MessageInteraction, to out: inout Sink) {
        let message = interaction.message
        out.beginObject()
        PartsWriter.writeContents(message, version: .v3, to: &out)
        out.member("description", interaction.info.description)
        PartsWriter.writeGenerators(message, version: .v3, to: &out)
        PartsWriter.writeRules(message, version: .v3, to: &out)
        PartsWriter.writeMetadata(message, version: .v3, to: &out)
        writeProviderStates(interaction.info, to: &out)
        out.endObject()
    }

    /// Writes a V4 interaction with `type`, `key` and `pending`. An interaction without a key gets one computed from
    /// its other contents, so writing the same pact twice gives the same file.
    static func writeV4<Sink: JSONSink>(_ interaction: Interaction, to out: inout Sink) {
        out.beginObject()
        writeComments(interaction.info, to: &out)
        writeMembersBeforeKey(interaction, to: &out)
        // Like pact-reference's interaction key, it identifies what is agreed, not who wrote it down: comments (the
        // test name among them) are left out, so a pact regenerated from other tests keeps its keys.
        out.member("key", interaction.info.key ?? stableKey(interaction))
        writeMembersAfterKey(interaction, to: &out)
        out.endObject()
    }

    /// `writeV4` for pact file text, where a computed key is hashed while the interaction is written rather than
    /// by writing it a second time: the output folds the compact form of what it writes, leaving out `comments`
    /// and `key` (the text `stableKey` hashes), and the key, written as a placeholder, is filled in at the end.
    static func writeV4(_ interaction: Interaction, toText out: inout JSONTextOutput) {
        guard interaction.info.key == nil, !out.hashing else {
            writeV4(interaction, to: &out)
            return
        }
        out.beginObject()
        out.startHashAfterBrace()
        let hasComments = !interaction.info.comments.isEmpty
        if hasComments {
            out.pauseHash()
            writeComments(interaction.info, to: &out)
            out.resumeHash(afterFirstMember: true)
        }
        writeMembersBeforeKey(interaction, to: &out)
        out.pauseHash()
        out.member("key", "0000000000000000")
        let keyEnd = out.count
        out.resumeHash(afterFirstMember: false)
        writeMembersAfterKey(interaction, to: &out)
        out.endObject()
        // The 16 digits end just before the key's closing quote.
        out.overwrite(at: keyEnd - 17, with: hexDigits(out.stopHash()))
    }

    /// The V4 interaction without `comments` and `key`: the text its key is the hash of.
    private static func writeForKey<Sink: JSONSink>(_ interaction: Interaction, to out: inout Sink) {
        out.beginObject()
        writeMembersBeforeKey(interaction, to: &out)
        writeMembersAfterKey(interaction, to: &out)
        out.endObject()
    }

    private static func writeComments<Sink: JSONSink>(_ info: InteractionInfo, to out: inout Sink) {
        guard !info.comments.isEmpty else { return }
        out.key("comments")
        out.object(info.comments)
    }

    /// The members that sort between `comments` and `key`; a message's own members (contents, generators,
    /// matchingRules, metadata) fall among the interaction's.
    private static func writeMembersBeforeKey<Sink: JSONSink>(_ interaction: Interaction, to out: inout Sink) {
        let info = interaction.info
        if case .asynchronousMessage(let message) = interaction {
            PartsWriter.writeContents(message.message, version: .v4, to: &out)
        }
        out.member("description", info.description)
        if case .asynchronousMessage(let message) = interaction {
            PartsWriter.writeGenerators(message.message, version: .v4, to: &out)
        }
        if !info.interactionMarkup.isEmpty {
            out.key("interactionMarkup")
            out.object(info.interactionMarkup)
        }
    }

    /// The members that sort after `key`.
    private static func writeMembersAfterKey<Sink: JSONSink>(_ interaction: Interaction, to out: inout Sink) {
        let info = interaction.info
        if case .asynchronousMessage(let message) = interaction {
            PartsWriter.writeRules(message.message, version: .v4, to: &out)
            PartsWriter.writeMetadata(message.message, version: .v4, to: &out)
        }
        out.key("pending")
        out.bool(info.pending)
        if !info.pluginConfiguration.isEmpty {
            out.key("pluginConfiguration")
            out.object(info.pluginConfiguration)
        }
        writeProviderStates(info, to: &out)
        switch interaction {
        case .http(let http):
            out.key("request")
            PartsWriter.write(http.request, version: .v4, to: &out)
            out.key("response")
            PartsWriter.write(http.response, version: .v4, to: &out)
        case .asynchronousMessage:
            break
        case .synchronousMessages(let exchange):
            out.key("request")
            PartsWriter.write(exchange.request, version: .v4, to: &out)
            out.key("response")
            out.beginArray()
            for response in exchange.responses { PartsWriter.write(response, version: .v4, to: &out) }
            out.endArray()
        }
        if let transport = info.transport { out.member("transport", transport) }
        out.member("type", interaction.typeName)
    }

    private static func writeProviderStates<Sink: JSONSink>(_ info: InteractionInfo, to out: inout Sink) {
        if !info.providerStates.isEmpty { PartsWriter.writeProviderStates(info.providerStates, to: &out) }
    }

    /// 64-bit FNV-1a of the interaction's compact (sorted-key) JSON without `key` and `comments`, as 16 hex digits:
    /// deterministic across runs and platforms, unlike `Hasher`. The text is hashed as it is written, never kept.
    static func stableKey(_ interaction: Interaction) -> String {
        var out = JSONTextOutput(indent: false, capacity: 1 << 10, hashing: true)
        defer { out.deallocate() }
        writeForKey(interaction, to: &out)
        return hexDigits(out.hash)
    }

    /// `hash` as 16 lowercase hex digits.
    private static func hexDigits(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
