import Foundation
import PactModel

/// What `pf:publish-provider-contract` receives: a provider version (with its branch, tags and build) and its
/// contract with the self-verification results, as PactFlow's clients send it.
public struct ProviderContractPublication: Sendable, Hashable {
    /// The provider (pacticipant) name.
    public var provider: String
    /// The provider version number (the git SHA, ideally).
    public var providerVersion: String
    /// The provider version's branch.
    public var branch: String?
    /// Tags for the provider version.
    public var tags: [String]
    /// The CI build that produced the contract.
    public var buildURL: String?
    /// The contract document.
    public var contract: ProviderContractFile
    /// The provider's own verification of the contract.
    public var selfVerification: SelfVerificationResults

    /// A publication; branch, tags and build URL are optional.
    public init(provider: String, providerVersion: String, branch: String? = nil, tags: [String] = [], buildURL: String? = nil,
                contract: ProviderContractFile, selfVerification: SelfVerificationResults) {
        self.provider = provider
        self.providerVersion = providerVersion
        self.branch = branch
        self.tags = tags
        self.buildURL = buildURL
        self.contract = contract
        self.selfVerification = selfVerification
    }

    /// The request body: contents base64-encoded (RFC 4648, no line breaks), absent fields left out.
    public var body: JSONValue {
        var results: [String: JSONValue] = ["success": .bool(selfVerification.success)]
        results["content"] = selfVerification.content.map { .string($0.base64EncodedString()) }
        results["contentType"] = selfVerification.contentType.map(JSONValue.string)
        results["format"] = selfVerification.format.map(JSONValue.string)
        results["verifier"] = selfVerification.verifier.map(JSONValue.string)
        results["verifierVersion"] = selfVerification.verifierVersion.map(JSONValue.string)
        let contract: [String: JSONValue] = [
            "content": .string(contract.content.base64EncodedString()),
            "contentType": .string(contract.contentType),
            "specification": .string(contract.specification),
            "selfVerificationResults": .object(results),
        ]
        var body: [String: JSONValue] = ["pacticipantVersionNumber": .string(providerVersion), "contract": .object(contract)]
        if !tags.isEmpty { body["tags"] = .array(tags.map(JSONValue.string)) }
        body["branch"] = branch.map(JSONValue.string)
        body["buildUrl"] = buildURL.map(JSONValue.string)
        return .object(body)
    }
}

/// What the broker answered to a provider contract publication.
public struct ProviderContractOutcome: Sendable {
    /// The broker's notices, in order; a generic line when it sent none.
    public var notices: [BrokerNotice]
    /// The answer's body as received (printed by `--output json`).
    public var body: String
    /// The answer's body as JSON, when it is JSON.
    public var json: JSONValue?
    /// The stored contract (`pf:provider-contract`), when the broker linked it.
    public var contractURL: URL?
}
