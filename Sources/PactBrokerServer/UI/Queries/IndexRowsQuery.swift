import Foundation

/// The index page's rows from the store in two set-based queries: every integration's latest pact (for the search,
/// the count and the pages), then, for the rows on the page shown only, the latest pact's branch or tag, the last
/// verification and the webhook status, all of them at once.
enum IndexRowsQuery {
    static func rows(_ tx: any BrokerStoreTransaction, query: IndexPageQuery) async throws -> [IndexPageRow] {
        let heads = try await tx.integrationHeads()
        var rows = heads.map {
            IndexPageRow(consumer: $0.consumerName, provider: $0.providerName, latestPactPublishedAt: $0.publishedAt)
        }
        let shown = Set(query.paging(rows).shown.map { Key(consumer: $0.consumer, provider: $0.provider) })
        let shownIndexes = heads.indices.filter { shown.contains(Key(consumer: heads[$0].consumerName, provider: heads[$0].providerName)) }
        let overviews = try await tx.integrationOverviews(shownIndexes.map { heads[$0] })
        for (index, overview) in zip(shownIndexes, overviews) {
            rows[index].latestPactBranch = overview.branch
            rows[index].latestPactTag = overview.tag
            rows[index].lastVerification = overview.lastVerification.map { verification(overview.head, $0) }
            rows[index].webhook = webhook(overview.webhook)
        }
        try await markContractComparisons(tx, &rows, shown: Array(zip(shownIndexes, overviews)))
        return rows
    }

    /// Marks the shown rows whose last verification is a contract comparison with the path of its results.
    static func markContractComparisons(
        _ tx: any BrokerStoreTransaction, _ rows: inout [IndexPageRow], shown: [(index: Int, overview: IntegrationOverview)]
    ) async throws {
        let verified = shown.compactMap { entry in entry.overview.lastVerification.map { (entry.index, entry.overview.head, $0) } }
        guard !verified.isEmpty else { return }
        let compared = try await tx.contractComparisonIDs(verificationIDs: verified.map(\.2.verificationID))
        for (index, head, last) in verified where compared.contains(last.verificationID) {
            guard let record = try await tx.verification(id: last.verificationID) else { continue }
            rows[index].lastVerification?.contractComparisonPath = "/pacts/provider/" + BrokerURLs.segment(head.providerName)
                + "/consumer/" + BrokerURLs.segment(head.consumerName) + "/pact-version/"
                + BrokerURLs.segment(last.verifiedPactContentSHA) + "/verification-results/" + String(record.number)
        }
    }

    private struct Key: Hashable {
        var consumer: String
        var provider: String
    }

    /// pact_broker's `PseudoBranchStatus` of the latest pact from its last verification.
    static func verification(_ head: IntegrationHead, _ last: IntegrationVerification) -> IndexPageVerification {
        IndexPageVerification(
            status: IndexVerificationStatus(latestPactVersion: head.pactContentSHA, verifiedPactVersion: last.verifiedPactContentSHA,
                                            success: last.success, pactPending: last.pending),
            verifiedAt: last.verifiedAt, providerVersion: last.providerVersionNumber)
    }

    /// The "Webhook status" cell: the date of the last triggered webhook for a success or failure.
    static func webhook(_ status: IntegrationWebhookStatus) -> IndexPageWebhook {
        switch status.status {
        case .none: IndexPageWebhook(status: .none)
        case .notRun: IndexPageWebhook(status: .notRun)
        case .retrying: IndexPageWebhook(status: .retrying)
        case .success: IndexPageWebhook(status: .success, lastExecutedAt: status.lastTriggeredAt)
        case .failure: IndexPageWebhook(status: .failure, lastExecutedAt: status.lastTriggeredAt)
        }
    }
}
