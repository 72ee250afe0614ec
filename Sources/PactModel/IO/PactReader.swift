import Foundation

/// Reads Pact files of every specification version (V1, V1.1, V2, V3, V4) into the model.
///
/// The version comes from `metadata.pactSpecification.version`, or the legacy `metadata["pact-specification"].version`
/// or `metadata.pactSpecificationVersion`. A file that declares none is read as V4 when an interaction has a `type`,
/// as V3 when it has a `messages` array or an interaction uses `providerStates`, a query map or `generators`, and as V2
/// otherwise. Errors name the file (when known), the JSON path and the reason; no input makes the reader crash.
public enum PactReader {
    /// Reads the pact file at `url`; errors name the file's path.
    public static func read(contentsOf url: URL) throws(PactError) -> Pact {
        let data: Data
        do {
            data = try FileBytes.read(atPath: url.path)
        } catch {
            throw PactError(file: url.path, jsonPath: "$", reason: "cannot read the file: \(error.reason)")
        }
        return try read(data: data, file: url.path)
    }

    /// Reads a pact from UTF-8 JSON bytes. A syntax error is reported at `$` with "line L, column C: …" as the reason.
    public static func read(data: Data, file: String? = nil) throws(PactError) -> Pact {
        let json: JSONValue
        do {
            json = try JSONParser.parse(data)
        } catch {
            throw PactError(file: file, jsonPath: "$", reason: error.description)
        }
        return try read(json: json, file: file)
    }

    /// Reads a pact from a parsed JSON document.
    public static func read(json: JSONValue, file: String? = nil) throws(PactError) -> Pact {
        let root = try JSONObjectReader(json, at: "$", file: file)
        let consumer = try root.requiredObject("consumer").requiredString("name")
        let provider = try root.requiredObject("provider").requiredString("name")
        var metadata = try root.optionalMap("metadata") ?? [:]
        let version = try declaredVersion(metadata, root: root) ?? inferredVersion(root)
        for key in versionKeys { metadata[key] = nil }

        var interactions: [Interaction] = []
        let interactionsLocation = root.childLocation("interactions")
        let items = try root.optionalArray("interactions") ?? []
        interactions.reserveCapacity(items.count)
        // Interactions repeat headers and rules: each is decoded once for as long as it repeats.
        let memo = ReaderMemo()
        for (index, item) in items.enumerated() {
            let location = JSONLocation.element(interactionsLocation, index)
            interactions.append(try InteractionReader.interaction(item, version: version, at: location, file: file, memo: memo))
        }
        if version < .v4 {
            let messagesLocation = root.childLocation("messages")
            for (index, item) in (try root.optionalArray("messages") ?? []).enumerated() {
                let location = JSONLocation.element(messagesLocation, index)
                interactions.append(try InteractionReader.v3Message(item, version: version, at: location, file: file, memo: memo))
            }
        }
        return Pact(consumer: consumer, provider: provider, interactions: interactions, metadata: metadata.dictionary, specVersion: version)
    }

    /// A request object as it appears in an interaction (and in the spec testcases' "expected"/"actual"). A missing
    /// `method` or `path` is GET or "/", as pact-reference reads them. Headers are taken as written (folded values
    /// too); `read` checks that a pact file's headers could be sent.
    public static func request(
        from json: JSONValue, version: PactSpecVersion, at jsonPath: String = "$.request", file: String? = nil
    ) throws(PactError) -> PactRequest {
        try HTTPPartsReader.request(json, version: version, at: .path(jsonPath), file: file, servable: false)
    }

    /// A response object as it appears in an interaction or a testcase; a missing `status` is 200.
    public static func response(
        from json: JSONValue, version: PactSpecVersion, at jsonPath: String = "$.response", file: String? = nil
    ) throws(PactError) -> PactResponse {
        try HTTPPartsReader.response(json, version: version, at: .path(jsonPath), file: file, servable: false)
    }

    /// A message object: V3 `{"contents", "metaData"|"metadata", "matchingRules", "generators"}` or V4 (contents as
    /// a body object).
    public static func message(
        from json: JSONValue, version: PactSpecVersion, at jsonPath: String = "$", file: String? = nil
    ) throws(PactError) -> MessageContents {
        try MessageReader.message(json, version: version, at: .path(jsonPath), file: file)
    }

    /// The metadata keys that carry the specification version; they are not kept in `Pact.metadata`.
    static let versionKeys = ["pactSpecification", "pact-specification", "pactSpecificationVersion"]

    private static func declaredVersion(_ metadata: JSONObject, root: JSONObjectReader) throws(PactError) -> PactSpecVersion? {
        let metadataPath = root.childPath("metadata")
        for key in ["pactSpecification", "pact-specification"] {
            guard let entry = metadata[key], !entry.isNull else { continue }
            let entryReader = try JSONObjectReader(entry, at: JSONPath.child(metadataPath, key), file: root.file)
            if let version = try version(entryReader.value("version"), at: entryReader.childPath("version"), file: root.file) {
                return version
            }
        }
        return try version(
            metadata["pactSpecificationVersion"], at: JSONPath.child(metadataPath, "pactSpecificationVersion"), file: root.file)
    }

    /// A version string such as "3.0.0" (a bare number is accepted too); null means not declared.
    private static func version(_ json: JSONValue?, at path: String, file: String?) throws(PactError) -> PactSpecVersion? {
        guard let json, !json.isNull else { return nil }
        let text: String
        switch json {
        case .string(let s): text = s
        case .number(let n): text = n.literal
        default: throw PactError.typeMismatch(expected: "a String", got: json, at: path, file: file)
        }
        guard let version = PactSpecVersion(versionString: text) else {
            throw PactError(file: file, jsonPath: path, reason: "unknown specification version '\(text)'")
        }
        return version
    }

    private static func inferredVersion(_ root: JSONObjectReader) -> PactSpecVersion {
        let interactions = root.value("interactions")?.arrayValue ?? []
        if interactions.contains(where: { $0["type"] != nil }) { return .v4 }
        if root.value("messages") != nil { return .v3 }
        let usesV3 = interactions.contains { interaction in
            interaction["providerStates"] != nil || interaction["request"]?["query"]?.objectValue != nil
                || interaction["request"]?["generators"] != nil || interaction["response"]?["generators"] != nil
        }
        return usesV3 ? .v3 : .v2
    }
}
