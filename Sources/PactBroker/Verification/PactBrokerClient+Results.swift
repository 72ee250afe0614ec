import Foundation
import PactModel

extension PactBrokerClient {
    /// Publishes `results` for `pact`: first the provider version's branch and tags (through the provider resource's
    /// `pb:branch-version` and `pb:version-tag` links), then a POST to the pact's `pb:publish-verification-results`.
    /// Returns the URL of the stored result (the `Location` header), when the broker gives one.
    @discardableResult
    public func publish(
        _ results: VerificationResults, for pact: BrokerPact, providerBranch: String? = nil, providerTags: [String] = []
    ) async throws(BrokerError) -> String? {
        let resultsLink = try pact.resource.requiredLink("pb:publish-verification-results", purpose: "publish verification results")
        if providerBranch != nil || !providerTags.isEmpty {
            let providerLink = try pact.resource.requiredLink("pb:provider", purpose: "set the provider version's branch and tags")
            let provider = try await resource(at: try providerLink.url(), what: "the provider")
            if let providerBranch {
                guard let link = provider.link("pb:branch-version") else {
                    throw BrokerError(kind: .unsupported,
                                      reason: "cannot publish the provider branch: the provider resource has no 'pb:branch-version' link (branches need Pact Broker 2.86.0 or later)")
                }
                _ = try await send("PUT", link.url(["branch": providerBranch, "version": results.providerVersion]), json: .object([:]))
            }
            for tag in providerTags {
                let link = try provider.requiredLink("pb:version-tag", purpose: "tag the provider version")
                _ = try await send("PUT", link.url(["version": results.providerVersion, "tag": tag]), json: .object([:]))
            }
        }
        // Not retried: a lost answer would otherwise store the result twice.
        let response = try await send("POST", resultsLink.url(), json: results.body, idempotent: false)
        return response.headers.first { $0.name.caseInsensitiveCompare("Location") == .orderedSame }?.value
            ?? response.json?["_links"]?["self"]?["href"]?.stringValue
    }
}
