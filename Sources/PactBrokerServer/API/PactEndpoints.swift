import Foundation
import PactModel

/// Everything under `/pacts`: publishing the old way, fetching pacts, verification results, pacts for verification.
extension BrokerAPI {
    func pactRoutes(_ r: APIRequest, _ urls: BrokerURLs) async throws -> APIReply {
        let s = r.segments
        if s.matches("pacts", "latest") {
            try r.allow("GET")
            let heads = try await store.read { try await $0.integrationHeads() }
            return .ok(["pacts": .array(heads.map { pactSummary($0, urls) }),
                        "_links": ["self": Representations.link(urls.base + "/pacts/latest")]])
        }
        guard s.count >= 3, s[1] == "provider" else { throw APIError.notFound() }
        let provider = s[2]
        if s.matches("pacts", "provider", nil, "for-verification") {
            try r.allow("GET", "POST")
            return try await pactsForVerification(r, urls, provider: provider)
        }
        if s.matches("pacts", "provider", nil, "provider-states") {
            try r.allow("GET")
            return try await providerStates(urls, provider: provider)
        }
        if s.matches("pacts", "provider", nil, "latest") || s.matches("pacts", "provider", nil, "latest", nil) {
            try r.allow("GET")
            let tag = s.count == 5 ? s[4] : nil
            let views = try await store.read { tx -> [PublicationView] in
                let p = try await requirePacticipant(tx, provider)
                return try await tx.publications(providerID: p.id, consumerID: nil, scope: tag.map { .latestForTag($0) } ?? .latest)
            }
            let links = views.map { v in
                Representations.link(urls.pact(provider, v.consumer.name, version: v.consumerVersion.number),
                                     title: "Pact between \(v.consumer.name) (\(v.consumerVersion.number)) and \(provider)",
                                     name: v.consumer.name)
            }
            return .ok(["_links": ["self": Representations.link(r.base + "/" + s.map(BrokerURLs.segment).joined(separator: "/")),
                                   "provider": Representations.link(urls.pacticipant(provider), title: provider),
                                   "pb:provider": Representations.link(urls.pacticipant(provider), title: provider),
                                   "pb:pacts": .array(links), "pacts": .array(links)]])
        }
        guard s.count >= 5, s[3] == "consumer" else { throw APIError.notFound() }
        let consumer = s[4]
        let rest = Array(s.dropFirst(5))
        if rest.matches("version", nil) {
            try r.allow("GET", "PUT")
            if r.method == "PUT" { return try await putPact(r, urls, provider: provider, consumer: consumer, number: rest[1]) }
            return try await pactReply(urls, provider: provider, consumer: consumer) { tx, p, c in
                guard let v = try await tx.version(pacticipantID: c.id, number: rest[1]) else { return nil }
                return try await tx.publications(providerID: p.id, consumerID: c.id, scope: .consumerVersions([v.id])).first
            }
        }
        if rest.matches("latest") || rest.matches("latest", nil) || rest.matches("branch", nil, "latest") {
            try r.allow("GET")
            let scope: PublicationScope = rest.count == 1 ? .latest : rest[0] == "branch" ? .latestForBranch(rest[1]) : .latestForTag(rest[1])
            return try await pactReply(urls, provider: provider, consumer: consumer, consumerVersionHeader: true) { tx, p, c in
                try await tx.publications(providerID: p.id, consumerID: c.id, scope: scope).last
            }
        }
        if let reply = try await pactWebhookRoutes(r, urls, provider: provider, consumer: consumer, rest: rest) { return reply }
        guard rest.count >= 2, rest[0] == "pact-version" else { throw APIError.notFound() }
        let sha = rest[1]
        var tail = Array(rest.dropFirst(2))
        var metadata: String?
        if tail.count >= 2, tail[0] == "metadata" {
            metadata = tail[1]
            tail.removeFirst(2)
        }
        if tail.isEmpty {
            try r.allow("GET")
            return try await pactReply(urls, provider: provider, consumer: consumer, metadata: metadata) { tx, p, c in
                guard let content = try await tx.pactContent(sha: sha, consumerID: c.id, providerID: p.id) else { return nil }
                return try await tx.publications(pactContentID: content.id).last
            }
        }
        if tail.matches("verification-results") {
            try r.allow("POST")
            return try await publishVerification(r, urls, provider: provider, consumer: consumer, sha: sha)
        }
        if tail.matches("verification-results", nil) {
            try r.allow("GET")
            return try await verificationReply(urls, provider: provider, consumer: consumer, sha: sha, number: tail[1])
        }
        throw APIError.notFound()
    }

    private func pactSummary(_ head: IntegrationHead, _ urls: BrokerURLs) -> JSONValue {
        let consumer = head.consumerName, provider = head.providerName, number = head.consumerVersionNumber
        return ["createdAt": .string(BrokerTime.text(head.publishedAt)),
                "_embedded": ["consumer": ["name": .string(consumer), "_embedded": ["version": ["number": .string(number)]],
                                           "_links": ["self": Representations.link(urls.pacticipant(consumer))]],
                              "provider": ["name": .string(provider), "_links": ["self": Representations.link(urls.pacticipant(provider))]]],
                "_links": ["self": .array([
                    Representations.link(urls.latestPact(provider, consumer), title: "Latest pact between \(consumer) and \(provider)"),
                    Representations.link(urls.pact(provider, consumer, version: number), title: "Pact between \(consumer) (\(number)) and \(provider)"),
                ])]]
    }

    private func pactReply(
        _ urls: BrokerURLs, provider: String, consumer: String, metadata: String? = nil, consumerVersionHeader: Bool = false,
        _ find: @escaping @Sendable (any BrokerStoreTransaction, PacticipantRecord, PacticipantRecord) async throws -> PublicationView?
    ) async throws -> APIReply {
        let view = try await store.read { tx -> PublicationView? in
            guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer) else { return nil }
            return try await find(tx, p, c)
        }
        guard let view else { throw APIError.notFound() }
        var reply = APIReply.ok(PactRepresentation.json(view, urls, metadata: metadata))
        // The latest-pact resources name the consumer version they picked (pact_broker's `latest_pact.rb`).
        if consumerVersionHeader { reply.headers.append(("X-Pact-Consumer-Version", view.consumerVersion.number)) }
        return reply
    }
}
