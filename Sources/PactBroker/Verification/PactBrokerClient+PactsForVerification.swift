import Foundation
import PactModel

extension PactBrokerClient {
    /// The pacts `request.provider` should verify: POSTs the selection to `pb:provider-pacts-for-verification`; on
    /// brokers without it, falls back to `pb:latest-provider-pacts` (or `…-with-tag` per consumer version tag), which
    /// knows nothing of pending or WIP.
    public func pactsForVerification(
        _ request: PactsForVerificationRequest, consumerVersionTags: [String] = []
    ) async throws(BrokerError) -> [VerifiablePact] {
        let index = try await index()
        guard let link = index.link("pb:provider-pacts-for-verification") ?? index.link("beta:provider-pacts-for-verification") else {
            return try await latestPacts(index: index, provider: request.provider, tags: consumerVersionTags)
        }
        let url = try link.url(["provider": request.provider])
        // The POST only reads, so it is retried like a GET.
        let response = try await send("POST", url, json: request.body, idempotent: true)
        let resource = try Self.hal(response, url: url, what: "the pacts for verification of \(request.provider)")
        return try resource.embedded("pacts").map { (item) throws(BrokerError) -> VerifiablePact in
            let pact = HALResource(json: item, url: url)
            guard let this = pact.link("self") else {
                throw BrokerError(kind: .malformedResponse,
                                  reason: "a pact in the pacts for verification of \(request.provider) has no self link",
                                  body: JSONWriter.compact(item))
            }
            let properties = item["verificationProperties"]
            return VerifiablePact(
                url: try this.url(), name: this.name, shortDescription: item["shortDescription"]?.stringValue,
                pending: properties?["pending"]?.boolValue ?? false, wip: properties?["wip"]?.boolValue ?? false,
                notices: BrokerNotice.list(in: properties))
        }
    }

    private func latestPacts(index: HALResource, provider: String, tags: [String]) async throws(BrokerError) -> [VerifiablePact] {
        var links: [HALLink] = []
        if tags.isEmpty {
            links = [try index.requiredLink("pb:latest-provider-pacts", purpose: "find the pacts to verify")]
        } else {
            let link = try index.requiredLink("pb:latest-provider-pacts-with-tag", purpose: "find the pacts to verify by tag")
            links = tags.map { _ in link }
        }
        var pacts: [VerifiablePact] = []
        for (offset, link) in links.enumerated() {
            var values = ["provider": provider]
            if !tags.isEmpty { values["tag"] = tags[offset] }
            let list = try await resource(at: try link.url(values), what: "the latest pacts of \(provider)")
            let items = list.links("pb:pacts").isEmpty ? list.links("pacts") : list.links("pb:pacts")
            for item in items {
                let url = try item.url()
                if !pacts.contains(where: { $0.url == url }) {
                    pacts.append(VerifiablePact(url: url, name: item.title ?? item.name))
                }
            }
        }
        return pacts
    }

    /// Downloads the pacts, at most `configuration.maxConcurrentDownloads` at a time, in the given order.
    public func download(_ pacts: [VerifiablePact]) async -> [PactDownload] {
        let limit = configuration.maxConcurrentDownloads
        return await withTaskGroup(of: (Int, PactDownload).self) { group in
            var next = 0
            var results: [PactDownload?] = Array(repeating: nil, count: pacts.count)
            func start() {
                guard next < pacts.count else { return }
                let offset = next
                let pact = pacts[offset]
                next += 1
                group.addTask {
                    do throws(BrokerError) {
                        return (offset, PactDownload(verifiable: pact, result: .success(try await self.fetchPact(pact))))
                    } catch {
                        return (offset, PactDownload(verifiable: pact, result: .failure(error)))
                    }
                }
            }
            for _ in 0..<min(limit, pacts.count) { start() }
            while let (offset, download) = await group.next() {
                results[offset] = download
                start()
            }
            return results.compactMap { $0 }
        }
    }

    /// Fetches one pact document and separates the pact from the broker's links.
    public func fetchPact(_ pact: VerifiablePact) async throws(BrokerError) -> BrokerPact {
        let resource = try await resource(at: pact.url, what: "the pact \(pact.name ?? pact.url.absoluteString)")
        guard case .object(var members) = resource.json else {
            throw BrokerError(kind: .malformedResponse, reason: "the pact at \(pact.url.absoluteString) is not a JSON object")
        }
        members["_links"] = nil
        members["createdAt"] = nil
        return BrokerPact(verifiable: pact, pactData: Data(JSONWriter.compact(.object(members)).utf8), resource: resource)
    }
}
