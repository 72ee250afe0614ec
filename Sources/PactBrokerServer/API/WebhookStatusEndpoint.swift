import Foundation
import PactModel

/// `GET /pacts/provider/P/consumer/C/webhooks/status`: the integration's webhook status, as pact_broker's
/// `PactWebhooksStatus` resource and `PactWebhooksStatusDecorator` serve it (pact_broker has no `/webhooks/status`).
extension BrokerAPI {
    func pactWebhooksStatus(_ r: APIRequest, _ urls: BrokerURLs, provider: String, consumer: String) async throws -> APIReply {
        try r.allow("GET")
        typealias Found = (consumer: String, provider: String, latest: [LatestTriggeredWebhook], webhooks: [String: WebhookDefinition])
        let found = try await store.read { tx -> Found? in
            guard let p = try await tx.pacticipant(named: provider), let c = try await tx.pacticipant(named: consumer) else { return nil }
            // As pact_broker: none without a pact between them.
            guard try await !tx.publications(providerID: p.id, consumerID: c.id, scope: .latest).isEmpty else {
                return (c.name, p.name, [], [:])
            }
            let latest = try await tx.latestTriggeredWebhooks(consumerID: c.id, providerID: p.id)
            var webhooks: [String: WebhookDefinition] = [:]
            for uuid in Set(latest.map(\.triggered.webhookUUID)) { webhooks[uuid] = try await tx.webhook(uuid: uuid) }
            return (c.name, p.name, latest, webhooks)
        }
        guard let found else { throw APIError.notFound() }
        let statuses = found.latest.map(\.triggered.status)
        func count(_ status: TriggeredWebhook.Status) -> Int { statuses.filter { $0 == status }.count }
        // successful and failed default to 0; retrying and notRun appear only when some are.
        var summary: [String: JSONValue] = ["successful": .int(count(.success)), "failed": .int(count(.failure))]
        if count(.retrying) > 0 { summary["retrying"] = .int(count(.retrying)) }
        if count(.notRun) > 0 { summary["notRun"] = .int(count(.notRun)) }

        var links: [String: JSONValue] = [
            "self": Representations.link(urls.pactWebhooks(provider, consumer) + "/status", title: "Webhooks status"),
            "pb:error-logs": .array(found.latest.filter { $0.triggered.status == .failure || $0.triggered.status == .retrying }.map {
                Representations.link(urls.triggeredWebhookLogs($0.triggered.uuid), title: "Error logs",
                                     name: found.webhooks[$0.triggered.webhookUUID]?.request.summary)
            }),
            "pb:pact-webhooks": Representations.link(
                urls.pactWebhooks(found.provider, found.consumer),
                title: "Webhooks for the pact between \(found.consumer) and \(found.provider)"),
            "pb:consumer": Representations.link(urls.pacticipant(found.consumer), title: "Consumer", name: found.consumer),
            "pb:provider": Representations.link(urls.pacticipant(found.provider), title: "Provider", name: found.provider),
        ]
        if let version = found.latest.first?.triggered.context.consumerVersionNumber {
            links["pb:pact-version"] = Representations.link(
                urls.pact(found.provider, found.consumer, version: version), title: "Pact",
                name: "Pact between \(found.consumer) (\(version)) and \(found.provider)")
        }
        return .ok([
            "summary": .object(summary),
            "_embedded": ["triggeredWebhooks": .array(found.latest.map {
                triggeredWebhookJSON($0.triggered, webhook: found.webhooks[$0.triggered.webhookUUID], attemptsMade: $0.attemptsMade, urls)
            })],
            "_links": .object(links),
        ])
    }
}
