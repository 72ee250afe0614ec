import Foundation
import PactModel

/// The JSON of a stored provider contract and of a verification result that is a contract comparison.
enum ProviderContractRepresentation {
    static func json(
        _ c: ProviderContractRecord, provider: String, number: String,
        comparisons: [(ContractComparisonRecord, VerificationRecord, PublicationView)], _ urls: BrokerURLs
    ) -> JSONValue {
        var verification: [String: JSONValue] = ["success": .bool(c.selfVerificationSuccess)]
        if let content = c.selfVerificationContent { verification["content"] = .string(content) }
        if let type = c.selfVerificationContentType { verification["contentType"] = .string(type) }
        if let format = c.selfVerificationFormat { verification["format"] = .string(format) }
        if let verifier = c.verifier { verification["verifier"] = .string(verifier) }
        if let version = c.verifierVersion { verification["verifierVersion"] = .string(version) }
        let links = comparisons.map { _, v, view in
            Representations.link(urls.verificationResult(provider, view.consumer.name, sha: view.content.sha, number: v.number),
                                 title: "Contract comparison",
                                 name: "Comparison with the pact of \(view.consumer.name) (\(view.consumerVersion.number))")
        }
        return [
            "providerName": .string(provider),
            "providerVersionNumber": .string(number),
            "specification": .string(c.specification),
            "contentType": .string(c.contentType),
            "content": .string(c.content),
            "selfVerificationResults": .object(verification),
            "buildUrl": Representations.optional(c.buildURL),
            "createdAt": .string(BrokerTime.text(c.createdAt)),
            "comparisons": .array(comparisons.map { _, v, view in
                [
                    "consumerName": .string(view.consumer.name),
                    "consumerVersionNumber": .string(view.consumerVersion.number),
                    "pactVersionSha": .string(view.content.sha),
                    "success": .bool(v.success),
                    "verificationResultUrl": .string(urls.verificationResult(provider, view.consumer.name, sha: view.content.sha, number: v.number)),
                ]
            }),
            "_links": [
                "self": Representations.link(urls.providerContract(provider, number), title: "Provider contract",
                                             name: "Provider contract for \(provider) version \(number)"),
                "pb:pacticipant": Representations.link(urls.pacticipant(provider), title: "Pacticipant", name: provider),
                "pb:pacticipant-version": Representations.link(urls.version(provider, number), title: "Pacticipant version", name: number),
                "pf:contract-comparisons": .array(links),
            ],
        ]
    }

    /// Adds to a verification result's JSON what marks it as a contract comparison: `contractComparison`, the
    /// comparator's results (`comparisonResults`, the `OpenAPICheckResult` array), their summary and a link to the
    /// provider contract.
    static func addComparison(
        _ comparison: ContractComparisonRecord, details: String, provider: String, providerVersion: String,
        to json: inout JSONValue, _ urls: BrokerURLs
    ) {
        guard case .object(var out) = json else { return }
        out["contractComparison"] = true
        out["comparisonResults"] = (try? JSONParser.parse(comparison.results)) ?? .array([])
        if let summary = (try? JSONParser.parse(details))?["comparisonSummary"] { out["comparisonSummary"] = summary }
        if case .object(var links) = out["_links"] ?? .null {
            links["pf:provider-contract"] = Representations.link(urls.providerContract(provider, providerVersion), title: "Provider contract",
                                                                 name: "Provider contract for \(provider) version \(providerVersion)")
            out["_links"] = .object(links)
        }
        json = .object(out)
    }
}
