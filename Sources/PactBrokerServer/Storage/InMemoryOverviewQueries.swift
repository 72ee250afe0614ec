import Foundation

/// The overview queries in memory (see `BrokerOverviewQueries`): composed of the per-row queries, which cost
/// nothing here; the SQL drivers answer the same in a few statements.
extension InMemoryBrokerTransaction {
    func integrationHeads() -> [IntegrationHead] {
        latestPublicationsOfEveryIntegration().map { view in
            IntegrationHead(publicationID: view.publication.id, consumerID: view.consumer.id, consumerName: view.consumer.name,
                            providerID: view.provider.id, providerName: view.provider.name,
                            consumerVersionID: view.consumerVersion.id, consumerVersionNumber: view.consumerVersion.number,
                            pactContentID: view.content.id, pactContentSHA: view.content.sha, publishedAt: view.publication.createdAt)
        }
    }

    func integrationOverviews(_ heads: [IntegrationHead]) throws -> [IntegrationOverview] {
        try heads.map { head in
            IntegrationOverview(head: head, branch: branchNames(versionID: head.consumerVersionID).first,
                                tag: firstTag(versionID: head.consumerVersionID),
                                lastVerification: try lastVerification(head), webhook: webhookStatus(head))
        }
    }

    func pacticipantOverviews() -> [PacticipantOverview] {
        pacticipants().map { p in
            PacticipantOverview(pacticipant: p, latestVersion: latestVersion(pacticipantID: p.id, tag: nil, branch: nil),
                                labels: labels(pacticipantID: p.id))
        }
    }

    /// The version's first tag by creation, then name (as the SQL drivers order them).
    private func firstTag(versionID: RowID) -> String? {
        tables.withLockedValue { t in
            t.tags.filter { $0.versionID == versionID }.min { ($0.createdAt, $0.name) < ($1.createdAt, $1.name) }?.name
        }
    }

    /// The newest verification of the head's content, else of the newest earlier pact's content that has one.
    private func lastVerification(_ head: IntegrationHead) throws -> IntegrationVerification? {
        var candidates = [(head.pactContentID, head.pactContentSHA)]
        let versions = versions(pacticipantID: head.consumerID, limit: BrokerOverview.lookbackVersions)
        candidates += publications(providerID: head.providerID, consumerID: head.consumerID,
                                       scope: .consumerVersions(versions.map(\.id)))
            .filter { $0.content.id != head.pactContentID }
            .sorted { $0.consumerVersion.order > $1.consumerVersion.order }
            .map { ($0.content.id, $0.content.sha) }
        for (contentID, sha) in candidates {
            let verifications = verifications(pactContentID: contentID)
            guard let last = verifications.last else { continue }
            return IntegrationVerification(
                verificationID: last.id, success: last.success, verifiedAt: last.createdAt,
                providerVersionNumber: version(id: last.providerVersionID)?.number ?? "", verifiedPactContentSHA: sha,
                pending: !last.success && !verifications.dropLast().contains(where: \.success))
        }
        return nil
    }

    /// pact_broker's `Webhooks::Status` of the integration: whether any webhook applies (disabled ones too), and the
    /// latest triggered webhook per webhook and event, the deleted webhooks' left out.
    private func webhookStatus(_ head: IntegrationHead) -> IntegrationWebhookStatus {
        tables.withLockedValue { t in
            func labels(_ id: RowID) -> Set<String> { Set(t.labels.filter { $0.pacticipantID == id }.map(\.name)) }
            func selects(_ selector: WebhookPacticipantSelector?, _ storedID: RowID?, _ id: RowID) -> Bool {
                switch selector {
                case nil: true
                case .name: storedID == id
                case .label(let label): labels(id).contains(label)
                }
            }
            let anyWebhook = t.webhooks.values.contains {
                selects($0.webhook.consumer, $0.consumerID, head.consumerID) && selects($0.webhook.provider, $0.providerID, head.providerID)
            }
            guard anyWebhook else { return IntegrationWebhookStatus(status: .none, lastTriggeredAt: nil) }
            let existing = Set(t.webhooks.values.map(\.webhook.uuid))
            var latest: [String: (id: RowID, triggered: TriggeredWebhook)] = [:]
            for (id, row) in t.triggeredWebhooks where row.consumerID == head.consumerID && row.providerID == head.providerID {
                let key = row.triggered.webhookUUID + "\u{0}" + row.triggered.eventName.rawValue
                if latest[key].map({ $0.id < id }) ?? true { latest[key] = (id, row.triggered) }
            }
            let shown = latest.values.map(\.triggered).filter { existing.contains($0.webhookUUID) }
            return IntegrationWebhookStatus(status: WebhookStatusSummary(anyWebhook: true, latestStatuses: shown.map(\.status)),
                                            lastTriggeredAt: shown.map(\.createdAt).max())
        }
    }
}
