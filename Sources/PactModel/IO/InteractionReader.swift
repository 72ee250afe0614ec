import Foundation

/// Reads interactions: V1–V3 request/response interactions, V3 messages, and the three V4 interaction types.
enum InteractionReader {
    /// An entry of `interactions`. V4 entries need a `type`; earlier versions are always request/response.
    /// `memo` carries values decoded for earlier interactions of the same file.
    static func interaction(
        _ json: JSONValue, version: PactSpecVersion, at path: JSONLocation, file: String?, memo: ReaderMemo? = nil
    ) throws(PactError) -> Interaction {
        let reader = try JSONObjectReader(json, at: path, file: file)
        guard version >= .v4 else { return .http(try http(reader, version: version, memo: memo)) }
        let type = try reader.requiredString("type")
        switch type {
        case "Synchronous/HTTP":
            return .http(try http(reader, version: version, memo: memo))
        case "Asynchronous/Messages":
            let message = try MessageReader.message(json, version: version, at: path, file: file, memo: memo, part: .request)
            return .asynchronousMessage(MessageInteraction(info: try info(reader, version: version), message: message))
        case "Synchronous/Messages":
            return .synchronousMessages(try synchronousMessages(reader, version: version, memo: memo))
        default:
            throw reader.error(
                "unknown interaction type '\(type)' (expected Synchronous/HTTP, Asynchronous/Messages or Synchronous/Messages)",
                at: "type")
        }
    }

    /// An entry of a V3 `messages` array.
    static func v3Message(
        _ json: JSONValue, version: PactSpecVersion, at path: JSONLocation, file: String?, memo: ReaderMemo? = nil
    ) throws(PactError) -> Interaction {
        let reader = try JSONObjectReader(json, at: path, file: file)
        let message = try MessageReader.message(json, version: version, at: path, file: file, memo: memo, part: .request)
        return .asynchronousMessage(MessageInteraction(info: try info(reader, version: version), message: message))
    }

    private static func http(_ reader: JSONObjectReader, version: PactSpecVersion, memo: ReaderMemo?) throws(PactError) -> HTTPInteraction {
        let info = try info(reader, version: version)
        guard let request = reader.value("request") else { throw reader.missing("request") }
        guard let response = reader.value("response") else { throw reader.missing("response") }
        return HTTPInteraction(
            info: info,
            request: try HTTPPartsReader.request(
                request, version: version, at: reader.childLocation("request"), file: reader.file, servable: true, memo: memo),
            response: try HTTPPartsReader.response(
                response, version: version, at: reader.childLocation("response"), file: reader.file, servable: true, memo: memo))
    }

    private static func synchronousMessages(
        _ reader: JSONObjectReader, version: PactSpecVersion, memo: ReaderMemo?
    ) throws(PactError) -> SynchronousMessageInteraction {
        let info = try info(reader, version: version)
        guard let requestJSON = reader.value("request") else { throw reader.missing("request") }
        let request = try MessageReader.message(
            requestJSON, version: version, at: reader.childLocation("request"), file: reader.file, memo: memo, part: .request)
        var responses: [MessageContents] = []
        let responsesLocation = reader.childLocation("response")
        for (index, item) in (try reader.optionalArray("response") ?? []).enumerated() {
            responses.append(try MessageReader.message(
                item, version: version, at: .element(responsesLocation, index), file: reader.file, memo: memo, part: .response))
        }
        return SynchronousMessageInteraction(info: info, request: request, responses: responses)
    }

    /// The shared attributes. The V4-only ones (`key`, `pending`, `comments`, …) are read from V4 files only.
    static func info(_ reader: JSONObjectReader, version: PactSpecVersion) throws(PactError) -> InteractionInfo {
        var info = InteractionInfo(description: try reader.requiredString("description"))
        info.providerStates = try providerStates(reader)
        guard version >= .v4 else { return info }
        info.key = try reader.optionalString("key")
        info.pending = try reader.optionalBool("pending") ?? false
        info.comments = try reader.optionalMap("comments")?.dictionary ?? [:]
        info.pluginConfiguration = try reader.optionalMap("pluginConfiguration")?.dictionary ?? [:]
        info.interactionMarkup = try reader.optionalMap("interactionMarkup")?.dictionary ?? [:]
        info.transport = try reader.optionalString("transport")
        return info
    }

    /// `providerStates` (V3+ array of `{name, params}`), else the V1/V2 string `providerState` or `provider_state`.
    static func providerStates(_ reader: JSONObjectReader) throws(PactError) -> [ProviderState] {
        if let states = try reader.optionalArray("providerStates") {
            let statesLocation = reader.childLocation("providerStates")
            var result: [ProviderState] = []
            result.reserveCapacity(states.count)
            for (index, item) in states.enumerated() {
                let state = try JSONObjectReader(item, at: .element(statesLocation, index), file: reader.file)
                result.append(ProviderState(name: try state.requiredString("name"), params: try state.optionalMap("params")?.dictionary ?? [:]))
            }
            return result
        }
        for key in ["providerState", "provider_state"] {
            if let name = try reader.optionalString(key) { return [ProviderState(name: name)] }
        }
        return []
    }
}
