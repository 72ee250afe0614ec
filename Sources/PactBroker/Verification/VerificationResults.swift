import PactModel

/// The result of verifying one pact, as the broker stores it (`pb:publish-verification-results`).
public struct VerificationResults: Sendable {
    /// Whether every interaction verified (pending ones included: the broker decides what pending means).
    public var success: Bool
    /// The provider version that was verified.
    public var providerVersion: String
    /// The CI build that verified it.
    public var buildURL: String?
    /// One entry per verified interaction.
    public var testResults: [InteractionTestResult]

    /// Results; `success` is computed from the entries unless given.
    public init(providerVersion: String, testResults: [InteractionTestResult], buildURL: String? = nil, success: Bool? = nil) {
        self.providerVersion = providerVersion
        self.testResults = testResults
        self.buildURL = buildURL
        self.success = success ?? testResults.allSatisfy(\.success)
    }

    /// The request body, with `verifiedBy {implementation: "PactKit", version}`.
    var body: JSONValue {
        var body: [String: JSONValue] = [
            "success": .bool(success),
            "providerApplicationVersion": .string(providerVersion),
            "testResults": .array(testResults.map(\.json)),
            "verifiedBy": ["implementation": "PactKit", "version": .string(PactWriter.pactKitVersion)],
        ]
        if let buildURL { body["buildUrl"] = .string(buildURL) }
        return .object(body)
    }
}

/// How one interaction verified, in the shape pact-reference sends.
public struct InteractionTestResult: Sendable, Hashable {
    /// How a response differed: `attribute` is `method`, `path`, `status`, `query`, `header`, `body` or `metadata`.
    public struct Mismatch: Sendable, Hashable {
        /// The part of the interaction.
        public var attribute: String
        /// The header or query name, or the body's JSON path.
        public var identifier: String?
        /// What differed.
        public var description: String

        /// A mismatch.
        public init(attribute: String, identifier: String? = nil, description: String) {
            self.attribute = attribute
            self.identifier = identifier
            self.description = description
        }
    }

    /// The interaction's `key` (V4) or `_id` (broker), when the pact has one.
    public var interactionId: String?
    /// The interaction's description.
    public var description: String
    /// Whether it verified.
    public var success: Bool
    /// How the response differed.
    public var mismatches: [Mismatch]
    /// Errors that stopped verification (state setup, transport).
    public var exceptions: [String]

    /// A result.
    public init(interactionId: String?, description: String, success: Bool, mismatches: [Mismatch] = [], exceptions: [String] = []) {
        self.interactionId = interactionId
        self.description = description
        self.success = success
        self.mismatches = mismatches
        self.exceptions = exceptions
    }

    var json: JSONValue {
        var out: [String: JSONValue] = ["interactionDescription": .string(description), "success": .bool(success)]
        if let interactionId { out["interactionId"] = .string(interactionId) }
        if !mismatches.isEmpty {
            out["mismatches"] = .array(mismatches.map { mismatch in
                var item: [String: JSONValue] = ["attribute": .string(mismatch.attribute), "description": .string(mismatch.description)]
                if let identifier = mismatch.identifier { item["identifier"] = .string(identifier) }
                return .object(item)
            })
        }
        if !exceptions.isEmpty { out["exceptions"] = .array(exceptions.map { ["message": .string($0)] }) }
        return .object(out)
    }
}

extension BrokerPact {
    /// The id of the interaction with this description and provider state names, read from the pact JSON
    /// (`key` in V4, `_id` as the broker adds it), so a result can name its interaction exactly. Read from the
    /// document as fetched (already parsed), not by parsing `pactData` again for every interaction.
    public func interactionId(description: String, providerStates: [String]) -> String? {
        guard let interactions = resource.json["interactions"]?.arrayValue else { return nil }
        for interaction in interactions where interaction["description"]?.stringValue == description {
            let states = interaction["providerStates"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
                ?? interaction["providerState"]?.stringValue.map { [$0] } ?? []
            if states == providerStates {
                return interaction["key"]?.stringValue ?? interaction["_id"]?.stringValue
            }
        }
        return nil
    }
}
