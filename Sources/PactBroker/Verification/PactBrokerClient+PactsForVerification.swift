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

    /// Downloads the pacts, at most `configuration.maxConcurrentDownloads` at a time: one download per pact, in the
    /// given order, each the pact's document or why it could not be fetched.
    public func download(_ pacts: [VerifiablePact]) async -> [PactDownload] {
        let limit = configuration.maxConcurrentDownloads
        var results = [Result<BrokerPact, BrokerError>?](repeating: nil, count: pacts.count)
        // Each child returns its offset and a plain `Result` (see `fetchResult`); every pact has exactly one slot.
        await withTaskGroup(of: (offset: Int, result: Result<BrokerPact, BrokerError>).self) { group in
            for (offset, pact) in pacts.enumerated() {
                if offset >= limit, let finished = await group.next() { results[finished.offset] = finished.result }
                group.addTask { (offset, await self.fetchResult(pact)) }
            }
            for await finished in group { results[finished.offset] = finished.result }
        }
        return zip(pacts, results).map { pact, result in
            PactDownload(verifiable: pact, result: result ?? .failure(BrokerError(
                kind: .malformedResponse, reason: "the download of \(pact.url.absoluteString) did not finish")))
        }
    }

    /// `fetchPact` as a value, for the download tasks. The child task's closure must not itself `return` from inside
    /// a `do throws(BrokerError)` block: with Swift 6.3 at `-O`, the `(offset, download)` tuple such a closure
    /// returned reached the parent with the offset overwritten by other bytes (0x0101010101010101 in a reduction),
    /// so the parent's `results[offset] = …` trapped (issue 18's SIGILL) or wrote the wrong slot, and the pact whose
    /// slot stayed empty was dropped. Debug builds are unaffected. Here the typed `do` only assigns, and the closure
    /// returns a plain value.
    private func fetchResult(_ pact: VerifiablePact) async -> Result<BrokerPact, BrokerError> {
        let result: Result<BrokerPact, BrokerError>
        do throws(BrokerError) {
            result = .success(try await fetchPact(pact))
        } catch {
            result = .failure(error)
        }
        return result
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
