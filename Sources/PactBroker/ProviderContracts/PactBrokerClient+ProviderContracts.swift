import Foundation
import PactModel

extension PactBrokerClient {
    /// The index relation of the provider contract publication (PactFlow's; `pactkit broker` serves it too).
    public static let publishProviderContractRelation = "pf:publish-provider-contract"

    /// Publishes a provider contract: finds `pf:publish-provider-contract` in the index, fills in `{provider}` and
    /// POSTs the publication's body. Not retried (the broker compares the contract with every consumer pact each
    /// time). A broker without the relation is an `.unsupported` error; a refusal is thrown with the broker's
    /// messages, one per field.
    public func publishProviderContract(_ publication: ProviderContractPublication) async throws(BrokerError) -> ProviderContractOutcome {
        let index = try await index()
        guard let link = index.link(Self.publishProviderContractRelation) else {
            throw BrokerError(kind: .unsupported,
                              reason: "the broker at \(configuration.baseURL.absoluteString) does not support provider contracts "
                                + "(no \(Self.publishProviderContractRelation) relation in its index)")
        }
        let url = try link.url(["provider": publication.provider])
        let response = try await send("POST", url, json: publication.body,
                                      accept: "application/hal+json,application/problem+json", idempotent: false)
        let json = response.json
        var notices = BrokerNotice.list(in: json)
        if notices.isEmpty {
            notices = [BrokerNotice(type: "success", text: "Published the provider contract for \(publication.provider) "
                                    + "version \(publication.providerVersion)")]
        }
        let contract = HALResource(json: json ?? .object([:]), url: url).link("pf:provider-contract")
        return ProviderContractOutcome(notices: notices, body: String(decoding: response.body, as: UTF8.self), json: json,
                                       contractURL: try? contract?.url())
    }
}
